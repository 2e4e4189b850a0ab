package peregrine.calendar.caldav.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
 * <h2>Event ids and addresses</h2>
 * An event's {@link RemoteEvent#id() id} is its <b>UID</b>, which is what Peregrine itself records in
 * {@code calendar_event_id} and finds with {@code event_by_uid}. Its {@link RemoteEvent#address() address} is the
 * resource's absolute URL. The workbench's own events are named by the job alone: resource
 * {@code <identity key>.ics} in the calendar collection found by discovery, UID {@code <identity key>@peregrine-workbench},
 * so a repeated create finds (412 on {@code If-None-Match: *}) and updates the same resource, and says that it
 * {@link RemoteEvent#existed() existed}.
 * <p>
 * An update or delete reaches the event through its address when that lies in the configured calendar (see
 * {@link CalendarScope}; an address elsewhere is ignored, whoever wrote it); an id that is itself an http(s) URL,
 * as earlier versions of the workbench recorded, counts as the address. Without a usable address the event is
 * found by its UID with one calendar-query REPORT and updated in place, keeping its UID and resource name: that
 * is how an event Peregrine pushed (UID {@code peregrine-job-<id>@circuitforge.tech}, resource named by
 * python-caldav) is adopted. An event found nowhere is {@code NOT_FOUND}; its id is never used for a new event.
 *
 * <h2>Requests</h2>
 * Discovery (current-user-principal, calendar-home-set, the home's calendars, MKCALENDAR when the named
 * calendar is missing) runs once per settings and its result is kept in memory; {@link #testConnection()} runs
 * it again each time. A calendar the workbench creates gets a collection name derived from its display name, so
 * two processes creating it at once end with one. The event's ETag is its {@link RemoteEvent#version() version}:
 * an update with the ETag it was given is one PUT, in any process; without one it first reads it (PROPFIND
 * getetag); a stale one (412) is read again and the PUT tried once more. A 404 or 410, bare or inside a
 * {@code 207 Multi-Status} answer, means the event is gone.
 *
 * <h2>Settings and the password</h2>
 * The settings are read through {@link WorkbenchSettings#integration} on each use (it caches); the session is
 * rebuilt only when they differ. {@code app_password} in the file wins. When the file has none, the password
 * saved in Eclipse secure storage ({@link Secrets}, integration {@value #ID}, key {@value CaldavSettings#PASSWORD})
 * is used; it is read on every call, so saving or removing it takes effect at once.
 */
@Component(service = CalendarProvider.class)
public final class CaldavCalendarProvider implements CalendarProvider {

    static final String ID = "apple_calendar";
    static final String LABEL = "Apple iCloud / CalDAV";
    /** Longer UIDs than this are not looked up: no program this provider meets writes them. */
    private static final int MAX_UID_LENGTH = 1024;

    private final WorkbenchSettings workbenchSettings;
    private final Object lock = new Object();
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
        case CaldavSettings.Result.Invalid i -> ProviderStatus.broken(i.message());
        case CaldavSettings.Result.Missing m -> ProviderStatus.notConnected(m.message());
        };
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        CaldavSession s = session();
        String key = event.identity().key();
        String uid = ICalendarEvents.uid(key);
        String ics = ICalendarEvents.write(event, uid, Instant.now());
        String name = ICalendarEvents.resourceName(key);
        for (int attempt = 0;; attempt++) {
            CalendarScope calendar = s.calendar(true).orElseThrow();
            URI url = calendar.calendar().resolve(name);
            DavClient.Reply reply = s.put(url, ics, "If-None-Match", "*");
            if (reply.ok()) {
                return new RemoteEvent(uid, Optional.of(url.toString()), reply.etag());
            }
            if (reply.status() == 412) {
                // Already there (e.g. pushed before a crash, or the database lost the link): update the same event.
                Optional<String> etag = s.currentEtag(url);
                if (etag.isEmpty()) {
                    if (attempt == 0) {
                        continue; // deleted in between: create once more
                    }
                    throw Failures.of(s.settings, "create the event", reply);
                }
                return replace(s, uid, url, ics, etag.get()).asExisting();
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
        String uid = uidOf(known, event);
        if (uid.length() > MAX_UID_LENGTH || uid.chars().anyMatch(Character::isISOControl)) {
            throw new CalendarException(Kind.NOT_FOUND, "'" + abbreviated(uid) + "' is not the UID of a CalDAV event.");
        }
        CaldavSession s = session();
        CalendarScope calendar = s.calendar(true).orElseThrow();
        String ics = ICalendarEvents.write(event, uid, Instant.now());
        Optional<URI> url = address(known, calendar);
        if (url.isPresent()) {
            Optional<String> etag = known.version();
            if (etag.isEmpty()) {
                etag = s.currentEtag(url.get());
                if (etag.isEmpty()) {
                    throw gone(s, url.get());
                }
            }
            return replace(s, uid, url.get(), ics, etag.get());
        }
        CaldavSession.Found found = s.findByUid(calendar, uid).orElseThrow(() -> new CalendarException(Kind.NOT_FOUND,
                "The calendar '" + s.settings.calendarName() + "' on " + s.settings.url().getHost() + " has no event with the UID "
                        + abbreviated(uid) + "."));
        Optional<String> etag = found.etag();
        return replace(s, uid, found.url(), ics, etag.isPresent() ? etag.get() : s.currentEtag(found.url()).orElseThrow(() -> gone(s, found.url())));
    }

    /** PUT with If-Match; on 412 (the ETag is stale) reads the current ETag and tries once more. */
    private static RemoteEvent replace(CaldavSession s, String uid, URI url, String ics, String etag) throws CalendarException {
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
        return new RemoteEvent(uid, Optional.of(url.toString()), reply.etag());
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
        String uid = uidOf(event, null);
        CaldavSession s = session();
        Optional<CalendarScope> calendar = s.calendar(false);
        if (calendar.isEmpty()) {
            return; // no calendar, so no event in it
        }
        Optional<URI> url = address(event, calendar.get());
        if (url.isEmpty()) {
            if (uid.length() > MAX_UID_LENGTH || uid.chars().anyMatch(Character::isISOControl)) {
                return;
            }
            url = s.findByUid(calendar.get(), uid).map(CaldavSession.Found::url);
            if (url.isEmpty()) {
                return; // already gone
            }
        }
        DavClient.Reply reply = s.delete(url.get());
        if (!reply.ok() && reply.status() != 404 && reply.status() != 410) {
            throw Failures.of(s.settings, "delete the event", reply);
        }
    }

    /**
     * @return the event's address when it lies in the calendar: its recorded address, else its id when that is an
     *         http(s) URL (a link recorded by an earlier version of the workbench); empty when neither is usable
     */
    private static Optional<URI> address(RemoteEvent known, CalendarScope calendar) {
        return known.address().flatMap(calendar::member).or(() -> legacyUrl(known.id()).flatMap(calendar::member));
    }

    /**
     * @param event what is pushed, when known: the UID of a link recorded as a URL is then the one derived from its identity
     * @return the UID the event has on the server: its id, unless that is a URL written by an earlier version
     */
    private static String uidOf(RemoteEvent known, CalendarEvent event) {
        if (legacyUrl(known.id()).isEmpty()) {
            return known.id();
        }
        if (event != null) {
            return ICalendarEvents.uid(event.identity().key());
        }
        // A legacy link names the resource <key>.ics, whose UID is <key>@peregrine-workbench.
        String path = URI.create(known.id().strip()).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".ics") ? ICalendarEvents.uid(name.substring(0, name.length() - 4)) : known.id();
    }

    private static Optional<String> legacyUrl(String id) {
        String s = id.strip().toLowerCase(java.util.Locale.ROOT);
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            return Optional.empty();
        }
        try {
            return URI.create(id.strip()).getHost() == null ? Optional.empty() : Optional.of(id.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }

    /** Asks the server each time: discovery runs again, without creating the calendar, whatever was found before. */
    @Override
    public void testConnection() throws CalendarException {
        session().rediscover();
    }

    /** @return how many HTTP requests the current session has sent, for tests and measurements */
    long requestCount() {
        synchronized (lock) {
            return session == null ? 0 : session.requestCount();
        }
    }

    private CaldavSession session() throws CalendarException {
        CaldavSettings current = switch (settings()) {
        case CaldavSettings.Result.Valid v -> v.settings();
        case CaldavSettings.Result.Invalid i -> throw new CalendarException(Kind.CONFIGURATION, i.message());
        case CaldavSettings.Result.Missing m -> throw new CalendarException(Kind.CONFIGURATION, m.message());
        };
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

    /** @return the settings as the file (read through the settings service, which caches it) and secure storage give them now */
    private CaldavSettings.Result settings() {
        Optional<IntegrationConfig> config;
        try {
            config = workbenchSettings.integration(ID);
        } catch (SettingsException e) {
            return new CaldavSettings.Result.Invalid(e.getMessage());
        }
        if (config.isEmpty()) {
            return new CaldavSettings.Result.Missing("Not connected: " + workbenchSettings.integrationFile(ID) + " does not exist. Create it "
                    + "with caldav_url (for iCloud https://caldav.icloud.com/), username, app_password and calendar_name.");
        }
        return CaldavSettings.from(config.get(), this::storedPassword);
    }

    private Optional<String> storedPassword() throws SettingsException {
        Secrets s = secrets;
        return s == null ? Optional.empty() : s.get(ID, CaldavSettings.PASSWORD);
    }
}
