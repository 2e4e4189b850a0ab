package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.Job;

import peregrine.tests.support.Databases;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.UntrustedTlsServer;

/**
 * The fault matrix for CalDAV, end to end: the DS push service, the DS job store on the runtime's database, the
 * DS CalDAV provider and a real Radicale, with a fault-injecting proxy in front of it where a fault must be
 * provoked. Each test checks the message the user sees, the job's calendar link in the database, and the number
 * of events on the server (read from Radicale directly), and prints one row of the table for the lead.
 */
class CaldavFaultMatrixTest {

    @TempDir
    static Path dir;
    static CaldavWorld world;
    static FaultProxy proxy;

    static final ZonedDateTime START = ZonedDateTime.of(LocalDate.of(2031, 5, 6), LocalTime.of(10, 0), ZoneId.of("Europe/Berlin"));

    @BeforeAll
    static void start() throws Exception {
        world = new CaldavWorld(dir);
        proxy = new FaultProxy(Integer.parseInt(world.radicale.base.substring(world.radicale.base.lastIndexOf(':') + 1)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void healthy() throws Exception {
        proxy.rule = (method, path) -> null;
        world.userYaml("tier: paid\ncalendar_timeout_seconds: 10\n");
        world.useRadicale();
    }

    static void row(String fault, PushResult result, String db, long events) {
        String outcome = result instanceof PushResult.Failed f ? "Failed: " + f.message()
                : "Pushed (" + (((PushResult.Pushed) result).created() ? "created" : "updated") + ")";
        System.out.println("FAULT-ROW caldav | " + fault + " | " + outcome + " | " + db + " | " + events + " |");
    }

    /** A job whose interview is already on the calendar, pushed through the healthy path. */
    static long pushedJob(String title) throws Exception {
        long id = world.newJob(title, "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        world.pushed(id);
        world.setInterview(id, START.plusHours(2));
        return id;
    }

    /** Pushes through the proxy with {@code rule}, expecting a failure that leaves the database and the event as they were. */
    static PushResult.Failed failsThroughProxy(String fault, FaultProxy.Rule rule, String... expected) throws Exception {
        proxy.rule = (method, path) -> null;
        world.useServer(proxy.base() + "/", Radicale.PASSWORD);
        long id = pushedJob(fault);
        Optional<CalendarLink> before = world.job(id).calendarLink();
        String ics = world.radicale.get(world.eventUrl(id));
        proxy.rule = rule;

        PushResult.Failed failed = world.failed(id);

        long events = world.eventsOf(id);
        row(fault, failed, "link unchanged: " + before.equals(world.job(id).calendarLink()), events);
        for (String part : expected) {
            assertTrue(failed.message().contains(part), "'" + part + "' missing from: " + failed.message());
        }
        assertFalse(failed.message().contains(Radicale.PASSWORD), failed.message());
        assertEquals(before, world.job(id).calendarLink(), "a failed push leaves the link as it was");
        assertEquals(1, events);
        assertEquals(START.toInstant(), Ics.start(Ics.event(world.radicale.get(world.eventUrl(id)))), "the event is untouched");
        assertEquals(Ics.start(Ics.event(ics)), Ics.start(Ics.event(world.radicale.get(world.eventUrl(id)))));

        proxy.rule = (method, path) -> null;
        PushResult.Pushed again = world.pushed(id);
        assertEquals(before.orElseThrow().eventId(), again.eventId(),
                "once the fault is gone the next push updates the same event");
        assertEquals(1, world.eventsOf(id));
        return failed;
    }

    static String status(int code, String reason) {
        return FakeServer.status(code, reason);
    }

    @Test
    void http401AWrongPasswordIsAnAuthenticationFailureNamingTheUserAndTheFile() throws Exception {
        long id = pushedJob("401");
        Optional<CalendarLink> before = world.job(id).calendarLink();
        world.useServer(world.radicale.base + "/", "wrong-" + UUID.randomUUID());

        PushResult.Failed failed = world.failed(id);

        row("401 wrong password", failed, "link unchanged: " + before.equals(world.job(id).calendarLink()), world.eventsOf(id));
        assertTrue(failed.message().contains("refused the user name '" + Radicale.USER + "'"), failed.message());
        assertTrue(failed.message().contains(world.settingsFile().toString()), failed.message());
        assertEquals(before, world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id));
    }

    @Test
    void http403OnWriteSaysTheAccountMayNotChangeTheCalendar() throws Exception {
        PushResult.Failed failed = failsThroughProxy("403 on PUT", (m, p) -> m.equals("PUT") ? status(403, "Forbidden") : null,
                "HTTP 403", "calendar_name");
        assertFalse(failed.message().contains("password"), "403 is not a wrong password: " + failed.message());
    }

    @Test
    void http404OnUpdateAnEventDeletedOnTheServerIsCreatedAgainOnce() throws Exception {
        long id = pushedJob("404 on update");
        String eventId = world.job(id).calendarLink().orElseThrow().eventId();
        String eventUrl = world.eventUrl(id);
        assertEquals(2, world.radicale.delete(eventUrl) / 100);

        PushResult result = world.push.push(id).first();

        row("404 on update (deleted remotely)", result, "link " + world.job(id).calendarLink().map(CalendarLink::eventId).filter(eventId::equals)
                .map(e -> "kept (same event id)").orElse("CHANGED"), world.eventsOf(id));
        PushResult.Pushed pushed = (PushResult.Pushed) result;
        assertTrue(pushed.created());
        assertEquals(eventId, pushed.eventId());
        assertEquals(1, world.eventsOf(id));
        assertEquals(START.plusHours(2).toInstant(), Ics.start(Ics.event(world.radicale.get(eventUrl))));
    }

    @Test
    void http409OnWriteIsReportedAndNeverMakesASecondEvent() throws Exception {
        failsThroughProxy("409 on PUT", (m, p) -> m.equals("PUT") ? status(409, "Conflict") : null, "HTTP 409");
    }

    @Test
    void http412AStaleEtagIsReadAgainAndTheSameEventUpdated() throws Exception {
        long id = pushedJob("412 stale etag");
        String eventId = world.job(id).calendarLink().orElseThrow().eventId();
        String eventUrl = world.eventUrl(id);
        // another client changes the event: the ETag recorded with the job is stale now
        String other = world.radicale.get(eventUrl).replace("SUMMARY:", "SUMMARY:Edited elsewhere - ");
        assertEquals(2, world.radicale.put(eventUrl, other) / 100);

        PushResult result = world.push.push(id).first();

        row("412 stale ETag (edited elsewhere)", result, "link kept: " + world.job(id).calendarLink().orElseThrow().eventId().equals(eventId),
                world.eventsOf(id));
        assertFalse(((PushResult.Pushed) result).created());
        assertEquals(1, world.eventsOf(id));
        assertEquals(START.plusHours(2).toInstant(), Ics.start(Ics.event(world.radicale.get(eventUrl))));
        assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink(), "the new ETag is recorded");
    }

    @Test
    void http412ThatPersistsIsAConflictToPushAgain() throws Exception {
        failsThroughProxy("412 on every PUT", (m, p) -> m.equals("PUT") ? status(412, "Precondition Failed") : null, "HTTP 412", "Push again");
    }

    @Test
    void http429IsUnavailableAndSaysWhenToRetry() throws Exception {
        failsThroughProxy("429 on PUT", (m, p) -> m.equals("PUT")
                ? "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\nContent-Length: 0\r\n\r\n" : null,
                "HTTP 429", "120 s", "Try again later");
    }

    @Test
    void http500And503AreUnavailable() throws Exception {
        failsThroughProxy("500 on PUT", (m, p) -> m.equals("PUT") ? status(500, "Internal Server Error") : null, "HTTP 500", "Try again later");
        failsThroughProxy("503 on every request", (m, p) -> status(503, "Service Unavailable"), "HTTP 503", "Try again later");
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAtTheConfiguredLimit() throws Exception {
        long id = pushedJob("never answers");
        world.userYaml("tier: paid\ncalendar_timeout_seconds: 2\n");
        Optional<CalendarLink> before = world.job(id).calendarLink();
        proxy.rule = (m, p) -> FaultProxy.HANG;
        world.useServer(proxy.base() + "/", Radicale.PASSWORD);

        long t = System.nanoTime();
        PushResult.Failed failed = world.failed(id);
        Duration took = Duration.ofNanos(System.nanoTime() - t);

        row("accepts, never answers (limit 2 s; took " + took.toMillis() + " ms)", failed,
                "link unchanged: " + before.equals(world.job(id).calendarLink()), world.eventsOf(id));
        assertTrue(took.compareTo(Duration.ofMillis(1900)) > 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertTrue(failed.message().contains("did not answer within 2 s"), failed.message());
        assertEquals(before, world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id));

        proxy.rule = (m, p) -> null;
        world.pushed(id);
        assertEquals(1, world.eventsOf(id));
    }

    @Test
    void aRefusedConnectionIsUnavailableAndNamesThePort() throws Exception {
        long id = pushedJob("connection refused");
        Optional<CalendarLink> before = world.job(id).calendarLink();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        world.useServer("http://127.0.0.1:" + port + "/", Radicale.PASSWORD);

        PushResult.Failed failed = world.failed(id);

        row("connection refused", failed, "link unchanged: " + before.equals(world.job(id).calendarLink()), world.eventsOf(id));
        assertTrue(failed.message().contains("cannot connect to 127.0.0.1 port " + port), failed.message());
        assertEquals(before, world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id));
    }

    @Test
    void anUnknownHostIsUnavailableAndNamesTheHost() throws Exception {
        long id = world.newJob("unknown host", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        world.useServer("https://caldav.nonexistent.invalid/", Radicale.PASSWORD);

        PushResult.Failed failed = world.failed(id);

        row("unknown host", failed, "no link: " + world.job(id).calendarLink().isEmpty(), world.eventsOf(id));
        assertTrue(failed.message().contains("caldav.nonexistent.invalid") && failed.message().contains("unknown"), failed.message());
        assertEquals(Optional.empty(), world.job(id).calendarLink());
        assertEquals(0, world.eventsOf(id));
    }

    @Test
    void anUntrustedCertificateIsRefusedAndThePasswordNeverSent() throws Exception {
        try (UntrustedTlsServer tls = new UntrustedTlsServer(dir)) {
            long id = world.newJob("untrusted TLS", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
            world.useServer("https://127.0.0.1:" + tls.port() + "/", Radicale.PASSWORD);

            PushResult.Failed failed = world.failed(id);

            row("TLS, self-signed certificate", failed, "no link: " + world.job(id).calendarLink().isEmpty()
                    + "; handshakes completed " + tls.handshakes.get() + ", requests received " + tls.requests.get(), world.eventsOf(id));
            assertTrue(failed.message().contains("certificate") && failed.message().contains("not trusted"), failed.message());
            assertEquals(0, tls.requests.get(), "no request, so no password, went to a server whose certificate is not trusted");
            assertEquals(0, tls.handshakes.get());
            assertEquals(Optional.empty(), world.job(id).calendarLink());
        }
    }

    @Test
    void malformedOrEmptySettingsAreNamedWithTheFileAndNeverQuoteThePassword() throws Exception {
        long id = pushedJob("malformed yaml");
        Optional<CalendarLink> before = world.job(id).calendarLink();
        world.writeSettings("caldav_url: " + world.radicale.base + "/\nusername: " + Radicale.USER + "\napp_password: \"" + Radicale.PASSWORD
                + "\ncalendar_name: [" + world.calendarName + "\n");

        PushResult.Failed malformed = world.failed(id);

        row("malformed YAML", malformed, "link unchanged: " + before.equals(world.job(id).calendarLink()), world.eventsOf(id));
        assertTrue(malformed.message().contains(world.settingsFile().toString()) && malformed.message().contains("not valid YAML"),
                malformed.message());
        assertFalse(malformed.message().contains(Radicale.PASSWORD), malformed.message());

        world.writeSettings("");
        PushResult.Failed empty = world.failed(id);

        row("empty YAML", empty, "link unchanged: " + before.equals(world.job(id).calendarLink()), world.eventsOf(id));
        assertTrue(empty.message().contains(world.settingsFile().toString()) && empty.message().contains("caldav_url, username, app_password are missing"),
                empty.message());
        assertEquals(before, world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id));
    }

    @Test
    void aDatabaseLockedByAnotherConnectionLosesNoEventAndTheNextPushRecordsIt() throws Exception {
        long id = world.newJob("database locked", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        PushResult.Failed failed;
        try (AutoCloseable lock = Databases.lockExclusively(world.settings.databaseFile())) {
            failed = world.failed(id);
        }
        row("database locked (BEGIN EXCLUSIVE elsewhere)", failed, "no link: " + world.job(id).calendarLink().isEmpty(), world.eventsOf(id));
        assertTrue(failed.message().contains("is on Apple iCloud / CalDAV but the job could not record it")
                && failed.message().contains("locked"), failed.message());
        assertEquals(Optional.empty(), world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id), "the event was written once");

        PushResult.Pushed again = world.pushed(id);
        assertEquals(world.uid(id), again.eventId());
        assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id), "the next push finds the same event");
    }

    @Test
    void aReadOnlyDatabaseLosesNoEventAndTheNextPushRecordsIt() throws Exception {
        long id = world.newJob("database read-only", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        PushResult result;
        Optional<CalendarLink> link;
        try (AutoCloseable readOnly = Databases.readOnly(world.settings.databaseFile())) {
            result = world.push.push(id).first();
            link = world.job(id).calendarLink();
        }
        row("database file read-only (chattr +i) while the store runs", result, "link " + (link.isPresent() ? "recorded" : "absent"),
                world.eventsOf(id));
        // Either SQLite refuses the write with a message that says why, or (WAL: the write goes to the journal, which is
        // writable) it records it; never a lost or a second event.
        if (result instanceof PushResult.Failed failed) {
            assertTrue(failed.message().contains("read-only") && failed.message().contains("could not record it"), failed.message());
            assertEquals(Optional.empty(), link);
        } else {
            assertEquals(world.uid(id), ((PushResult.Pushed) result).eventId());
            assertEquals(Optional.of(world.linkTo(id)), link);
        }
        assertEquals(1, world.eventsOf(id));

        PushResult.Pushed again = world.pushed(id);
        assertEquals(world.uid(id), again.eventId());
        assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink());
        assertEquals(1, world.eventsOf(id), "the next push finds the same event");
    }

    @Test
    void aCrashBetweenTheRemoteWriteAndTheDatabaseWriteLeavesOneEvent() throws Exception {
        long id = world.newJob("killed after the remote write", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        Job job = world.job(id);
        // the push that was killed: its event is on the server, its id never reached the database
        String written = world.provider.create(new CalendarEvent(EventIdentity.of(job), "Interview: before the crash", "", START, Duration.ofHours(1))).id();
        assertEquals(Optional.empty(), world.job(id).calendarLink());

        PushResult result = world.push.push(id).first();

        row("killed between remote write and db write", result, "link recorded: " + world.job(id).calendarLink().isPresent(), world.eventsOf(id));
        PushResult.Pushed pushed = (PushResult.Pushed) result;
        assertEquals(written, pushed.eventId());
        assertFalse(pushed.created(), "the push found the event the killed push wrote, and says so");
        assertEquals(1, world.eventsOf(id));
        assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink());
        assertEquals("Interview: killed after the remote write @ Faulty, Inc.", Ics.summary(Ics.event(world.radicale.get(world.eventUrl(id)))));
    }

    @Test
    void twoPushesOfTheSameJobAtOnceMakeOneEvent() throws Exception {
        long id = world.newJob("pushed twice at once", "Faulty, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
        Job job = world.job(id);
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit((Callable<String>) () -> {
                    together.await();
                    return world.pushed(id).eventId();
                }));
            }
            // and, as another process would (the CLI), a create of the same job's event at the same moment
            Future<String> other = threads.submit(() -> {
                together.await();
                return world.provider.create(new CalendarEvent(EventIdentity.of(job), "Interview: elsewhere", "", START, Duration.ofHours(1))).id();
            });
            String first = results.get(0).get();
            String second = results.get(1).get();
            String third = other.get();

            row("two pushes at once (+ a third writer)", new PushResult.Pushed(CaldavCalendarProvider.ID, "", first, true, Optional.empty()),
                    "link recorded: " + world.job(id).calendarLink().isPresent(), world.eventsOf(id));
            assertEquals(first, second);
            assertEquals(first, third);
            assertEquals(1, world.eventsOf(id));
            // the version may be stale (the third writer may have written last): the next update reconciles it
            assertEquals(Optional.of(first), world.job(id).calendarLink().filter(l -> l.providerId().equals(CaldavCalendarProvider.ID))
                    .map(CalendarLink::eventId));
        } finally {
            threads.shutdownNow();
        }
    }
}
