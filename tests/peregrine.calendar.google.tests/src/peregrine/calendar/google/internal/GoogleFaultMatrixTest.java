package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;

import peregrine.tests.support.Databases;
import peregrine.tests.support.UntrustedTlsServer;

/**
 * The fault matrix for Google Calendar, end to end: the DS push service, the DS job store on the runtime's
 * database, the DS Google provider and the local fake of the Calendar API (with its fault injection), or a
 * server that misbehaves in the way the row needs. Each test checks the message the user sees, the job's link
 * in the database and the number of live events on the fake, and prints one row of the table for the lead.
 */
class GoogleFaultMatrixTest extends GoogleProviderTest {


    /** @return the calendar's live (not cancelled) events */
    private long events() {
        return google.fake.events(GoogleFixture.CALENDAR).values().stream().filter(e -> !"cancelled".equals(e.get("status").getAsString())).count();
    }

    private void row(String fault, PushResult result, String db) {
        String outcome = result instanceof PushResult.Failed f ? "Failed: " + f.message()
                : "Pushed (" + (((PushResult.Pushed) result).created() ? "created" : "updated") + ")";
        System.out.println("FAULT-ROW google | " + fault + " | " + outcome + " | " + db + " | " + events() + " |");
    }

    /** A job whose interview is on the calendar, pushed through the healthy path; then its date moves. */
    private long pushedJob() throws Exception {
        long job = google.interviewOn(LocalDate.of(2031, 5, 6));
        google.pushed(job);
        google.store.setInterview(job, Optional.of(peregrine.jobs.InterviewSlot.onDate(LocalDate.of(2031, 5, 7))));
        return job;
    }

    /** With the fault in place, the push fails saying {@code expected}, and leaves the link and the event as they were. */
    private PushResult.Failed fails(String fault, long job, String... expected) throws Exception {
        Optional<CalendarLink> before = google.linkOf(job);
        String start = google.fake.events(GoogleFixture.CALENDAR).get(before.orElseThrow().eventId()).get("start").toString();

        PushResult.Failed failed = google.failed(job);

        row(fault, failed, "link unchanged: " + before.equals(google.linkOf(job)));
        for (String part : expected) {
            assertTrue(failed.message().contains(part), "'" + part + "' missing from: " + failed.message());
        }
        assertEquals(before, google.linkOf(job), "a failed push leaves the link as it was");
        assertEquals(1, events());
        assertEquals(start, google.fake.events(GoogleFixture.CALENDAR).get(before.orElseThrow().eventId()).get("start").toString(),
                "the event is untouched");
        return failed;
    }

    /** Once the fault is gone, the next push updates the same event. */
    private void recovers(long job) throws Exception {
        google.fake.clearFaults();
        google.useCalendar(GoogleFixture.CALENDAR);
        String key = google.linkOf(job).orElseThrow().eventId();
        assertEquals(key, google.pushed(job).eventId());
        assertEquals(1, events());
    }

    @Test
    void http401IsAnAuthenticationFailureNamingTheServiceAccount() throws Exception {
        long job = pushedJob();
        google.fake.failNext(401, "authError", "Invalid Credentials", 100);
        fails("401 from the API", job, "HTTP 401", GoogleFixture.CLIENT_EMAIL);
        recovers(job);
    }

    @Test
    void http403NamesTheAccountThatNeedsWriteAccess() throws Exception {
        long job = pushedJob();
        google.fake.failNext(403, "requiredAccessLevel", "You need to have writer access to this calendar.", 100);
        fails("403 from the API", job, GoogleFixture.CLIENT_EMAIL, "\"Make changes to events\"");
        recovers(job);
    }

    @Test
    void http404OnUpdateAnEventGoneFromTheServerIsCreatedAgainOnce() throws Exception {
        long job = pushedJob();
        String key = google.linkOf(job).orElseThrow().eventId();
        google.fake.events(GoogleFixture.CALENDAR).remove(key);

        PushResult result = google.push.push(job).first();

        row("404 on update (event gone)", result, "link kept: " + google.linkOf(job).orElseThrow().eventId().equals(key));
        PushResult.Pushed pushed = (PushResult.Pushed) result;
        assertTrue(pushed.created());
        assertEquals(key, pushed.eventId());
        assertEquals(1, events());
    }

    @Test
    void anEventDeletedInGoogleCalendarComesBackAsTheSameEvent() throws Exception {
        long job = pushedJob();
        String key = google.linkOf(job).orElseThrow().eventId();
        google.fake.events(GoogleFixture.CALENDAR).get(key).addProperty("status", "cancelled");

        PushResult result = google.push.push(job).first();

        row("event deleted (cancelled) remotely", result, "link kept: " + google.linkOf(job).orElseThrow().eventId().equals(key));
        assertEquals(key, ((PushResult.Pushed) result).eventId());
        assertEquals(1, events());
    }

    @Test
    void http409IsAConflictAndNeverASecondEvent() throws Exception {
        long job = pushedJob();
        google.fake.failNext(409, "duplicate", "The requested identifier already exists.", 100);
        fails("409 on every request", job, "holds a different version");
        recovers(job);
    }

    @Test
    void http412IsAConflict() throws Exception {
        long job = pushedJob();
        google.fake.failNext(412, "conditionNotMet", "Precondition Failed", 100);
        fails("412 on every request", job, "holds a different version");
        recovers(job);
    }

    @Test
    void http429ThatPersistsIsUnavailableAfterBoundedRetries() throws Exception {
        long job = pushedJob();
        google.fake.failNext(429, "rateLimitExceeded", "Rate Limit Exceeded", 100);
        fails("429 persisting", job, "limiting how fast", "after 4 attempts");
        recovers(job);
    }

    @Test
    void http500And503ThatPersistAreUnavailable() throws Exception {
        long job = pushedJob();
        google.fake.failNext(500, "backendError", "Backend Error", 100);
        fails("500 persisting", job, "HTTP 500", "try again later");
        google.fake.failNext(503, "backendError", "Backend Error", 100);
        fails("503 persisting", job, "HTTP 503", "try again later");
        recovers(job);
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAtTheConfiguredLimit() throws Exception {
        long job = pushedJob();
        GoogleFixture.write(google.settings.configDirectory().resolve("user.yaml"), "tier: paid\ncalendar_timeout_seconds: 2\n");
        try (SilentServer silent = new SilentServer()) {
            google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile
                    + "\napi_root_url: http://127.0.0.1:" + silent.port() + "/\n");
            long t = System.nanoTime();
            PushResult.Failed failed = fails("accepts, never answers (limit 2 s)", job, "did not answer within 2 s");
            Duration took = Duration.ofNanos(System.nanoTime() - t);
            System.out.println("FAULT-ROW google | (the silent server's push took " + took.toMillis() + " ms) | | | |");
            assertTrue(took.compareTo(Duration.ofMillis(1900)) > 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took + ": " + failed);
        }
        recovers(job);
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        long job = pushedJob();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile
                + "\napi_root_url: http://127.0.0.1:" + port + "/\n");
        fails("connection refused", job, "Cannot connect to 127.0.0.1:" + port);
        recovers(job);
    }

    @Test
    void anUnknownHostIsUnavailableAndNamesTheHost() throws Exception {
        long job = pushedJob();
        google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile
                + "\napi_root_url: http://calendar.nonexistent.invalid/\n");
        fails("unknown host", job, "Cannot find the server calendar.nonexistent.invalid");
        recovers(job);
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNoRequestIsSent() throws Exception {
        long job = pushedJob();
        try (UntrustedTlsServer tls = new UntrustedTlsServer(dir)) {
            google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile
                    + "\napi_root_url: https://127.0.0.1:" + tls.port() + "/\n");
            fails("TLS, self-signed certificate", job, "certificate is not trusted");
            System.out.println("FAULT-ROW google | (TLS: handshakes completed " + tls.handshakes.get() + ", requests received " + tls.requests.get()
                    + ") | | | |");
            assertEquals(0, tls.requests.get(), "no request, so no token, went to a server whose certificate is not trusted");
            assertEquals(0, tls.handshakes.get());
        }
        recovers(job);
    }

    @Test
    void malformedOrEmptySettingsNameTheFile() throws Exception {
        long job = pushedJob();
        google.writeSettings("calendar_id: [" + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile + "\n");
        fails("malformed YAML", job, google.configFile.toString(), "not valid YAML");
        google.writeSettings("");
        fails("empty YAML", job, google.configFile.toString(), "calendar_id and credentials_json are missing");
        recovers(job);
    }

    @Test
    void aMissingKeyFileOrAFileThatIsNotAKeyIsNamed() throws Exception {
        long job = pushedJob();
        String key = Files.readString(google.keyFile);
        Files.delete(google.keyFile);
        fails("key file missing", job, google.keyFile.toString(), "does not exist");
        google.writeKey(google.keyFile, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        fails("key file not a key", job, google.keyFile.toString(), "not a service-account key");
        google.writeKey(google.keyFile, key);
        recovers(job);
    }

    @Test
    void aDatabaseLockedByAnotherConnectionLosesNoEventAndTheNextPushRecordsIt() throws Exception {
        long job = google.interviewOn(LocalDate.of(2031, 5, 6));
        PushResult.Failed failed;
        try (AutoCloseable lock = Databases.lockExclusively(google.settings.databaseFile())) {
            failed = google.failed(job);
        }
        row("database locked (BEGIN EXCLUSIVE elsewhere)", failed, "no link: " + google.linkOf(job).isEmpty());
        assertTrue(failed.message().contains("is on Google Calendar but the job could not record it") && failed.message().contains("locked"),
                failed.message());
        assertEquals(Optional.empty(), google.linkOf(job));
        assertEquals(1, events());
        google.pushed(job);
        assertEquals(1, events(), "the next push finds the same event");
        assertTrue(google.linkOf(job).isPresent());
    }

    @Test
    void aReadOnlyDatabaseLosesNoEventAndTheNextPushRecordsIt() throws Exception {
        long job = google.interviewOn(LocalDate.of(2031, 5, 6));
        PushResult result;
        Optional<CalendarLink> link;
        try (AutoCloseable readOnly = Databases.readOnly(google.settings.databaseFile())) {
            result = google.push.push(job).first();
            link = google.linkOf(job);
        }
        row("database file read-only (chattr +i) while the store runs", result, "link " + (link.isPresent() ? "recorded" : "absent"));
        // Either SQLite refuses the write with a message that says why, or (WAL) it records it; never a lost or a second event.
        if (result instanceof PushResult.Failed failed) {
            assertTrue(failed.message().contains("read-only") && failed.message().contains("could not record it"), failed.message());
            assertEquals(Optional.empty(), link);
        } else {
            assertEquals(Optional.of(new CalendarLink(GoogleCalendarProvider.ID, ((PushResult.Pushed) result).eventId())), link);
        }
        assertEquals(1, events());
        google.pushed(job);
        assertEquals(1, events(), "the next push finds the same event");
        assertTrue(google.linkOf(job).isPresent());
    }

    @Test
    void aCrashBetweenTheRemoteWriteAndTheDatabaseWriteLeavesOneEvent() throws Exception {
        long job = google.interviewOn(LocalDate.of(2031, 5, 6));
        String written = google.provider.create(new CalendarEvent(EventIdentity.of(google.store.job(job)), "Interview: before the crash", "",
                ZonedDateTime.of(2031, 5, 6, 12, 0, 0, 0, ZoneOffset.UTC), Duration.ofHours(1))).id();
        assertEquals(Optional.empty(), google.linkOf(job));

        PushResult result = google.push.push(job).first();

        row("killed between remote write and db write", result, "link recorded: " + google.linkOf(job).isPresent());
        assertEquals(written, ((PushResult.Pushed) result).eventId());
        assertEquals(1, events());
        assertEquals("Phone Screen: Platform Engineer @ Acme", google.fake.events(GoogleFixture.CALENDAR).get(written).get("summary").getAsString());
        assertEquals(Optional.of(new CalendarLink(GoogleCalendarProvider.ID, written)), google.linkOf(job));
    }

    @Test
    void twoPushesOfTheSameJobAtOnceMakeOneEvent() throws Exception {
        long job = google.interviewOn(LocalDate.of(2031, 5, 6));
        CalendarEvent elsewhere = new CalendarEvent(EventIdentity.of(google.store.job(job)), "Interview: elsewhere", "",
                ZonedDateTime.of(2031, 5, 6, 12, 0, 0, 0, ZoneOffset.UTC), Duration.ofHours(1));
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit((Callable<String>) () -> {
                    together.await();
                    return google.pushed(job).eventId();
                }));
            }
            // and, as another process would (the CLI), a create of the same job's event at the same moment
            results.add(threads.submit(() -> {
                together.await();
                return google.provider.create(elsewhere).id();
            }));
            List<String> ids = new ArrayList<>();
            for (Future<String> f : results) {
                ids.add(f.get());
            }
            row("two pushes at once (+ a third writer)", new PushResult.Pushed(GoogleCalendarProvider.ID, "", ids.get(0), true, Optional.empty()),
                    "link recorded: " + google.linkOf(job).isPresent());
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
            assertEquals(1, events());
            assertEquals(Optional.of(new CalendarLink(GoogleCalendarProvider.ID, ids.get(0))), google.linkOf(job));
        } finally {
            threads.shutdownNow();
        }
    }
}
