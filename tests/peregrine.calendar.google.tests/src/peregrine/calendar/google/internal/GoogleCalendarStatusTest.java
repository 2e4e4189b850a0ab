package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import peregrine.calendar.PushResult;
import peregrine.calendar.ProviderStatus;

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
