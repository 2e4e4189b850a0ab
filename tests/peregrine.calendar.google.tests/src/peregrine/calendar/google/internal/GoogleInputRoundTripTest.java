package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;

import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

/**
 * Input that must survive a push to Google Calendar and back (read from the fake API's stored event): awkward
 * titles, companies and listing addresses, and interview times on leap days and daylight-saving changes in
 * several zones. The one documented exception: control characters other than tab and line feed are left out,
 * and CR LF or CR become a line feed, as for every calendar.
 */
class GoogleInputRoundTripTest {

    @TempDir
    Path dir;
    private GoogleFixture google;

    @BeforeEach
    void setUp() throws Exception {
        google = new GoogleFixture(dir);
    }

    @AfterEach
    void tearDown() {
        google.close();
    }

    static String tenThousandCharacters() {
        StringBuilder s = new StringBuilder();
        String pattern = "Lorem ipsum, dolor; sit \\ amet \"q\" \u00e9\u4e2d\uD83D\uDE80 ";
        while (s.length() < 10_000) {
            s.append(pattern);
        }
        String text = s.substring(0, 10_000);
        return Character.isHighSurrogate(text.charAt(text.length() - 1)) ? text.substring(0, 9_999) + "x" : text;
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("commas and semicolons", "Engineer, Platform; Backend", "ACME, Inc.; GmbH", "https://jobs.example.com/1"),
                Arguments.of("backslashes and quotes", "C:\\path\\to \"quoted\" 'single' \\n \\, \\;", "Back\\slash \"Co\"", "https://jobs.example.com/2"),
                Arguments.of("newlines and tabs", "Line one\nline two\tafter a tab", "Two\nLines\tCo", "https://jobs.example.com/3"),
                Arguments.of("CR LF and CR", "Windows\r\nline and old\rMac", "Co\r\nLtd", "https://jobs.example.com/4"),
                Arguments.of("emoji", "Rocket \uD83D\uDE80 engineer \uD83D\uDC69\u200D\uD83D\uDCBB", "Emoji \uD83D\uDE00 Co \uD83C\uDDE9\uD83C\uDDEA",
                        "https://jobs.example.com/5"),
                Arguments.of("right-to-left", "\u05DE\u05D4\u05E0\u05D3\u05E1 \u05EA\u05D5\u05DB\u05E0\u05D4",
                        "\u0634\u0631\u0643\u0629 \u202Ebidi override\u202C", "https://jobs.example.com/6"),
                Arguments.of("10,000 characters", tenThousandCharacters(), tenThousandCharacters(), "https://jobs.example.com/7"),
                Arguments.of("control characters", "Bell\u0007 Esc\u001B[31m Nul\u0000 Del\u007F Nel\u0085 end", "Ctrl\u0001Co",
                        "https://jobs.example.com/8"),
                Arguments.of("URL with query string", "Query", "Co", "https://jobs.example.com/search?q=d%C3%A9veloppeur&loc=Z%C3%BCrich&a=1,2;3#frag"),
                Arguments.of("URL with non-ASCII", "Non-ASCII URL", "Co", "https://\u4F8B\u3048.jp/\u6C42\u4EBA?id=42&lang=\u65E5\u672C\u8A9E&x=\u00e9"));
    }

    static String calendarText(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        lines.codePoints().filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
    }

    private JsonObject stored(long job) throws Exception {
        return google.fake.events(GoogleFixture.CALENDAR).get(google.store.job(job).calendarLink().orElseThrow().eventId());
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

        assertEquals(calendarText("Interview: " + title.strip() + " @ " + company.strip()), stored(job).get("summary").getAsString());
        assertEquals(unique, stored(job).get("description").getAsString());
    }

    static Stream<Arguments> times() {
        List<Arguments> times = new ArrayList<>();
        for (String zone : List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata")) {
            ZoneId id = ZoneId.of(zone);
            times.add(Arguments.of(zone + " leap day", LocalDateTime.of(2028, 2, 29, 23, 30), id));
            var rules = id.getRules();
            ZoneOffsetTransition t = rules.nextTransition(ZonedDateTime.of(2031, 1, 1, 0, 0, 0, 0, id).toInstant());
            for (int i = 0; i < 2 && t != null; i++, t = rules.nextTransition(t.getInstant())) {
                LocalDateTime local = (t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter()).plusMinutes(15);
                times.add(Arguments.of(zone + (t.isGap() ? " spring-forward gap " : " fall-back overlap ") + local, local, id));
                times.add(Arguments.of(zone + " the day after the change", local.plusDays(1), id));
            }
        }
        return times.stream();
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
