package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

class FileWorkbenchSettingsTest {

    @TempDir
    Path config;
    WorkbenchSettings settings;

    @BeforeEach
    void createSettings() {
        settings = new FileWorkbenchSettings(new Locations(config, config.resolve("staging.db")));
    }

    private void write(String relative, String text) throws Exception {
        Path file = config.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theCalendarTimeoutIsReadFromUserYamlWithinOneToSixHundredSecondsElseThirty() throws Exception {
        assertEquals(Duration.ofSeconds(30), settings.calendarTimeout(), "no user.yaml");
        write("user.yaml", "tier: paid\ncalendar_timeout_seconds: 2\n");
        assertEquals(Duration.ofSeconds(2), settings.calendarTimeout());
        write("user.yaml", "calendar_timeout_seconds: 1.5\n");
        assertEquals(Duration.ofMillis(1500), settings.calendarTimeout());
        write("user.yaml", "calendar_timeout_seconds: '45'\n");
        assertEquals(Duration.ofSeconds(45), settings.calendarTimeout());
        for (String bad : new String[] { "0", "-5", "601", "soon", ".nan", "[2", "" }) {
            write("user.yaml", "calendar_timeout_seconds: " + bad + "\n");
            assertEquals(WorkbenchSettings.DEFAULT_CALENDAR_TIMEOUT, settings.calendarTimeout(), bad);
        }
    }

    @Test
    void aMissingUserFileMeansTheFreeTier() throws Exception {
        assertEquals(Tier.FREE, settings.tier());
    }

    @Test
    void theTierIsReadFromUserYamlAndTheDevOverrideWins() throws Exception {
        write("user.yaml", "name: Ada\ntier: paid\n");
        assertEquals(Tier.PAID, settings.tier());
        write("user.yaml", "tier: free\ndev_tier_override: Premium\n");
        assertEquals(Tier.PREMIUM, settings.tier());
        write("user.yaml", "tier: ultra\ndev_tier_override: null\n");
        assertEquals(Tier.ULTRA, settings.tier());
    }

    @Test
    void userYamlIsReadAgainAfterAnEditOfTheSameSizeAndTimeAndWhenItGoesOrComesBack() throws Exception {
        Path user = config.resolve("user.yaml");
        write("user.yaml", "tier: paid\n");
        FileTime written = Files.getLastModifiedTime(user);
        assertEquals(Tier.PAID, settings.tier());
        write("user.yaml", "tier: free\n");
        Files.setLastModifiedTime(user, written);
        assertEquals(Tier.FREE, settings.tier(), "a recent file is not trusted to change its time or size");
        Files.delete(user);
        assertEquals(Tier.FREE, settings.tier());
        write("user.yaml", "tier: premium\n");
        assertEquals(Tier.PREMIUM, settings.tier());
        Files.setLastModifiedTime(user, FileTime.fromMillis(written.toMillis() - 60_000));
        assertEquals(Tier.PREMIUM, settings.tier());
        write("user.yaml", "tier: ultra\n");
        Files.setLastModifiedTime(user, FileTime.fromMillis(written.toMillis() - 60_000));
        assertEquals(Tier.ULTRA, settings.tier(), "an old file whose size changed");
    }

    @Test
    void anUnknownTierMeansFree() throws Exception {
        write("user.yaml", "tier: platinum\n");
        assertEquals(Tier.FREE, settings.tier());
    }

    @Test
    void aMalformedUserFileIsReportedWithItsLineNeverReadAsFree() throws Exception {
        write("user.yaml", "name: Ada\ntier: [paid\n");
        SettingsException e = assertThrows(SettingsException.class, settings::tier);
        assertEquals(config.resolve("user.yaml"), e.file());
        assertTrue(e.line().isPresent() && e.getMessage().contains("line " + e.line().getAsInt()), e.getMessage());
        assertEquals(WorkbenchSettings.DEFAULT_CALENDAR_TIMEOUT, settings.calendarTimeout(), "the timeout falls back; the tier reports the file");
    }

    @Test
    void anUnsafeTagInUserYamlIsRefusedWithItsLine() throws Exception {
        write("user.yaml", "tier: paid\nexploit: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
        SettingsException e = assertThrows(SettingsException.class, settings::tier);
        assertEquals(OptionalInt.of(2), e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(config.resolve("user.yaml") + ", line 2: not valid YAML"), e.getMessage());
    }

    @Test
    void userYamlThatIsNotUtf8IsNamedWithTheLineOfTheFirstBadByte() throws Exception {
        Files.write(config.resolve("user.yaml"), new byte[] { 'n', 'a', 'm', 'e', ':', ' ', 'A', '\n', 't', 'i', 'e', 'r', ':', ' ', (byte) 0xE9, '\n' });
        SettingsException e = assertThrows(SettingsException.class, settings::tier);
        assertEquals(OptionalInt.of(2), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey() throws Exception {
        write("user.yaml", "\uFEFFtier: paid\n");
        assertEquals(Tier.PAID, settings.tier());
    }

    @Test
    void tiersAreOrderedLowestFirst() {
        assertTrue(Tier.PREMIUM.includes(Tier.PAID));
        assertTrue(Tier.PAID.includes(Tier.PAID));
        assertFalse(Tier.FREE.includes(Tier.PAID));
    }

    @Test
    void aMissingIntegrationFileMeansNotConnected() throws Exception {
        assertEquals(Optional.empty(), settings.integration("apple_calendar"));
        assertEquals(config.resolve("integrations/apple_calendar.yaml"), settings.integrationFile("apple_calendar"));
    }

    @Test
    void anIntegrationFileAsPeregrineWritesItIsRead() throws Exception {
        write("integrations/apple_calendar.yaml", """
                caldav_url: https://caldav.icloud.com/
                username: ada@example.com
                app_password: abcd-efgh-ijkl-mnop
                calendar_name: Interviews
                """);
        IntegrationConfig apple = settings.integration("apple_calendar").orElseThrow();
        assertEquals("https://caldav.icloud.com/", apple.required("caldav_url"));
        assertEquals(Optional.of("Interviews"), apple.text("calendar_name"));
        assertEquals(Optional.empty(), apple.text("missing"));
        SettingsException e = assertThrows(SettingsException.class, () -> apple.required("calendar_id"));
        assertTrue(e.getMessage().contains("apple_calendar.yaml") && e.getMessage().contains("calendar_id"), e.getMessage());
    }

    @Test
    void aFileWithAPasswordThatOthersCanReadGivesAWarningAndAPrivateOneDoesNot() throws Exception {
        write("integrations/apple_calendar.yaml", "username: ada\napp_password: abcd-efgh-ijkl-mnop\n");
        Path file = settings.integrationFile("apple_calendar");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String warning = settings.integration("apple_calendar").orElseThrow().exposureWarning("app_password").orElseThrow();
        assertTrue(warning.contains("chmod 600 " + file) && !warning.contains("abcd"), warning);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.empty(), settings.integration("apple_calendar").orElseThrow().exposureWarning("app_password"));
        write("integrations/other.yaml", "calendar_id: x\n");
        assertEquals(Optional.empty(), settings.integration("other").orElseThrow().exposureWarning("app_password"));
    }

    @Test
    void aMalformedFileIsReportedWithItsNameAndLineButNotItsSecrets() throws Exception {
        write("integrations/apple_calendar.yaml", """
                caldav_url: https://caldav.icloud.com/
                username: ada@example.com
                app_password: "s3cret-pass
                calendar_name: Interviews
                """);
        SettingsException e = assertThrows(SettingsException.class, () -> settings.integration("apple_calendar"));
        assertTrue(e.getMessage().contains(config.resolve("integrations/apple_calendar.yaml").toString()), e.getMessage());
        assertTrue(e.line().isPresent() && e.getMessage().contains("line " + e.line().getAsInt()), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void aFileThatIsAListOrEmptyIsHandled() throws Exception {
        write("integrations/google_calendar.yaml", "- calendar_id\n- credentials_json\n");
        SettingsException e = assertThrows(SettingsException.class, () -> settings.integration("google_calendar"));
        assertEquals(OptionalInt.of(1), e.line());
        write("integrations/google_calendar.yaml", "");
        assertTrue(settings.integration("google_calendar").orElseThrow().values().isEmpty());
    }

    @Test
    void yamlTagsThatWouldBuildObjectsAreRefused() throws Exception {
        write("integrations/google_calendar.yaml", "calendar_id: !!java.io.File /etc/passwd\n");
        assertThrows(SettingsException.class, () -> settings.integration("google_calendar"));
    }

    @Test
    void declarativeServicesRegistersTheSettings() throws Exception {
        var context = FrameworkUtil.getBundle(FileWorkbenchSettingsTest.class).getBundleContext();
        var tracker = new ServiceTracker<WorkbenchSettings, WorkbenchSettings>(context, WorkbenchSettings.class, null);
        tracker.open();
        try {
            WorkbenchSettings service = tracker.waitForService(10_000);
            assertNotNull(service);
            assertTrue(service.databaseFile().isAbsolute());
        } finally {
            tracker.close();
        }
    }
}
