package peregrine.calendar.ics.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;
import peregrine.calendar.ics.IcsCalendar;
import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.WorkbenchSettings;

/**
 * Interviews in one iCalendar file ({@code ics_file}): set up by {@code integrations/ics_file.yaml} (see
 * {@link IcsSettings}). An event's id is its UID; the provider keeps no address and no version, as an update
 * replaces the VEVENT of that UID whatever it holds.
 */
@Component(service = { CalendarProvider.class, IcsCalendar.class })
public final class IcsCalendarProvider implements CalendarProvider, IcsCalendar {

    static final String ID = "ics_file";

    private final WorkbenchSettings settings;

    @Activate
    public IcsCalendarProvider(@Reference WorkbenchSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "iCalendar file (.ics)";
    }

    @Override
    public ProviderStatus status() {
        try {
            Optional<IcsSettings> configured = configured();
            if (configured.isEmpty()) {
                return ProviderStatus.notConnected("Not set up. To keep interviews in an .ics file that calendar apps import, create "
                        + settings.integrationFile(ID) + " (it may be empty, or say path: and name:).");
            }
            IcsSettings s = configured.get();
            return ProviderStatus.connected("Interviews go to " + s.file() + s.name().map(n -> " (calendar '" + n + "')").orElse(""));
        } catch (SettingsException e) {
            return ProviderStatus.broken(e.getMessage());
        }
    }

    @Override
    public Optional<Path> file() throws SettingsException {
        return configured().map(IcsSettings::file);
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        String uid = IcsEvents.uid(event.identity().key());
        VEvent vevent = IcsEvents.vevent(uid, event, Instant.now());
        boolean existed = calendar().change(events -> {
            boolean found = events.removeIf(e -> IcsEvents.uidOf(e).filter(uid::equals).isPresent());
            events.add(vevent);
            return found;
        });
        RemoteEvent created = RemoteEvent.of(uid);
        return existed ? created.asExisting() : created;
    }

    @Override
    public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
        String uid = known.id();
        VEvent vevent = IcsEvents.vevent(uid, event, Instant.now());
        IcsFile calendar = calendar();
        calendar.change(events -> {
            int at = indexOf(events, uid);
            if (at < 0) {
                throw new CalendarException(Kind.NOT_FOUND, "The calendar file " + calendar.path() + " holds no event " + uid + ".");
            }
            events.set(at, vevent);
            return null;
        });
        return RemoteEvent.of(uid);
    }

    @Override
    public void delete(RemoteEvent event) throws CalendarException {
        calendar().change(events -> events.removeIf(e -> IcsEvents.uidOf(e).filter(event.id()::equals).isPresent()));
    }

    /** Checks that the file can be locked and, if it exists, read as iCalendar text. */
    @Override
    public void testConnection() throws CalendarException {
        calendar().events();
    }

    private static int indexOf(List<VEvent> events, String uid) {
        for (int i = 0; i < events.size(); i++) {
            if (IcsEvents.uidOf(events.get(i)).filter(uid::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private Optional<IcsSettings> configured() throws SettingsException {
        Optional<IntegrationConfig> config = settings.integration(ID);
        return config.isEmpty() ? Optional.empty() : Optional.of(IcsSettings.of(config.get(), System.getenv()));
    }

    private IcsFile calendar() throws CalendarException {
        try {
            IcsSettings s = configured().orElseThrow(() -> new CalendarException(Kind.CONFIGURATION,
                    "The iCalendar-file calendar is not set up: create " + settings.integrationFile(ID) + "."));
            return new IcsFile(s.file(), s.name(), settings.calendarTimeout());
        } catch (SettingsException e) {
            throw new CalendarException(Kind.CONFIGURATION, e.getMessage(), e);
        }
    }
}
