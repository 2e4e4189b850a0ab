package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;

import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.tests.support.OddInput;

/**
 * Input that must survive a push to Google Calendar and back (read from the fake API's stored event): awkward
 * titles, companies and listing addresses, and interview times on leap days and daylight-saving changes in
 * several zones. The one documented exception: control characters other than tab and line feed are left out,
 * and CR LF or CR become a line feed, as for every calendar.
 */
class GoogleInputRoundTripTest extends GoogleProviderTest {


    private JsonObject stored(long job) throws Exception {
        return google.fake.events(GoogleFixture.CALENDAR).get(google.store.job(job).calendarLink().orElseThrow().eventId());
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
        long job = google.store.add(new NewJob(title, company, unique, Stage.INTERVIEWING));
        google.store.setInterview(job, Optional.of(InterviewSlot.onDate(java.time.LocalDate.of(2031, 5, 6))));

        PushResult result = google.push.push(job);
        String outcome = result instanceof PushResult.Failed f ? "Failed: " + f.message() : "pushed";
        System.out.println("INPUT-ROW google | " + name + " | " + outcome.substring(0, Math.min(outcome.length(), 300)) + " |");
        assertTrue(result.ok(), outcome);

        assertEquals(OddInput.calendarText("Interview: " + title.strip() + " @ " + company.strip()), stored(job).get("summary").getAsString());
        assertEquals(unique, stored(job).get("description").getAsString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void interviewTimesOnLeapDaysAndDaylightSavingChangesReadBackAsTheSameInstantInTheirZone(String name, LocalDateTime local, ZoneId zone)
            throws Exception {
        ZonedDateTime start = ZonedDateTime.of(local, zone);
        long job = google.store.add(new NewJob("Time " + name, "Zones Co", "https://jobs.example.com/time?run=" + UUID.randomUUID(), Stage.INTERVIEWING));
        google.store.setInterview(job, Optional.of(new InterviewSlot(local.toLocalDate(), Optional.of(local.toLocalTime()), Optional.of(zone),
                Optional.of(Duration.ofMinutes(60)))));

        PushResult result = google.push.push(job);
        assertTrue(result.ok(), result.toString());
        JsonObject event = stored(job);
        Instant readStart = ZonedDateTime.parse(event.getAsJsonObject("start").get("dateTime").getAsString()).toInstant();
        Instant readEnd = ZonedDateTime.parse(event.getAsJsonObject("end").get("dateTime").getAsString()).toInstant();

        System.out.println("INPUT-ROW google | " + name + " | entered " + local + " " + zone + " = " + start.toInstant() + "; read back "
                + readStart + " to " + readEnd + " |");
        assertEquals(start.toInstant(), readStart, event.toString());
        assertEquals(start.toInstant().plus(Duration.ofMinutes(60)), readEnd, event.toString());
        assertEquals(zone.getId(), event.getAsJsonObject("start").get("timeZone").getAsString());
    }
}
