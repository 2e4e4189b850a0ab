package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
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

    static String tenThousandCharacters() {
        StringBuilder s = new StringBuilder();
        String pattern = "Lorem ipsum, dolor; sit \\ amet \"q\" \u00e9\u4e2d\uD83D\uDE80 ";
        while (s.length() < 10_000) {
            s.append(pattern);
        }
        String text = s.substring(0, 10_000);
        // never end inside a surrogate pair
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

    /** What a calendar can hold of {@code text}: no control characters but tab and line feed; CR LF and CR as LF. */
    static String calendarText(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        lines.codePoints().filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
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

        assertEquals(calendarText("Interview: " + title.strip() + " @ " + company.strip()), Ics.summary(event));
        assertEquals(unique, Ics.description(event));
    }

    static Stream<Arguments> times() {
        List<Arguments> times = new ArrayList<>();
        for (String zone : List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata")) {
            ZoneId id = ZoneId.of(zone);
            times.add(Arguments.of(zone + " leap day", LocalDateTime.of(2028, 2, 29, 23, 30), id));
            var rules = id.getRules();
            ZoneOffsetTransition t = rules.nextTransition(ZonedDateTime.of(2031, 1, 1, 0, 0, 0, 0, id).toInstant());
            for (int i = 0; i < 2 && t != null; i++, t = rules.nextTransition(t.getInstant())) {
                // a quarter of an hour into the gap (a time that does not exist) or into the repeated hour
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
