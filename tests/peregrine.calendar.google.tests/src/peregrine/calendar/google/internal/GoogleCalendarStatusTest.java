package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;

/** What the provider says about its settings, from local files only, and how it reads them. */
class GoogleCalendarStatusTest extends GoogleProviderTest {


    private void assertStatus(boolean connected, String... expected) {
        ProviderStatus status = google.provider.status();
        assertEquals(connected, status.connected(), status.message());
        for (String part : expected) {
            assertTrue(status.message().contains(part), "'" + part + "' missing from: " + status.message());
        }
        GoogleFixture.assertNoSecret(status.message());
    }

    @Test
    void withBothSettingsAndAKeyFileTheProviderIsConnectedAsTheServiceAccount() {
        assertStatus(true, "'" + GoogleFixture.CALENDAR + "'", GoogleFixture.CLIENT_EMAIL);
    }

    @Test
    void withoutASettingsFileThePushSaysWhichFileToCreateWithWhichKeys() throws Exception {
        Files.delete(google.configFile);
        assertStatus(false, google.configFile.toString(), "calendar_id", "credentials_json");
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        PushResult.Failed failed = google.failed(job);
        assertTrue(failed.message().contains(google.configFile.toString()), failed.message());
    }

    @Test
    void aMissingSettingIsNamedWithItsFile() throws Exception {
        google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\n");
        assertStatus(false, google.configFile.toString(), "credentials_json is missing");
        google.writeSettings("credentials_json: " + google.keyFile + "\n");
        assertStatus(false, google.configFile.toString(), "calendar_id is missing");
        google.writeSettings("# nothing yet\n{}\n");
        assertStatus(false, "calendar_id and credentials_json are missing");
    }

    @Test
    void aMalformedSettingsFileIsNamedWithItsLine() throws Exception {
        google.writeSettings("calendar_id: [unclosed\ncredentials_json: x\n");
        assertStatus(false, google.configFile.toString(), "line");
    }

    @Test
    void aMissingKeyFileIsNamedWithTheSettingThatPointsToIt() throws Exception {
        Files.delete(google.keyFile);
        assertStatus(false, google.keyFile.toString(), "does not exist", "credentials_json in " + google.configFile);
    }

    @Test
    void aSettingsFileThatExistsButIsIncompleteIsBrokenAndAMissingOneIsNotSetUp() throws Exception {
        google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\n");
        assertTrue(google.provider.status().setUp(), google.provider.status().message());
        Files.delete(google.configFile);
        assertFalse(google.provider.status().setUp(), google.provider.status().message());
    }

    @Test
    void aNamedPipeAsTheSettingsFileMakesTheProviderBrokenAtOnce() throws Exception {
        Files.delete(google.configFile);
        mkfifo(google.configFile);
        try {
            ProviderStatus status = assertTimeoutPreemptively(Duration.ofSeconds(1), google.provider::status);
            assertFalse(status.connected());
            assertTrue(status.setUp(), status.message());
            assertTrue(status.message().startsWith(google.configFile + ": not a regular file"), status.message());
        } finally {
            // the settings file is the test runtime's: the next test writes it, which would wait for a reader of a pipe
            Files.delete(google.configFile);
        }
    }

    private static void mkfifo(Path file) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + file);
    }

    /** The CalDAV provider as it is when installed and not set up: no settings file, ranked first. */
    private static final class NotSetUpProvider implements CalendarProvider {
        final String message;

        NotSetUpProvider(Path settingsFile) {
            message = "Apple iCloud / CalDAV is not set up: create " + settingsFile + ".";
        }

        @Override
        public String id() {
            return "apple_calendar";
        }

        @Override
        public String label() {
            return "Apple iCloud / CalDAV";
        }

        @Override
        public ProviderStatus status() {
            return ProviderStatus.notConnected(message);
        }

        @Override
        public RemoteEvent create(CalendarEvent event) throws CalendarException {
            throw new CalendarException(CalendarException.Kind.CONFIGURATION, message);
        }

        @Override
        public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
            throw new CalendarException(CalendarException.Kind.CONFIGURATION, message);
        }

        @Override
        public void delete(RemoteEvent event) throws CalendarException {
            throw new CalendarException(CalendarException.Kind.CONFIGURATION, message);
        }
    }

    @Test
    void withOnlyGoogleSetUpAndItsKeyUnreadableThePushNamesTheKeyFileNotAnotherProvidersFile() throws Exception {
        Files.delete(google.keyFile);
        mkfifo(google.keyFile);
        NotSetUpProvider caldav = new NotSetUpProvider(google.settings.integrationFile("apple_calendar"));
        ServiceRegistration<CalendarProvider> registration = google.context.registerService(CalendarProvider.class, caldav,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        try {
            assertEquals(caldav, google.push.providers().get(0), "the provider that is not set up is ranked first");
            long start = System.nanoTime();
            ProviderStatus status = assertTimeoutPreemptively(Duration.ofSeconds(1), google.provider::status,
                    "a named pipe as the key file blocks the status");
            System.out.println("google status with a named pipe as key file, in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + status);
            assertFalse(status.connected());
            assertTrue(status.setUp(), "set up (its settings file exists), but broken");
            assertTrue(status.message().contains(google.keyFile.toString()) && status.message().contains("not a regular file"), status.message());

            long job = google.interviewOn(LocalDate.of(2026, 12, 3));
            String message = google.failed(job).message();
            System.out.println("google push with an unreadable key and CalDAV not set up: " + message);
            assertTrue(message.contains(google.keyFile.toString()) && message.contains("credentials_json in " + google.configFile), message);
            assertFalse(message.contains("apple_calendar"), message);
            assertEquals(0, google.fake.tokenRequests.get() + google.fake.apiRequests.get());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void thePrimaryCalendarWarnsThatTheUserWillNotSeeTheEvents() throws Exception {
        google.useCalendar(GoogleSettings.PRIMARY);
        assertStatus(true, "'primary'", "will not see", "Share your calendar with " + GoogleFixture.CLIENT_EMAIL, "calendar_id in " + google.configFile);
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        assertTrue(google.fake.events(GoogleSettings.PRIMARY).containsKey(key), "the events do go to the service account's calendar");
    }

    @Test
    void statusIsReadFromLocalFilesWithoutAnyRequest() throws Exception {
        for (int i = 0; i < 5; i++) {
            google.provider.status();
        }
        google.useCalendar(GoogleSettings.PRIMARY);
        google.provider.status();
        assertEquals(0, google.fake.tokenRequests.get() + google.fake.apiRequests.get());
    }

    @Test
    void aChangedSettingsFileIsReadAgain() throws Exception {
        assertStatus(true, "'" + GoogleFixture.CALENDAR + "'");
        google.useCalendar(GoogleFixture.OTHER_CALENDAR);
        assertStatus(true, "'" + GoogleFixture.OTHER_CALENDAR + "'");
    }

    @Test
    void aKeyPathWithATildeIsInTheHomeFolderAndARelativeOneInTheConfigFolder() {
        Path home = Path.of("/home/ada");
        Path config = Path.of("/home/ada/.config/peregrine");
        assertEquals(Optional.of(Path.of("/home/ada/keys/sa.json")), GoogleSettings.expand("~/keys/sa.json", config, home));
        assertEquals(Optional.of(home), GoogleSettings.expand("~", config, home));
        assertEquals(Optional.of(Path.of("/home/ada/.config/peregrine/sa.json")), GoogleSettings.expand("sa.json", config, home));
        assertEquals(Optional.of(Path.of("/srv/sa.json")), GoogleSettings.expand(" /srv/sa.json ", config, home));
    }

    @Test
    void anApiRootUrlMustBeAnHttpAddressAndGetsATrailingSlash() {
        assertEquals(Optional.of("https://proxy.example:8443/google/"), GoogleSettings.parseRootUrl("https://proxy.example:8443/google"));
        assertEquals(Optional.of("http://127.0.0.1:9/"), GoogleSettings.parseRootUrl("http://127.0.0.1:9"));
        assertEquals(Optional.empty(), GoogleSettings.parseRootUrl("ftp://example.com/"));
        assertEquals(Optional.empty(), GoogleSettings.parseRootUrl("https://user:pw@example.com/"));
    }

    @Test
    void timeZonesAreSentAsTheNamesGoogleKnows() {
        assertEquals("UTC", EventBodies.timeZone(ZoneOffset.UTC));
        assertEquals("UTC", EventBodies.timeZone(ZoneId.of("UTC")));
        assertEquals("Europe/Berlin", EventBodies.timeZone(ZoneId.of("Europe/Berlin")));
        assertEquals("Etc/GMT-2", EventBodies.timeZone(ZoneOffset.ofHours(2)));
        assertEquals("Etc/GMT+5", EventBodies.timeZone(ZoneOffset.ofHours(-5)));
        assertNull(EventBodies.timeZone(ZoneOffset.ofHoursMinutes(5, 30)), "the RFC 3339 offset alone says it");
    }

    @Test
    void theProviderIsNamedAsTheSettingsFileAndAsUsersKnowIt() {
        assertEquals("google_calendar", google.provider.id());
        assertEquals("Google Calendar", google.provider.label());
        assertFalse(google.push.providers().isEmpty());
    }
}
