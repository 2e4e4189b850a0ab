package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.ProviderStatus;

/** {@code status()} from the settings file alone: no network, re-read when the file changes. */
class ProviderStatusTest {

    @TempDir
    Path configDir;

    @Test
    void idAndLabel() {
        CaldavCalendarProvider provider = new CaldavCalendarProvider(new TestSettings(configDir));
        assertEquals("apple_calendar", provider.id());
        assertEquals("Apple iCloud / CalDAV", provider.label());
    }

    @Test
    void withoutTheFileItIsNotConnectedAndNamesTheFile() {
        TestSettings settings = new TestSettings(configDir);
        ProviderStatus status = new CaldavCalendarProvider(settings).status();
        assertFalse(status.connected());
        assertFalse(status.setUp(), "no file: not set up");
        assertTrue(status.message().contains(settings.integrationFile("apple_calendar").toString()), status.message());
    }

    @Test
    void aFileThatAppearsLaterConnectsWithoutRestart() {
        TestSettings settings = new TestSettings(configDir);
        CaldavCalendarProvider provider = new CaldavCalendarProvider(settings);
        assertFalse(provider.status().connected());

        settings.write(TestSettings.values("https://caldav.icloud.com/", "ada@example.com", "abcd-efgh-ijkl-mnop", null));

        ProviderStatus status = provider.status();
        assertTrue(status.connected(), status.message());
        assertEquals("iCloud calendar 'Interviews' as ada@example.com", status.message());
        assertFalse(status.message().contains("abcd-efgh-ijkl-mnop"));
    }

    @Test
    void theSettingsAreAskedForOnEveryUseAndTheSessionIsKeptWhileTheyAreEqual() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // nothing listens there: each request fails at once
        }
        TestSettings settings = new TestSettings(configDir).write(TestSettings.values("http://127.0.0.1:" + port + "/", "ada", "pw", "Jobs"));
        CaldavCalendarProvider provider = new CaldavCalendarProvider(settings);
        for (int i = 0; i < 5; i++) {
            assertTrue(provider.status().connected());
        }
        assertEquals(5, settings.reads, "the settings service (which caches the file) is asked each time");
        assertEquals("CalDAV calendar 'Jobs' on 127.0.0.1 as ada", provider.status().message());

        assertThrows(CalendarException.class, provider::testConnection);
        long afterOne = provider.requestCount();
        assertThrows(CalendarException.class, provider::testConnection);
        assertEquals(2 * afterOne, provider.requestCount(), "equal settings: the same session");

        settings.write(TestSettings.values("http://127.0.0.1:" + port + "/", "ada", "pw", "Other jobs"));
        assertThrows(CalendarException.class, provider::testConnection);
        assertEquals(afterOne, provider.requestCount(), "other settings: a new session");
    }

    @Test
    void missingValuesAreNamedWithTheFile() throws Exception {
        TestSettings settings = new TestSettings(configDir).write(Map.of("username", "ada@example.com"));
        CaldavCalendarProvider provider = new CaldavCalendarProvider(settings);

        ProviderStatus status = provider.status();

        assertFalse(status.connected());
        assertTrue(status.message().contains(settings.integrationFile("apple_calendar").toString()), status.message());
        assertTrue(status.message().contains("caldav_url") && status.message().contains("app_password"), status.message());
        assertFalse(status.message().contains("username,"), status.message());
        CalendarException e = assertThrows(CalendarException.class, () -> provider.create(
                CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "x", CaldavCalendarProviderTest.NINE_UTC)));
        assertEquals(Kind.CONFIGURATION, e.kind());
    }

    @Test
    void aUrlThatIsNotHttpIsNotConnected() {
        TestSettings settings = new TestSettings(configDir).write(TestSettings.values("caldav.icloud.com", "ada", "pw", null));
        ProviderStatus status = new CaldavCalendarProvider(settings).status();
        assertFalse(status.connected());
        assertTrue(status.message().contains("caldav_url"), status.message());
    }

    @Test
    void aMalformedFileGivesTheSettingsMessageWithFileAndLine() throws Exception {
        TestSettings settings = new TestSettings(configDir).writeMalformed("mapping values are not allowed here");
        ProviderStatus status = new CaldavCalendarProvider(settings).status();
        assertFalse(status.connected());
        assertTrue(status.setUp(), "a file that is there but broken: set up, and its message is the one to show");
        assertTrue(status.message().contains(settings.integrationFile("apple_calendar") + ", line 3"), status.message());
        assertTrue(Files.exists(settings.integrationFile("apple_calendar")));
    }
}
