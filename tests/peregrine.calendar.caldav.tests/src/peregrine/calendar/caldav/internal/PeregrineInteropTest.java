package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;
import peregrine.tests.support.Radicale;

/**
 * Issue #12: Peregrine and the workbench on one staging.db and one calendar. Peregrine's own push is replayed by
 * {@code python/peregrine_push.py} with Debian's python3-caldav, as its scripts/integrations/apple_calendar.py does
 * it, against a real Radicale; the workbench pushes through the DS push service and the DS SQLite store on the same
 * database file. Events are counted by listing the calendar with an independent client.
 */
class PeregrineInteropTest {

    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path serverDir;
    @TempDir
    static Path scriptDir;
    static CaldavWorld world;
    static Path script;

    @BeforeAll
    static void start() throws Exception {
        world = new CaldavWorld(serverDir);
        script = scriptDir.resolve("peregrine_push.py");
        Enumeration<URL> entries = FrameworkUtil.getBundle(PeregrineInteropTest.class).findEntries("python", "peregrine_push.py", false);
        assertTrue(entries != null && entries.hasMoreElements(), "python/peregrine_push.py is not in the test bundle");
        try (InputStream in = entries.nextElement().openStream()) {
            Files.copy(in, script);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void settings() throws Exception {
        world.useRadicale();
    }

    static final ZonedDateTime START = ZonedDateTime.of(2031, 5, 6, 15, 30, 0, 0, ZoneOffset.UTC);

    private static long newJob(String title) throws Exception {
        return world.newJob(title, "Interop, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), START);
    }

    /** Runs Peregrine's push of the job. @return the UID it printed (and wrote to calendar_event_id) */
    private static String peregrinePushes(long jobId) throws Exception {
        Process p = new ProcessBuilder(PYTHON, script.toString(), world.settings.databaseFile().toString(), world.radicale.base + "/",
                Radicale.USER, Radicale.PASSWORD, world.calendarName, String.valueOf(jobId)).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("peregrine_push.py did not end within 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "peregrine_push.py failed: " + err);
        return out;
    }

    private static String peregrineUid(long jobId) {
        return "peregrine-job-" + jobId + "@circuitforge.tech";
    }

    /** @return the hrefs of the events in the calendar whose UID is one of {@code uids} */
    private static List<String> eventsWithUid(Set<String> uids) throws Exception {
        List<String> found = new ArrayList<>();
        for (String href : world.radicale.events(world.calendarUrl())) {
            if (uids.contains(Ics.uid(Ics.event(world.radicale.get(world.radicale.base + href))))) {
                found.add(href);
            }
        }
        return found;
    }

    private static List<String> eventsOfJob(long jobId) throws Exception {
        return eventsWithUid(Set.of(peregrineUid(jobId), world.uid(jobId)));
    }

    private static VEvent event(String href) throws Exception {
        return Ics.event(world.radicale.get(world.radicale.base + href));
    }

    @Test
    void anEventPeregrinePushedIsAdoptedKeepingItsUidAndResourceAndTheLinkNamesTheProvider() throws Exception {
        long id = newJob("Peregrine first");
        String uid = peregrinePushes(id);
        assertEquals(peregrineUid(id), uid);
        assertEquals(Optional.of(new CalendarLink("", uid)), world.job(id).calendarLink(), "Peregrine records the UID and no provider");
        List<String> before = eventsOfJob(id);
        assertEquals(1, before.size());

        long requests = world.provider.requestCount();
        PushResult.Pushed pushed = world.pushed(id);
        long firstPush = world.provider.requestCount() - requests;

        assertFalse(pushed.created(), "the event was there");
        assertEquals(uid, pushed.eventId());
        assertEquals(before, eventsOfJob(id), "one event, under the resource name python-caldav chose");
        VEvent adopted = event(before.get(0));
        assertEquals(uid, Ics.uid(adopted), "Peregrine's UID is kept");
        assertEquals("Interview: Peregrine first @ Interop, Inc.", Ics.summary(adopted));
        assertEquals(START.toInstant(), Ics.start(adopted), "the workbench's time, not Peregrine's 12:00");
        CalendarLink link = world.job(id).calendarLink().orElseThrow();
        assertEquals(CaldavCalendarProvider.ID, link.providerId());
        assertEquals(uid, link.eventId(), "calendar_event_id keeps Peregrine's meaning: the UID");

        world.setInterview(id, START.plusDays(1));
        requests = world.provider.requestCount();
        assertFalse(world.pushed(id).created());
        long secondPush = world.provider.requestCount() - requests;
        assertEquals(before, eventsOfJob(id));
        assertEquals(START.plusDays(1).toInstant(), Ics.start(event(before.get(0))));
        System.out.printf("Peregrine's event adopted: first workbench push %d requests, next push %d requests (store keeps address: %s)%n",
                firstPush, secondPush, link.address().isPresent());
    }

    @Test
    void whatTheWorkbenchPushedPeregrineUpdatesInPlaceAndTheWorkbenchUpdatesAgain() throws Exception {
        long id = newJob("Workbench first");
        PushResult.Pushed first = world.pushed(id);
        assertTrue(first.created());
        assertEquals(world.uid(id), world.job(id).calendarLink().orElseThrow().eventId(), "calendar_event_id holds the UID");
        List<String> events = eventsOfJob(id);
        assertEquals(1, events.size());

        String peregrine = peregrinePushes(id);

        assertEquals(world.uid(id), peregrine, "Peregrine found the event by the UID in calendar_event_id");
        assertEquals(events, eventsOfJob(id), "Peregrine updated it in place");
        assertTrue(Ics.summary(event(events.get(0))).endsWith("(from Peregrine)"), Ics.summary(event(events.get(0))));
        assertEquals(START.withHour(12).withMinute(0).toInstant(), Ics.start(event(events.get(0))), "Peregrine's 12:00 UTC");

        world.setInterview(id, START.plusHours(1));
        PushResult.Pushed again = world.pushed(id);

        assertFalse(again.created());
        assertEquals(events, eventsOfJob(id), "still one event");
        assertEquals("Interview: Workbench first @ Interop, Inc.", Ics.summary(event(events.get(0))));
        assertEquals(START.plusHours(1).toInstant(), Ics.start(event(events.get(0))));
    }

    @Test
    void aPeregrineUidThatNoLongerExistsMakesTheWorkbenchCreateAndRecordItsOwnEvent() throws Exception {
        long id = newJob("Peregrine's event deleted");
        String uid = peregrinePushes(id);
        List<String> peregrines = eventsOfJob(id);
        assertEquals(1, peregrines.size());
        assertEquals(2, world.radicale.delete(world.radicale.base + peregrines.get(0)) / 100);

        PushResult.Pushed pushed = world.pushed(id);

        assertTrue(pushed.created());
        assertEquals(world.uid(id), pushed.eventId(), "its own UID: Peregrine's id, found nowhere, is not reused");
        List<String> events = eventsOfJob(id);
        assertEquals(1, events.size());
        assertEquals(world.uid(id), Ics.uid(event(events.get(0))));
        assertEquals(List.of(), eventsWithUid(Set.of(uid)));
        assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink());
    }

    /** #11.2 through the database: a link another program wrote, naming an event of another calendar by a URL. */
    @Test
    void aStoredLinkThatWalksOutOfTheCalendarNeverTouchesTheOtherCalendarAndIsReplaced() throws Exception {
        long id = newJob("Walks out");
        world.pushed(newJob("Makes the calendar"));
        String personal = world.radicale.home() + "personal-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        assertEquals(201, world.radicale.mkcalendar(personal, "Personal"));
        String copy = personal + "copy.ics";
        String mine = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Me//EN\r\nBEGIN:VEVENT\r\nUID:mine-" + UUID.randomUUID()
                + "\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300110T120000Z\r\nDTEND:20300110T130000Z\r\nSUMMARY:My dentist\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        assertEquals(2, world.radicale.put(copy, mine) / 100);
        String etag = world.radicale.etag(copy);
        String calendar = world.calendarUrl();
        for (String hostile : List.of(calendar + "../" + personal.substring(personal.lastIndexOf('/', personal.length() - 2) + 1) + "copy.ics",
                calendar + "%2e%2e/" + personal.substring(personal.lastIndexOf('/', personal.length() - 2) + 1) + "copy.ics",
                copy.replace("127.0.0.1", "localhost"))) {
            world.store.putCalendarLink(id, new CalendarLink(CaldavCalendarProvider.ID, hostile));

            PushResult.Pushed pushed = world.pushed(id);

            assertEquals(world.uid(id), pushed.eventId(), hostile);
            assertEquals(Optional.of(world.linkTo(id)), world.job(id).calendarLink(), "the link is replaced: " + hostile);
        }
        assertEquals(etag, world.radicale.etag(copy), "the other calendar's event is unchanged");
        assertEquals("My dentist", Ics.summary(Ics.event(world.radicale.get(copy))));
        assertEquals(1, eventsOfJob(id).size());
    }
}
