package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/**
 * The connection to one CalDAV account under one set of settings: the HTTP client, the discovered calendar
 * collection, and the requests the provider builds on them (PUT, DELETE, PROPFIND getetag, the calendar-query
 * REPORT that finds an event by UID). A {@code 207 Multi-Status} answer counts by the statuses inside it.
 * Everything here lives in memory only; new settings get a new session. Events' ETags are not kept here but
 * travel with the events (see {@link CaldavCalendarProvider}).
 */
final class CaldavSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CaldavSession.class.getName());
    private static final String XML = "application/xml; charset=utf-8";
    static final String ICALENDAR = "text/calendar; charset=utf-8";

    private static final String PROPFIND_START = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:current-user-principal/><c:calendar-home-set/><d:resourcetype/><d:displayname/></d:prop>
            </d:propfind>
            """;
    private static final String PROPFIND_HOME_SET = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><c:calendar-home-set/></d:prop>
            </d:propfind>
            """;
    private static final String PROPFIND_CALENDARS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:resourcetype/><d:displayname/><c:supported-calendar-component-set/></d:prop>
            </d:propfind>
            """;
    private static final String PROPFIND_ETAG = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>
            """;

    private static final String REPORT_UID = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:getetag/><c:calendar-data/></d:prop>
              <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
                <c:prop-filter name="UID"><c:text-match collation="i;octet">%s</c:text-match></c:prop-filter>
              </c:comp-filter></c:comp-filter></c:filter>
            </c:calendar-query>
            """;

    final CaldavSettings settings;
    private final DavClient client;
    /** The discovery under way, if any: see {@link #discoverShared}. */
    private final AtomicReference<CompletableFuture<Optional<CalendarScope>>> underWay = new AtomicReference<>();
    private volatile CalendarScope calendar;

    CaldavSession(CaldavSettings settings) {
        this.settings = settings;
        this.client = new DavClient(settings.url(), settings.username(), settings.password());
    }

    long requestCount() {
        return client.requestCount();
    }

    void forgetCalendar(CalendarScope stale) {
        if (stale == calendar) {
            calendar = null;
        }
    }

    /** An event resource found in the calendar: its address, and its ETag when the server gave one. */
    record Found(URI url, Optional<String> etag) {
    }

    // ---- discovery (RFC 6764, RFC 5397, RFC 4791 6.2.1) -------------------------------------------------

    /**
     * @param create whether to create the calendar when the account has none of that name
     * @return the calendar collection, found once per session; empty when it is missing and {@code create} is false
     */
    Optional<CalendarScope> calendar(boolean create) throws CalendarException {
        CalendarScope known = calendar;
        return known != null ? Optional.of(known) : discoverShared(create);
    }

    /**
     * Discovers the calendar again, without creating it, whatever this session found before: each call asks the
     * server. What it finds replaces what the session knew.
     */
    void rediscover() throws CalendarException {
        calendar = null;
        discoverShared(false);
    }

    /**
     * Runs discovery, or waits for the one another thread has under way and takes its outcome: calls that need the
     * calendar at the same moment share one discovery, so a server that never answers costs each of them one
     * timeout, not one for every call queued before it. Waiting gives way to an interrupt.
     */
    private Optional<CalendarScope> discoverShared(boolean create) throws CalendarException {
        while (true) {
            CompletableFuture<Optional<CalendarScope>> mine = new CompletableFuture<>();
            CompletableFuture<Optional<CalendarScope>> running = underWay.compareAndExchange(null, mine);
            if (running == null) {
                try {
                    Optional<CalendarScope> found = discover(create).map(CalendarScope::new);
                    found.ifPresent(scope -> LOG.log(System.Logger.Level.INFO, "CalDAV calendar ''{0}'' of {1} is {2}",
                            settings.calendarName(), settings.username(), scope.calendar()));
                    calendar = found.orElse(null);
                    mine.complete(found);
                    return found;
                } catch (CalendarException | RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    underWay.set(null);
                }
            }
            Optional<CalendarScope> found = outcomeOf(running);
            if (found.isPresent() || !create) {
                return found;
            }
            // the discovery under way did not create the missing calendar: discover again, creating it
        }
    }

    private static Optional<CalendarScope> outcomeOf(CompletableFuture<Optional<CalendarScope>> discovery) throws CalendarException {
        try {
            return discovery.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarException(Kind.UNAVAILABLE, "Could not find the calendar: interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CalendarException failure) {
                throw new CalendarException(failure.kind(), failure.getMessage(), failure);
            }
            throw e.getCause() instanceof RuntimeException bug ? bug : new IllegalStateException(e.getCause());
        }
    }

    private Optional<URI> discover(boolean create) throws CalendarException {
        URI start = settings.url();
        // A path the user may not read (403) may still be a wrong path: the well-known address decides.
        Optional<Multistatus.Entry> first = propfindSelf(start, PROPFIND_START, true, true);
        if (first.isEmpty() || !useful(first.get())) {
            // RFC 6764 5: a context path the user gave may not be the service's; ask the well-known address.
            URI wellKnown = start.resolve("/.well-known/caldav");
            if (!Multistatus.sameResource(wellKnown, start)) {
                Optional<Multistatus.Entry> retry = propfindSelf(wellKnown, PROPFIND_START, true, false);
                if (retry.isPresent() && useful(retry.get())) {
                    first = retry;
                }
            }
        }
        if (first.isEmpty() || !useful(first.get())) {
            throw new CalendarException(Kind.CONFIGURATION, settings.url() + " does not look like a CalDAV server: it names no "
                    + "principal, calendar home or calendar. Check caldav_url in " + settings.file()
                    + " (for iCloud: https://caldav.icloud.com/).");
        }
        Multistatus.Entry entry = first.get();
        if (entry.isCalendar()) {
            // The user gave the calendar collection itself: it is used whatever its display name.
            return Optional.of(asCollection(entry.href()));
        }
        Optional<URI> home = entry.hrefProp(Multistatus.CALDAV, "calendar-home-set");
        if (home.isEmpty()) {
            URI principal = entry.hrefProp(Multistatus.DAV, "current-user-principal").orElseThrow();
            home = propfindSelf(principal, PROPFIND_HOME_SET, false, false)
                    .flatMap(p -> p.hrefProp(Multistatus.CALDAV, "calendar-home-set"));
            if (home.isEmpty()) {
                throw new CalendarException(Kind.CONFIGURATION, "The CalDAV principal " + principal + " of '" + settings.username()
                        + "' names no calendar home (calendar-home-set). Check caldav_url in " + settings.file() + ".");
            }
        }
        URI homeUri = asCollection(home.get());
        Optional<URI> found = findByName(homeUri);
        if (found.isPresent() || !create) {
            return found;
        }
        return Optional.of(makeCalendar(homeUri));
    }

    private static boolean useful(Multistatus.Entry entry) {
        return entry.isCalendar() || entry.hrefProp(Multistatus.CALDAV, "calendar-home-set").isPresent()
                || entry.hrefProp(Multistatus.DAV, "current-user-principal").isPresent();
    }

    /**
     * @param tolerant  whether a missing or non-WebDAV resource is an empty answer rather than an error
     * @param forbidden whether 403 is such an empty answer too
     */
    private Optional<Multistatus.Entry> propfindSelf(URI uri, String body, boolean tolerant, boolean forbidden) throws CalendarException {
        DavClient.Reply reply = send("find the calendar", "PROPFIND", uri, Map.of("Depth", "0"), body, XML);
        Optional<Multistatus.Entry> self = Optional.empty();
        if (reply.status() == 207) {
            try {
                self = Multistatus.parse(reply.uri(), reply.body()).self(reply.uri());
            } catch (IOException e) {
                if (tolerant) {
                    return Optional.empty();
                }
                throw new CalendarException(Kind.CONFIGURATION, reply.uri().getHost() + " is not a CalDAV server (" + e.getMessage()
                        + "). Check caldav_url in " + settings.file() + ".", e);
            }
            if (self.isEmpty() || !self.get().failed()) {
                return self;
            }
            reply = withStatus(reply, self.get().status()); // a 404 inside the multistatus is a 404
        }
        if (tolerant && (reply.status() == 404 || reply.status() == 405 || reply.status() == 200 || reply.status() == 400
                || reply.status() == 501 || (forbidden && reply.status() == 403))) {
            return Optional.empty();
        }
        throw discoveryFailure(reply);
    }

    private CalendarException discoveryFailure(DavClient.Reply reply) {
        if (reply.status() == 404 || reply.status() == 410) {
            return new CalendarException(Kind.CONFIGURATION, "The CalDAV server " + reply.uri().getHost() + " has nothing at "
                    + reply.uri().getRawPath() + " (HTTP " + reply.status() + "). Check caldav_url in " + settings.file() + ".");
        }
        return Failures.of(settings, "find the calendar", reply);
    }

    private Optional<URI> findByName(URI home) throws CalendarException {
        DavClient.Reply reply = send("list the calendars", "PROPFIND", home, Map.of("Depth", "1"), PROPFIND_CALENDARS, XML);
        if (reply.status() != 207) {
            throw discoveryFailure(reply);
        }
        Multistatus listing;
        try {
            listing = Multistatus.parse(reply.uri(), reply.body());
        } catch (IOException e) {
            throw new CalendarException(Kind.CONFIGURATION, reply.uri().getHost() + " answered the calendar listing with something "
                    + "that is not WebDAV (" + e.getMessage() + ").", e);
        }
        String name = settings.calendarName();
        var calendars = listing.entries().stream()
                .filter(e -> !e.failed() && !Multistatus.sameResource(e.href(), home))
                .filter(Multistatus.Entry::isCalendar)
                .filter(Multistatus.Entry::supportsEvents)
                .sorted(Comparator.comparing(e -> e.href().toString()))
                .toList();
        return calendars.stream().filter(e -> e.text(Multistatus.DAV, "displayname").filter(name::equals).isPresent()).findFirst()
                .or(() -> calendars.stream().filter(e -> e.text(Multistatus.DAV, "displayname").filter(name::equalsIgnoreCase).isPresent()).findFirst())
                .map(e -> asCollection(e.href()));
    }

    /**
     * Creates the calendar under a collection name derived from its display name, so that a second process
     * doing the same at the same time fails (405, 409 or 403, RFC 4791 5.3.1.1) rather than making a second
     * calendar of the same name; after any failure the home is listed again and a calendar found there is used.
     */
    private URI makeCalendar(URI home) throws CalendarException {
        URI target = home.resolve(collectionName(settings.calendarName()) + "/");
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:set><d:prop>
                    <d:displayname>%s</d:displayname>
                    <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
                  </d:prop></d:set>
                </c:mkcalendar>
                """.formatted(xmlText(settings.calendarName()));
        DavClient.Reply reply = outcome(send("create the calendar", "MKCALENDAR", target, Map.of(), body, XML));
        if (reply.ok()) {
            LOG.log(System.Logger.Level.INFO, "Created CalDAV calendar ''{0}'' at {1}", settings.calendarName(), target);
            return target;
        }
        Optional<URI> madeMeanwhile = findByName(home);
        if (madeMeanwhile.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "CalDAV calendar ''{0}'' was created meanwhile at {1}", settings.calendarName(), madeMeanwhile.get());
            return madeMeanwhile.get();
        }
        if (reply.status() == 403 || reply.status() == 405 || reply.status() == 501) {
            throw new CalendarException(Kind.CONFIGURATION, reply.uri().getHost() + " has no calendar named '" + settings.calendarName()
                    + "' and does not let Peregrine create one at " + target.getRawPath() + " (HTTP " + reply.status()
                    + "). Create it in your calendar app, or set calendar_name in " + settings.file() + " to an existing calendar.");
        }
        throw Failures.of(settings, "create the calendar '" + settings.calendarName() + "'", reply);
    }

    /**
     * @return the collection name of a calendar the workbench creates: the display name's letters and digits, then
     *         a hash of the whole name, so the same name always gives the same collection and different names differ
     */
    static String collectionName(String displayName) {
        String slug = Normalizer.normalize(displayName, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 32) {
            slug = slug.substring(0, 32).replaceAll("-+$", "");
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(displayName.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        String hash = HexFormat.of().formatHex(digest, 0, 6);
        return slug.isEmpty() ? "calendar-" + hash : slug + "-" + hash;
    }

    // ---- events -----------------------------------------------------------------------------------------

    /** PUT of an iCalendar object with the given precondition header ({@code If-None-Match} or {@code If-Match}). */
    DavClient.Reply put(URI event, String ics, String precondition, String value) throws CalendarException {
        return outcome(send("write the event", "PUT", event, Map.of(precondition, value), ics, ICALENDAR));
    }

    DavClient.Reply delete(URI event) throws CalendarException {
        return outcome(send("delete the event", "DELETE", event, Map.of(), null, null));
    }

    /**
     * @return the event's current ETag; empty when the event does not exist (a 404 or 410, bare or inside the
     *         multistatus answer); {@code *} when the server gives none (the event exists)
     */
    Optional<String> currentEtag(URI event) throws CalendarException {
        DavClient.Reply reply = send("read the event", "PROPFIND", event, Map.of("Depth", "0"), PROPFIND_ETAG, XML);
        if (reply.status() == 404 || reply.status() == 410) {
            return Optional.empty();
        }
        if (reply.status() != 207) {
            throw Failures.of(settings, "read the event", reply);
        }
        Optional<Multistatus.Entry> self = multistatus(reply, "read the event").self(reply.uri());
        if (self.isEmpty() || self.get().gone()) {
            return Optional.empty();
        }
        if (self.get().failed()) {
            throw Failures.of(settings, "read the event", withStatus(reply, self.get().status()));
        }
        return Optional.of(self.get().text(Multistatus.DAV, "getetag").orElse("*"));
    }

    /**
     * Finds the event whose UID is {@code uid} in the calendar with one calendar-query REPORT (RFC 4791 7.8). The
     * server's text-match may be a case-insensitive substring match (Radicale's is), so each answer's calendar data
     * must hold exactly that UID; an answer outside the calendar is ignored.
     *
     * @return the event, or empty when the calendar holds none with that UID (or the calendar itself is gone)
     */
    Optional<Found> findByUid(CalendarScope scope, String uid) throws CalendarException {
        DavClient.Reply reply = send("find the event", "REPORT", scope.calendar(), Map.of("Depth", "1"),
                REPORT_UID.formatted(xmlText(uid)), XML);
        if (reply.status() == 404 || reply.status() == 410) {
            return Optional.empty();
        }
        if (reply.status() != 207) {
            throw Failures.of(settings, "find the event", reply);
        }
        return multistatus(reply, "find the event").entries().stream()
                .filter(e -> !e.failed())
                .filter(e -> e.text(Multistatus.CALDAV, "calendar-data").map(ICalendarEvents::uids).orElse(Set.of()).contains(uid))
                .flatMap(e -> scope.member(e.href().toString()).map(url -> new Found(url, e.text(Multistatus.DAV, "getetag"))).stream())
                .min(Comparator.comparing(f -> f.url().toString()));
    }

    private Multistatus multistatus(DavClient.Reply reply, String action) throws CalendarException {
        try {
            return Multistatus.parse(reply.uri(), reply.body());
        } catch (IOException e) {
            throw new CalendarException(Kind.REJECTED, "Could not " + action + ": " + reply.uri().getHost()
                    + " answered with something that is not WebDAV (" + e.getMessage() + ").", e);
        }
    }

    /**
     * @return the answer to a write (PUT, DELETE, MKCALENDAR) with the status it really has: a {@code 207
     *         Multi-Status} carries its outcome inside (Xandikos answers a MKCALENDAR of an existing calendar with a
     *         207 holding 403, and a UID conflict on PUT with a 207 holding 412); one that cannot be read is a failure
     */
    private static DavClient.Reply outcome(DavClient.Reply reply) {
        if (reply.status() != 207) {
            return reply;
        }
        try {
            return Multistatus.parse(reply.uri(), reply.body()).entries().stream().filter(Multistatus.Entry::failed).findFirst()
                    .map(e -> withStatus(reply, e.status())).orElse(reply);
        } catch (IOException e) {
            return withStatus(reply, 502);
        }
    }

    private static DavClient.Reply withStatus(DavClient.Reply reply, int status) {
        return new DavClient.Reply(reply.uri(), status, "inside a 207 Multi-Status answer", reply.headers(), reply.body());
    }

    private DavClient.Reply send(String action, String method, URI uri, Map<String, String> headers, String body, String type)
            throws CalendarException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        try {
            return client.send(new DavClient.Request(method, uri, all, body == null ? null : body.getBytes(StandardCharsets.UTF_8), type));
        } catch (IOException e) {
            throw Failures.of(settings, action, uri, e);
        }
    }

    static URI asCollection(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        try {
            client.shutdown();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to release
        }
    }
}
