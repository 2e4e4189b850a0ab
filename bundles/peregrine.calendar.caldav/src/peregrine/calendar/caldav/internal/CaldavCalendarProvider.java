package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;
import peregrine.settings.IntegrationConfig;
import peregrine.settings.Secrets;
import peregrine.settings.SettingsException;
import peregrine.settings.WorkbenchSettings;

/**
 * Apple iCloud and any CalDAV server (RFC 4791), configured by {@code integrations/apple_calendar.yaml}.
 *
 * <h2>Event ids</h2>
 * The id returned by {@link #create} is the event resource's <b>absolute URL</b>, e.g.
 * {@code https://p42-caldav.icloud.com/1234/calendars/8A…/<key>.ics}: the calendar collection found by
 * discovery plus {@code <identity key>.ics}. The event's UID is {@code <identity key>@peregrine-workbench}.
 * Both derive from the job alone, so a repeated create finds (412 on {@code If-None-Match: *}) and updates
 * the same resource.
 *
 * <h2>Requests</h2>
 * Discovery (current-user-principal, calendar-home-set, the home's calendars, MKCALENDAR when the named
 * calendar is missing) runs once per settings and its result is kept in memory. The event's ETag is its
 * {@link RemoteEvent#version() version}: returned by {@link #create} and {@link #update} and given back by
 * the caller, so a create, and an update with the ETag it was given, is one PUT, in any process. An update
 * without one first reads it (PROPFIND getetag); one whose ETag is stale (412) reads it and tries once more.
 * A server that answers a PUT without an ETag leaves the version empty.
 *
 * <h2>The password</h2>
 * {@code app_password} in the file wins. When the file has none, the password saved in Eclipse secure
 * storage ({@link Secrets}, integration {@value #ID}, key {@value CaldavSettings#PASSWORD}) is used; it is
 * read on every call, so saving or removing it takes effect at once.
 */
@Component(service = CalendarProvider.class)
public final class CaldavCalendarProvider implements CalendarProvider {

    static final String ID = "apple_calendar";
    static final String LABEL = "Apple iCloud / CalDAV";

    private final WorkbenchSettings workbenchSettings;
    private final Object lock = new Object();
    /** The settings as last read, with the file state they were read at. */
    private Loaded loaded;
    private CaldavSession session;
    /** Secure storage, when the product has it; asked only when the file has no password. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Secrets secrets;

    @Activate
    public CaldavCalendarProvider(@Reference WorkbenchSettings settings) {
        this.workbenchSettings = Objects.requireNonNull(settings);
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public Optional<String> storableSecret() {
        return Optional.of(CaldavSettings.PASSWORD);
    }

    @Override
    public ProviderStatus status() {
        return switch (settings()) {
        case CaldavSettings.Result.Valid v -> ProviderStatus.connected(v.settings().describe());
        case CaldavSettings.Result.Invalid i -> ProviderStatus.notConnected(i.message());
        };
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        CaldavSession s = session();
        String ics = ICalendarEvents.write(event, Instant.now());
        String name = ICalendarEvents.resourceName(event.identity().key());
        for (int attempt = 0;; attempt++) {
            URI calendar = s.calendar(true).orElseThrow();
            URI url = calendar.resolve(name);
            DavClient.Reply reply = s.put(url, ics, "If-None-Match", "*");
            if (reply.ok()) {
                return new RemoteEvent(url.toString(), reply.etag());
            }
            if (reply.status() == 412) {
                // Already there (e.g. pushed before a crash, or the database lost the id): update the same event.
                Optional<String> etag = s.currentEtag(url);
                if (etag.isEmpty()) {
                    if (attempt == 0) {
                        continue; // deleted in between: create once more
                    }
                    throw Failures.of(s.settings, "create the event", reply);
                }
                return replace(s, url, ics, etag.get());
            }
            if ((reply.status() == 404 || reply.status() == 409) && attempt == 0) {
                // The calendar collection may have been deleted on the server: discover (and create) it again.
                s.forgetCalendar(calendar);
                continue;
            }
            throw Failures.of(s.settings, "create the event", reply);
        }
    }

    @Override
    public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
        CaldavSession s = session();
        URI url = eventUrl(known.id()).orElseThrow(() -> new CalendarException(Kind.NOT_FOUND,
                "'" + known.id() + "' is not the address of a CalDAV event."));
        URI calendar = s.calendar(true).orElseThrow();
        if (!url.toString().startsWith(calendar.toString())) {
            throw new CalendarException(Kind.NOT_FOUND, "The event is not in the calendar '" + s.settings.calendarName()
                    + "' that " + s.settings.file() + " names now; it will be created there.");
        }
        String ics = ICalendarEvents.write(event, Instant.now());
        Optional<String> etag = known.version();
        if (etag.isEmpty()) {
            etag = s.currentEtag(url);
            if (etag.isEmpty()) {
                throw gone(s, url);
            }
        }
        return replace(s, url, ics, etag.get());
    }

    /** PUT with If-Match; on 412 (the ETag is stale) reads the current ETag and tries once more. */
    private static RemoteEvent replace(CaldavSession s, URI url, String ics, String etag) throws CalendarException {
        DavClient.Reply reply = s.put(url, ics, "If-Match", ifMatch(etag));
        if (reply.status() == 412) {
            Optional<String> fresh = s.currentEtag(url);
            if (fresh.isEmpty()) {
                throw gone(s, url);
            }
            reply = s.put(url, ics, "If-Match", ifMatch(fresh.get()));
        }
        if (reply.status() == 404 || reply.status() == 410) {
            throw gone(s, url);
        }
        if (!reply.ok()) {
            throw Failures.of(s.settings, "update the event", reply);
        }
        return new RemoteEvent(url.toString(), reply.etag());
    }

    /** A weak ETag never matches If-Match (RFC 7232 3.1): then only ask that the event still exists. */
    private static String ifMatch(String etag) {
        return etag.startsWith("W/") ? "*" : etag;
    }

    private static CalendarException gone(CaldavSession s, URI url) {
        return new CalendarException(Kind.NOT_FOUND, "The event " + url.getRawPath() + " no longer exists on " + url.getHost()
                + " (calendar '" + s.settings.calendarName() + "').");
    }

    @Override
    public void delete(RemoteEvent event) throws CalendarException {
        Optional<URI> url = eventUrl(event.address().orElse(event.id()));
        if (url.isEmpty()) {
            return; // not an event of this provider's making: nothing to delete
        }
        CaldavSession s = session();
        DavClient.Reply reply = s.delete(url.get());
        if (!reply.ok() && reply.status() != 404 && reply.status() != 410) {
            throw Failures.of(s.settings, "delete the event", reply);
        }
    }

    @Override
    public void testConnection() throws CalendarException {
        // Discovery without MKCALENDAR: a missing calendar is created by the first push.
        session().calendar(false);
    }

    /** @return how many HTTP requests the current session has sent, for tests and measurements */
    long requestCount() {
        synchronized (lock) {
            return session == null ? 0 : session.requestCount();
        }
    }

    private static Optional<URI> eventUrl(String eventId) {
        try {
            URI uri = new URI(eventId.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private CaldavSession session() throws CalendarException {
        CaldavSettings.Result result = settings();
        if (result instanceof CaldavSettings.Result.Invalid invalid) {
            throw new CalendarException(Kind.CONFIGURATION, invalid.message());
        }
        CaldavSettings current = ((CaldavSettings.Result.Valid) result).settings();
        synchronized (lock) {
            if (session == null || !session.settings.equals(current)) {
                if (session != null) {
                    session.close();
                }
                session = new CaldavSession(current);
            }
            return session;
        }
    }

    /**
     * @return the settings: the file is read again only when its modification time, size or identity
     *         changed; secure storage is asked each time the file has no password
     */
    private CaldavSettings.Result settings() {
        Path file = workbenchSettings.integrationFile(ID);
        Object stamp = stamp(file);
        Loaded known;
        synchronized (lock) {
            known = loaded != null && loaded.file().equals(file) && Objects.equals(loaded.stamp(), stamp) ? loaded : null;
        }
        if (known != null && known.settings() != null) {
            return known.settings();
        }
        Object read = known != null ? known.read() : read(file);
        AtomicBoolean askedSecureStorage = new AtomicBoolean();
        CaldavSettings.Result result = read instanceof IntegrationConfig config ? CaldavSettings.from(config, () -> {
            askedSecureStorage.set(true);
            return storedPassword();
        }) : (CaldavSettings.Result) read;
        synchronized (lock) {
            loaded = new Loaded(file, stamp, read, askedSecureStorage.get() ? null : result);
        }
        return result;
    }

    private Optional<String> storedPassword() throws SettingsException {
        Secrets s = secrets;
        return s == null ? Optional.empty() : s.get(ID, CaldavSettings.PASSWORD);
    }

    /** @return the file's {@link IntegrationConfig}, or an {@link CaldavSettings.Result.Invalid} when it is missing or unreadable */
    private Object read(Path file) {
        try {
            Optional<IntegrationConfig> config = workbenchSettings.integration(ID);
            if (config.isEmpty()) {
                return new CaldavSettings.Result.Invalid("Not connected: " + file + " does not exist. Create it with caldav_url "
                        + "(for iCloud https://caldav.icloud.com/), username, app_password and calendar_name.");
            }
            return config.get();
        } catch (SettingsException e) {
            return new CaldavSettings.Result.Invalid(e.getMessage());
        }
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * @param read     an {@link IntegrationConfig} or a {@link CaldavSettings.Result.Invalid}
     * @param settings what {@code read} gives, kept when it did not ask secure storage (else null: asked again each time)
     */
    private record Loaded(Path file, Object stamp, Object read, CaldavSettings.Result settings) {
    }
}
