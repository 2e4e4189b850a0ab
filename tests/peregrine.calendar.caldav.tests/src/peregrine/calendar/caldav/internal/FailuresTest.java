package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/** Every HTTP status a CalDAV server can refuse with becomes the kind the SPI's one mapping gives it, with a message. */
class FailuresTest {

    static final CaldavSettings ICLOUD = new CaldavSettings(Path.of("/cfg/integrations/apple_calendar.yaml"),
            URI.create("https://caldav.icloud.com/"), "ada@example.com", "abcd-efgh-ijkl-mnop", "Interviews");

    private static CalendarException failure(String url, int status) {
        return Failures.of(ICLOUD, "write the event", new DavClient.Reply(URI.create(url), status, "Reason", Map.of(), new byte[0]));
    }

    @Test
    void everyRefusalHasTheKindOfTheSpisMappingAndAMessageNamingTheHost() {
        IntStream.range(300, 600).forEach(status -> {
            CalendarException e = failure("https://p42-caldav.icloud.com/123/calendars/work/x.ics", status);
            assertEquals(CalendarException.kindOf(status), e.kind(), "HTTP " + status + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("p42-caldav.icloud.com") && e.getMessage().contains("HTTP " + status), e.getMessage());
            assertFalse(e.getMessage().contains(ICLOUD.password()), e.getMessage());
        });
    }

    @Test
    void aConflictingWriteIsAConflictAndABusyServerSaysWhenToRetry() {
        assertEquals(Kind.CONFLICT, failure("https://p42-caldav.icloud.com/x.ics", 409).kind());
        assertTrue(failure("https://p42-caldav.icloud.com/x.ics", 409).getMessage().contains("conflicts with what the calendar holds"));
        CalendarException busy = Failures.of(ICLOUD, "write the event", new DavClient.Reply(URI.create("https://p42-caldav.icloud.com/x.ics"),
                503, "Service Unavailable", Map.of("retry-after", "120"), new byte[0]));
        assertEquals(Kind.UNAVAILABLE, busy.kind());
        assertTrue(busy.getMessage().contains("retry after 120 s"), busy.getMessage());
    }

    @Test
    void a401FromAHostThePasswordWasNotSentToSaysSoInsteadOfWrongPassword() {
        CalendarException own = failure("https://p42-caldav.icloud.com/123/calendars/", 401);
        assertEquals(Kind.AUTHENTICATION, own.kind());
        assertTrue(own.getMessage().contains("app-specific password"), own.getMessage());

        CalendarException foreign = failure("https://calendar.evil-calendar.net/123/", 401);
        assertEquals(Kind.CONFIGURATION, foreign.kind());
        assertEquals("Could not write the event: calendar.evil-calendar.net asked for the password (HTTP 401 Reason), and Peregrine did not "
                + "send it there: the password is sent only to https://caldav.icloud.com and the other HTTPS hosts of icloud.com. The server "
                + "at caldav_url led Peregrine to calendar.evil-calendar.net; check caldav_url in " + ICLOUD.file() + ".", foreign.getMessage());
    }
}
