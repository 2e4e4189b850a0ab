package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;

import peregrine.tests.support.Radicale;

/**
 * The provider itself against a real Radicale: discovery, authentication, iCalendar text and request counts. The
 * event behaviour every server must share is tested against Radicale and Xandikos in {@link CaldavServersTest}.
 * Each test uses its own calendar name, so counts are its own.
 */
class CaldavCalendarProviderTest {

    @TempDir
    static Path serverDir;
    static Radicale radicale;

    @TempDir
    Path configDir;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = Radicale.start(serverDir);
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
    }

    private static String calendarName() {
        return "Interviews " + UUID.randomUUID().toString().substring(0, 8);
    }

    private CaldavCalendarProvider provider(String url, String password, String calendarName) {
        return new CaldavCalendarProvider(new TestSettings(configDir)
                .write(TestSettings.values(url, Radicale.USER, password, calendarName)));
    }

    private CaldavCalendarProvider provider(String calendarName) {
        return provider(radicale.base + "/", Radicale.PASSWORD, calendarName);
    }

    static EventIdentity randomIdentity() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            key.append("0123456789abcdefghijklmnopqrstuv".charAt(ThreadLocalRandom.current().nextInt(32)));
        }
        return new EventIdentity(key.toString());
    }

    static CalendarEvent event(EventIdentity id, String title, ZonedDateTime start) {
        return new CalendarEvent(id, title, "https://jobs.example.com/1\nA company that makes things.", start, Duration.ofMinutes(45));
    }

    static final ZonedDateTime NINE_UTC = ZonedDateTime.of(2030, 1, 15, 9, 0, 0, 0, ZoneOffset.UTC);

    /** @return the calendar's URL, found the way a user would: by its display name */
    private static String calendarUrl(String name) throws Exception {
        return radicale.calendars().stream().filter(c -> c[1].equals(name)).map(c -> radicale.base + c[0]).findFirst().orElseThrow(
                () -> new AssertionError("no calendar named " + name));
    }

    private static long calendarsNamed(String name) throws Exception {
        return radicale.calendars().stream().filter(c -> c[1].equals(name)).count();
    }

    @Test
    void anExistingCalendarIsFoundByItsDisplayNameAndNotCreatedAgain() throws Exception {
        String name = calendarName();
        String existing = radicale.home() + "my-own-slug/";
        assertEquals(201, radicale.mkcalendar(existing, name));

        String eventId = provider(name).create(event(randomIdentity(), "Interview: existing calendar", NINE_UTC)).address().orElseThrow();

        assertTrue(eventId.startsWith(existing), eventId);
        assertEquals(1, calendarsNamed(name));
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = { "/", "", "/.well-known/caldav", "/alice/", "/alice", "/bob/not-mine/" })
    void discoveryFindsTheCalendarFromAnyStartingAddress(String path) throws Exception {
        String name = calendarName();
        String eventId = provider(radicale.base + path, Radicale.PASSWORD, name).create(event(randomIdentity(), "Interview: " + path, NINE_UTC))
                .address().orElseThrow();

        assertTrue(eventId.startsWith(calendarUrl(name)), eventId);
        assertEquals(1, calendarsNamed(name));
    }

    @Test
    void discoveryFromTheCalendarCollectionItselfUsesItInTwoRequests() throws Exception {
        String name = calendarName();
        String calendar = radicale.home() + "given-directly/";
        assertEquals(201, radicale.mkcalendar(calendar, name));
        CaldavCalendarProvider provider = provider(calendar, Radicale.PASSWORD, "some other name");

        String eventId = provider.create(event(randomIdentity(), "Interview: direct", NINE_UTC)).address().orElseThrow();

        assertTrue(eventId.startsWith(calendar), eventId);
        assertEquals(2, provider.requestCount(), "PROPFIND of the calendar, PUT");
        assertEquals(0, calendarsNamed("some other name"), "no calendar is created when the URL names one");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() throws Exception {
        String wrong = "wr0ng-pw-" + UUID.randomUUID();
        CaldavCalendarProvider provider = provider(radicale.base + "/", wrong, calendarName());

        CalendarException e = assertThrows(CalendarException.class, () -> provider.create(event(randomIdentity(), "x", NINE_UTC)));

        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains(Radicale.USER), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(Radicale.PASSWORD), e.getMessage());
        CalendarException test = assertThrows(CalendarException.class, provider::testConnection);
        assertEquals(Kind.AUTHENTICATION, test.kind());
    }

    @Test
    void iCloudAuthenticationMessagesPointToAppSpecificPasswords() {
        CaldavSettings icloud = new CaldavSettings(Path.of("/cfg/integrations/apple_calendar.yaml"), java.net.URI.create("https://caldav.icloud.com/"),
                "ada@example.com", "abcd-efgh-ijkl-mnop", "Interviews");
        CalendarException e = Failures.authentication(icloud, "p42-caldav.icloud.com", "HTTP 401");
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("app-specific password") && e.getMessage().contains("appleid.apple.com"), e.getMessage());
        assertFalse(e.getMessage().contains("abcd-efgh-ijkl-mnop"));
        assertFalse(icloud.toString().contains("abcd-efgh-ijkl-mnop"));
    }

    @Test
    void testConnectionDiscoversWithoutCreatingAnything() throws Exception {
        String name = calendarName();
        provider(name).testConnection();
        assertEquals(0, calendarsNamed(name));
    }

    @Test
    void aServerThatIsNotRunningIsUnavailable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CaldavCalendarProvider provider = provider("http://127.0.0.1:" + port + "/", Radicale.PASSWORD, calendarName());
        CalendarException e = assertThrows(CalendarException.class, () -> provider.create(event(randomIdentity(), "x", NINE_UTC)));
        assertEquals(Kind.UNAVAILABLE, e.kind(), e.getMessage());
    }

    @Test
    void anUnknownHostIsUnavailable() {
        CaldavCalendarProvider provider = provider("https://caldav.nonexistent.invalid/", Radicale.PASSWORD, calendarName());
        CalendarException e = assertThrows(CalendarException.class, () -> provider.create(event(randomIdentity(), "x", NINE_UTC)));
        assertEquals(Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("caldav.nonexistent.invalid"), e.getMessage());
    }

    static final String AWKWARD = "Interview, round 1; room B \\ back\\slash\nsecond line \uD83D\uDCC5\uD83D\uDE80 \u00fcml\u00e4ut \u4e2d\u6587 \"quoted\" "
            + "x".repeat(20);

    @Test
    void awkwardTitlesAndDescriptionsRoundTripExactlyAndLinesStayWithin75Octets() throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(name);
        String longTitle = (AWKWARD + " ").repeat(10).substring(0, 500);
        assertEquals(500, longTitle.length());
        String description = "https://jobs.example.com/listing?id=1,2;3\n" + AWKWARD + "\n" + "\u00e9".repeat(120);
        EventIdentity id = randomIdentity();
        CalendarEvent event = new CalendarEvent(id, longTitle, description, NINE_UTC, Duration.ofMinutes(30));

        String sent = ICalendarEvents.write(event, java.time.Instant.now());
        String eventId = provider.create(event).address().orElseThrow();

        assertTrue(Ics.longestLineOctets(sent) <= 75, "longest line sent: " + Ics.longestLineOctets(sent) + " octets");
        assertTrue(sent.endsWith("\r\n") && !sent.replace("\r\n", "").contains("\n"), "CRLF line ends only");
        String stored = radicale.get(eventId);
        VEvent back = Ics.event(stored);
        assertEquals(longTitle, Ics.summary(back));
        assertEquals(description, Ics.description(back));
        assertEquals(NINE_UTC.toInstant(), Ics.start(back));
        VEvent own = Ics.event(sent);
        assertEquals(longTitle, Ics.summary(own));
        assertEquals(description, Ics.description(own));
    }

    @Test
    void aZonedStartCarriesItsTzidAndTheVtimezone() throws Exception {
        String name = calendarName();
        ZonedDateTime start = ZonedDateTime.of(2030, 7, 1, 9, 30, 0, 0, ZoneId.of("America/New_York"));
        CalendarEvent event = event(randomIdentity(), "Interview: zoned", start);

        String sent = ICalendarEvents.write(event, java.time.Instant.now());
        String eventId = provider(name).create(event).address().orElseThrow();

        assertTrue(sent.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"), sent);
        assertTrue(sent.contains("DTSTART;TZID=America/New_York:20300701T093000\r\n"), sent);
        assertTrue(sent.contains("DTEND;TZID=America/New_York:20300701T101500\r\n"), sent);
        assertTrue(Ics.longestLineOctets(sent) <= 75);
        VEvent back = Ics.event(radicale.get(eventId));
        assertEquals(start.toInstant(), Ics.start(back));
        assertTrue(Ics.calendar(radicale.get(eventId)).getComponent("VTIMEZONE").isPresent(), "the server kept the VTIMEZONE");
    }

    @Test
    void aUtcStartIsWrittenInUtcWithoutVtimezone() {
        String sent = ICalendarEvents.write(event(randomIdentity(), "Interview: utc", NINE_UTC), java.time.Instant.now());
        assertTrue(sent.contains("DTSTART:20300115T090000Z\r\n"), sent);
        assertTrue(sent.contains("DTEND:20300115T094500Z\r\n"), sent);
        assertTrue(sent.contains("\r\nDTSTAMP:"), sent);
        assertFalse(sent.contains("VTIMEZONE"), sent);
    }

    @Test
    void theCalendarIsCreatedAgainWhenItWasDeletedOnTheServer() throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(name);
        provider.create(event(randomIdentity(), "Interview: first", NINE_UTC));
        radicale.delete(calendarUrl(name));
        assertEquals(0, calendarsNamed(name));

        String eventId = provider.create(event(randomIdentity(), "Interview: second", NINE_UTC)).address().orElseThrow();

        assertEquals(1, calendarsNamed(name));
        assertTrue(eventId.startsWith(calendarUrl(name)));
    }

    @Test
    void requestCountsAndWarmPushTimesForTheLead() throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(name);
        EventIdentity id = randomIdentity();
        RemoteEvent measured = provider.create(event(id, "Interview: measured", NINE_UTC));
        long coldCreate = provider.requestCount();
        long before = provider.requestCount();
        provider.create(event(randomIdentity(), "Interview: warm create", NINE_UTC));
        long warmCreate = provider.requestCount() - before;
        before = provider.requestCount();
        measured = provider.update(measured, event(id, "Interview: warm update", NINE_UTC.plusHours(1)));
        long warmUpdate = provider.requestCount() - before;
        CaldavCalendarProvider cold = provider(name);
        measured = cold.update(measured, event(id, "Interview: cold update", NINE_UTC.plusHours(2)));
        long coldUpdate = cold.requestCount();
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            measured = provider.update(measured, event(id, "Interview: warm " + i, NINE_UTC.plusMinutes(i)));
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("CalDAV provider against local Radicale: requests cold create (discovery from the server root + MKCALENDAR) = %d, "
                + "warm create = %d, warm update = %d, cold update with the ETag (discovery + PUT) = %d; "
                + "median of 20 warm updates = %.1f ms (min %.1f, max %.1f)%n",
                coldCreate, warmCreate, warmUpdate, coldUpdate, nanos[10] / 1e6, nanos[0] / 1e6, nanos[19] / 1e6);
        assertEquals(5, coldCreate, "PROPFIND /, PROPFIND principal, PROPFIND home, MKCALENDAR, PUT");
        assertEquals(1, warmCreate);
        assertEquals(1, warmUpdate);
        assertEquals(2, radicale.events(calendarUrl(name)).size(), "the measured event and the warm-created one");
    }
}
