package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;

import peregrine.tests.support.Radicale;

/**
 * End to end inside the framework: the DS push service, the DS job store on this module's
 * {@code target/peregrine/staging.db}, the DS settings on {@code target/peregrine/config}, and this bundle's
 * DS provider against a real Radicale.
 */
class CalendarPushEndToEndTest {

    @TempDir
    static Path serverDir;
    static Radicale radicale;
    static ServiceTracker<CalendarPushService, CalendarPushService> pushTracker;
    static ServiceTracker<JobStore, JobStore> storeTracker;
    static ServiceTracker<WorkbenchSettings, WorkbenchSettings> settingsTracker;
    static ServiceTracker<CalendarProvider, CalendarProvider> providerTracker;
    static CalendarPushService push;
    static JobStore store;
    static WorkbenchSettings settings;
    static CaldavCalendarProvider provider;
    static String calendarName;

    @BeforeAll
    static void startEverything() throws Exception {
        radicale = Radicale.start(serverDir);
        BundleContext context = FrameworkUtil.getBundle(CalendarPushEndToEndTest.class).getBundleContext();
        pushTracker = new ServiceTracker<>(context, CalendarPushService.class, null);
        storeTracker = new ServiceTracker<>(context, JobStore.class, null);
        settingsTracker = new ServiceTracker<>(context, WorkbenchSettings.class, null);
        providerTracker = new ServiceTracker<>(context, CalendarProvider.class, null);
        for (ServiceTracker<?, ?> t : Arrays.asList(pushTracker, storeTracker, settingsTracker, providerTracker)) {
            t.open();
        }
        push = pushTracker.waitForService(10_000);
        store = storeTracker.waitForService(10_000);
        settings = settingsTracker.waitForService(10_000);
        assertNotNull(push, "no CalendarPushService");
        assertNotNull(store, "no JobStore");
        assertNotNull(settings, "no WorkbenchSettings");
        providerTracker.waitForService(10_000);
        provider = Arrays.stream(providerTracker.getServices(new CalendarProvider[0])).filter(p -> p.id().equals("apple_calendar"))
                .map(CaldavCalendarProvider.class::cast).findFirst().orElseThrow(() -> new AssertionError("no apple_calendar provider"));
        Files.createDirectories(settings.configDirectory());
        Files.writeString(settings.configDirectory().resolve("user.yaml"), "tier: paid\n");
        calendarName = "E2E Interviews " + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceTracker<?, ?> t : Arrays.asList(pushTracker, storeTracker, settingsTracker, providerTracker)) {
            if (t != null) {
                t.close();
            }
        }
        if (settings != null) {
            Files.deleteIfExists(settings.integrationFile("apple_calendar"));
        }
        if (radicale != null) {
            radicale.close();
        }
    }

    @BeforeEach
    void goodSettings() throws Exception {
        writeSettings(Radicale.PASSWORD);
    }

    static void writeSettings(String password) throws Exception {
        Path file = settings.integrationFile("apple_calendar");
        Files.createDirectories(file.getParent());
        // As Peregrine writes it (the password quoted, as YAML needs for some app passwords)
        Files.writeString(file, "caldav_url: " + radicale.base + "/\n"
                + "username: " + Radicale.USER + "\n"
                + "app_password: \"" + password + "\"\n"
                + "calendar_name: " + calendarName + "\n");
    }

    static long newJob(String title, ZonedDateTime start) throws Exception {
        long id = store.add(new NewJob(title, "ACME, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), Stage.INTERVIEWING));
        setInterview(id, start);
        return id;
    }

    static void setInterview(long id, ZonedDateTime start) throws Exception {
        store.setInterview(id, Optional.of(new InterviewSlot(start.toLocalDate(), Optional.of(start.toLocalTime()),
                Optional.of(start.getZone()), Optional.of(Duration.ofMinutes(60)))));
    }

    static String calendarUrl() throws Exception {
        return radicale.calendars().stream().filter(c -> c[1].equals(calendarName)).map(c -> radicale.base + c[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no calendar " + calendarName));
    }

    /** @return the number of events in the calendar that hold this job's UID */
    static long eventsOf(Job job) throws Exception {
        long n = 0;
        for (String href : radicale.events(calendarUrl())) {
            if (radicale.get(radicale.base + href).contains(peregrine.calendar.EventIdentity.of(job).key())) {
                n++;
            }
        }
        return n;
    }

    /** @return the URL of this job's own event: the calendar and the resource name derived from the job */
    static String eventUrl(long jobId) throws Exception {
        return calendarUrl() + ICalendarEvents.resourceName(peregrine.calendar.EventIdentity.of(store.job(jobId)).key());
    }

    /** @return the link a push of this job's own event records (the address only when the store keeps addresses) */
    static CalendarLink linkTo(long jobId) throws Exception {
        boolean keepsAddress = store.job(jobId).calendarLink().flatMap(CalendarLink::address).isPresent();
        Optional<CalendarLink> stored = store.job(jobId).calendarLink();
        // What was pushed and when are the push service's business, proven in its own tests.
        return new CalendarLink("apple_calendar", ICalendarEvents.uid(peregrine.calendar.EventIdentity.of(store.job(jobId)).key()),
                keepsAddress ? Optional.of(eventUrl(jobId)) : Optional.empty(), Optional.of(radicale.etag(eventUrl(jobId))),
                stored.flatMap(CalendarLink::fingerprint), stored.flatMap(CalendarLink::pushedAt));
    }

    static PushResult.Pushed pushed(long jobId) {
        PushResult result = push.push(jobId).first();
        return assertInstanceOf(PushResult.Pushed.class, result, () -> result.toString());
    }

    static final ZonedDateTime BERLIN = ZonedDateTime.of(LocalDate.of(2031, 3, 4), LocalTime.of(14, 30), ZoneId.of("Europe/Berlin"));

    @Test
    void firstPushCreatesExactlyOneEventAndTheSecondUpdatesIt() throws Exception {
        long jobId = newJob("Engineer, Platform; Backend", BERLIN);

        PushResult.Pushed first = pushed(jobId);
        assertTrue(first.created());
        assertEquals("apple_calendar", first.providerId());
        Job job = store.job(jobId);
        assertEquals(Optional.of(linkTo(jobId)), job.calendarLink());
        assertEquals(first.eventId(), job.calendarLink().orElseThrow().eventId());
        assertEquals(1, eventsOf(job));

        setInterview(jobId, BERLIN.plusDays(1).plusHours(2));
        PushResult.Pushed second = pushed(jobId);

        assertFalse(second.created());
        assertEquals(first.eventId(), second.eventId());
        assertEquals(1, eventsOf(job));
        VEvent stored = Ics.event(radicale.get(eventUrl(jobId)));
        assertEquals("Interview: Engineer, Platform; Backend @ ACME, Inc.", Ics.summary(stored));
        assertEquals(BERLIN.plusDays(1).plusHours(2).toInstant(), Ics.start(stored));
        assertTrue(stored.toString().contains("TZID=Europe/Berlin"), stored.toString());
    }

    @Test
    void anEventDeletedOnTheServerIsCreatedAgainOnce() throws Exception {
        long jobId = newJob("Deleted on the server", BERLIN);
        String eventId = pushed(jobId).eventId();
        assertEquals(2, radicale.delete(eventUrl(jobId)) / 100);

        PushResult.Pushed again = pushed(jobId);

        assertTrue(again.created());
        assertEquals(eventId, again.eventId());
        assertEquals(1, eventsOf(store.job(jobId)));
    }

    @Test
    void aLostDatabaseLinkStillGivesOneEvent() throws Exception {
        long jobId = newJob("Lost link", BERLIN);
        String eventId = pushed(jobId).eventId();
        store.removeCalendarLink(jobId, CaldavCalendarProvider.ID);
        setInterview(jobId, BERLIN.plusHours(1));

        PushResult.Pushed again = pushed(jobId);

        assertEquals(eventId, again.eventId());
        assertEquals(1, eventsOf(store.job(jobId)));
        assertEquals(BERLIN.plusHours(1).toInstant(), Ics.start(Ics.event(radicale.get(eventUrl(jobId)))));
        assertEquals(Optional.of(linkTo(jobId)), store.job(jobId).calendarLink());
    }

    @Test
    void aWrongPasswordFailsWithAnAuthenticationMessageAndLeavesTheDatabaseUnchanged() throws Exception {
        long jobId = newJob("Wrong password", BERLIN);
        String eventId = pushed(jobId).eventId();
        Job before = store.job(jobId);
        String wrong = "definitely-not-" + UUID.randomUUID();
        writeSettings(wrong);
        setInterview(jobId, BERLIN.plusHours(3));

        PushResult result = push.push(jobId).first();

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, result);
        assertTrue(failed.message().contains("refused the user name '" + Radicale.USER + "'"), failed.message());
        assertFalse(failed.message().contains(wrong), failed.message());
        assertEquals(before.calendarLink(), store.job(jobId).calendarLink());
        assertEquals(BERLIN.toInstant(), Ics.start(Ics.event(radicale.get(eventUrl(jobId)))), "the event is untouched");
    }

    @Test
    void pushesOfAJobWithoutAnEventCreateAndTimingsAreReported() throws Exception {
        long jobId = newJob("Measured", BERLIN);
        long before = provider.requestCount();
        pushed(jobId);
        long firstPush = provider.requestCount() - before;
        long[] nanos = new long[20];
        long requests = provider.requestCount();
        for (int i = 0; i < nanos.length; i++) {
            setInterview(jobId, BERLIN.plusMinutes(15 * (i + 1)));
            long t = System.nanoTime();
            PushResult.Pushed p = pushed(jobId);
            nanos[i] = System.nanoTime() - t;
            assertFalse(p.created());
        }
        long perPush = (provider.requestCount() - requests) / nanos.length;
        Arrays.sort(nanos);
        System.out.printf("Push service end to end (job store + CalDAV provider + local Radicale): first push of a job = %d request(s) "
                + "(session already warm), warm push = %d request(s); median of 20 warm pushes = %.1f ms (min %.1f, max %.1f)%n",
                firstPush, perPush, nanos[10] / 1e6, nanos[0] / 1e6, nanos[19] / 1e6);
        // One PUT to the recorded address; while the store keeps no address, a REPORT by UID finds the event first.
        boolean keepsAddress = store.job(jobId).calendarLink().flatMap(CalendarLink::address).isPresent();
        assertEquals(keepsAddress ? 1 : 2, perPush, "a warm push is one PUT" + (keepsAddress ? "" : " after a REPORT by UID"));
        assertEquals(1, eventsOf(store.job(jobId)));
    }
}
