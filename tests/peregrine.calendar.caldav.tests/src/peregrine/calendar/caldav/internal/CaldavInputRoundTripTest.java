package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

import peregrine.tests.support.OddInput;
import peregrine.tests.support.Radicale;

/**
 * Input that must survive a push to a real CalDAV server and back: awkward titles, companies and listing
 * addresses, and interview times on leap days and daylight-saving changes in several zones. Read back from
 * Radicale and parsed, each equals what the job holds, with one documented exception: control characters,
 * which iCalendar text cannot carry (RFC 5545 3.3.11), are left out, and CR LF or CR become a line feed.
 */
class CaldavInputRoundTripTest {

    @TempDir
    static Path dir;
    static CaldavWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = new CaldavWorld(dir);
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

    static Stream<Arguments> texts() {
        return OddInput.texts();
    }

    static Stream<Arguments> times() {
        return OddInput.times();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void titlesCompaniesAndListingsReadBackEqual(String name, String title, String company, String url) throws Exception {
        String unique = url + (url.contains("?") ? "&" : "?") + "run=" + UUID.randomUUID();
        long id = world.newJob(title, company, unique, CaldavFaultMatrixTest.START);
        assertEquals(title.strip(), world.job(id).title(), "the job store keeps the title");
        assertEquals(company.strip(), world.job(id).company(), "the job store keeps the company");

        PushResult result = world.push.push(id);
        String outcome = result instanceof PushResult.Failed f ? "Failed: " + f.message() : "pushed";
        System.out.println("INPUT-ROW caldav | " + name + " | " + outcome.substring(0, Math.min(outcome.length(), 300)) + " |");
        assertTrue(result.ok(), outcome);
        String ics = world.radicale.get(world.eventUrl(id));
        VEvent event = Ics.event(ics);

        assertEquals(OddInput.calendarText("Interview: " + title.strip() + " @ " + company.strip()), Ics.summary(event));
        assertEquals(unique, Ics.description(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void interviewTimesOnLeapDaysAndDaylightSavingChangesReadBackAsTheSameInstantInTheirZone(String name, LocalDateTime local, ZoneId zone)
            throws Exception {
        ZonedDateTime start = ZonedDateTime.of(local, zone);
        long id = world.store.add(new NewJob("Time " + name, "Zones Co", "https://jobs.example.com/time?run=" + UUID.randomUUID(), Stage.INTERVIEWING));
        // as the user entered it: a local time that may not exist, or exist twice, in its zone
        world.store.setInterview(id, Optional.of(new InterviewSlot(local.toLocalDate(), Optional.of(local.toLocalTime()), Optional.of(zone),
                Optional.of(Duration.ofMinutes(60)))));

        PushResult result = world.push.push(id);
        assertTrue(result.ok(), result.toString());
        String ics = world.radicale.get(world.eventUrl(id));
        VEvent event = Ics.event(ics);

        System.out.println("INPUT-ROW caldav | " + name + " | entered " + local + " " + zone + " = " + start.toInstant() + "; read back "
                + Ics.start(event) + " |");
        assertEquals(start.toInstant(), Ics.start(event), ics);
        assertEquals(start.plusMinutes(60).toInstant(), Ics.end(event), ics);
        assertTrue(ics.contains("DTSTART;TZID=" + zone.getId() + ":"), ics);
    }
}
