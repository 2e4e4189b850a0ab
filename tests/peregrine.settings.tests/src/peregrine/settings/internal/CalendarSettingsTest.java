package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.settings.RemovePolicy;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/** The calendar keys of {@code user.yaml}: how they are read, and how the workbench writes them into a file the user keeps. */
class CalendarSettingsTest {

    @TempDir
    Path config;
    WorkbenchSettings settings;
    Path user;

    @BeforeEach
    void createSettings() {
        settings = new FileWorkbenchSettings(new Locations(config, config.resolve("staging.db")));
        user = config.resolve("user.yaml");
    }

    private void write(String text) throws Exception {
        Files.writeString(user, text);
    }

    @Test
    void calendarTargetsAreTheListedProviderIdsInOrderAndAnythingButAListIsNone() throws Exception {
        assertEquals(Optional.empty(), settings.calendarTargets(), "no user.yaml");
        write("calendar_targets: [google_calendar, apple_calendar, google_calendar]\n");
        assertEquals(Optional.of(List.of("google_calendar", "apple_calendar")), settings.calendarTargets());
        write("calendar_targets:\n  - apple_calendar\n  - ' caldav '\n  - {a: b}\n");
        assertEquals(Optional.of(List.of("apple_calendar", "caldav")), settings.calendarTargets());
        for (String other : new String[] { "google_calendar", "[]", "{a: b}", "" }) {
            write("calendar_targets: " + other + "\n");
            assertEquals(Optional.empty(), settings.calendarTargets(), other);
        }
        write("calendar_targets: [google_calendar\n");
        assertEquals(Optional.empty(), settings.calendarTargets(), "a broken file");
    }

    @Test
    void remindersAreReadLongestFirstWithBadAndTooDistantOnesLeftOutAndADayAndAnHourByDefault() throws Exception {
        assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(1)), settings.calendarReminders(), "no user.yaml");
        write("calendar_reminders: [1h, 1d]\n");
        assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(1)), settings.calendarReminders());
        write("calendar_reminders: 15m\n");
        assertEquals(List.of(Duration.ofMinutes(15)), settings.calendarReminders());
        write("calendar_reminders: [2d, 1W, 5w, 29d, 4w, soon, 0m, -1h, 30, 1h, 60m]\n");
        assertEquals(List.of(Duration.ofDays(28), Duration.ofDays(7), Duration.ofDays(2), Duration.ofHours(1)), settings.calendarReminders());
        write("calendar_reminders: []\n");
        assertEquals(List.of(), settings.calendarReminders(), "[] is none");
        write("calendar_reminders:\n");
        assertEquals(WorkbenchSettings.DEFAULT_REMINDERS, settings.calendarReminders(), "an empty value says nothing");
        write("calendar_reminders: [1h\n");
        assertEquals(WorkbenchSettings.DEFAULT_REMINDERS, settings.calendarReminders(), "a broken file");
    }

    @Test
    void theRemovalPolicyIsReadIgnoringCaseAndIsAskUnlessTheFileNamesAnother() throws Exception {
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn());
        write("calendar_remove_on: Always\n");
        assertEquals(RemovePolicy.ALWAYS, settings.calendarRemoveOn());
        write("calendar_remove_on: never\n");
        assertEquals(RemovePolicy.NEVER, settings.calendarRemoveOn());
        write("calendar_remove_on: sometimes\n");
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn());
        write("calendar_remove_on: [never\n");
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn(), "a broken file");
    }

    @Test
    void settingTheTargetsReplacesTheirFlowListAndKeepsEveryOtherLineAndComment() throws Exception {
        String before = """
                # my settings
                tier: paid   # bought in May

                calendar_targets: [apple_calendar]  # old
                # reminders below
                calendar_reminders: [1h]
                """;
        write(before);
        settings.setCalendarTargets(Optional.of(List.of("google_calendar", "apple_calendar")));
        assertEquals(before.replace("calendar_targets: [apple_calendar]  # old", "calendar_targets: [google_calendar, apple_calendar]"),
                Files.readString(user));
        assertEquals(Optional.of(List.of("google_calendar", "apple_calendar")), settings.calendarTargets());
        assertEquals(Tier.PAID, settings.tier());
        assertEquals(List.of(Duration.ofHours(1)), settings.calendarReminders());
    }

    @Test
    void settingTheTargetsReplacesABlockListWithItsItemLinesAndRemovingThemLeavesTheRest() throws Exception {
        write("""
                tier: paid
                calendar_targets:
                  - apple_calendar
                  # the work one
                  - google_calendar
                calendar_remove_on: never
                """);
        settings.setCalendarTargets(Optional.of(List.of("google_calendar")));
        assertEquals("""
                tier: paid
                calendar_targets: [google_calendar]
                  # the work one
                calendar_remove_on: never
                """, Files.readString(user));
        settings.setCalendarTargets(Optional.empty());
        assertEquals("""
                tier: paid
                  # the work one
                calendar_remove_on: never
                """, Files.readString(user));
        assertEquals(Optional.empty(), settings.calendarTargets());
        assertEquals(RemovePolicy.NEVER, settings.calendarRemoveOn());
    }

    @Test
    void aBlockListAtTheLeftMarginIsReplacedAsAWhole() throws Exception {
        write("calendar_targets:\n- apple_calendar\n- google_calendar\ntier: paid\n");
        settings.setCalendarTargets(Optional.of(List.of("odd id's")));
        assertEquals("calendar_targets: ['odd id''s']\ntier: paid\n", Files.readString(user));
        assertEquals(Optional.of(List.of("odd id's")), settings.calendarTargets());
    }

    @Test
    void idsThatYamlWouldReadAsSomethingElseAreQuoted() throws Exception {
        List<String> ids = List.of("off", "No", "null", "2024", "plain_id", "-dash", "a: b", "#hash");
        settings.setCalendarTargets(Optional.of(ids));
        assertEquals("calendar_targets: ['off', 'No', 'null', '2024', plain_id, '-dash', 'a: b', '#hash']\n", Files.readString(user));
        assertEquals(Optional.of(ids), settings.calendarTargets());
    }

    @Test
    void aKeyNotInTheFileIsAppendedAfterItsLastLineAndTheCacheSeesTheChangeAtOnce() throws Exception {
        write("tier: paid\n# no newline at the end");
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn());
        settings.setCalendarRemoveOn(RemovePolicy.ALWAYS);
        assertEquals("tier: paid\n# no newline at the end\ncalendar_remove_on: always\n", Files.readString(user));
        assertEquals(RemovePolicy.ALWAYS, settings.calendarRemoveOn());
        settings.setCalendarRemoveOn(RemovePolicy.NEVER);
        assertEquals(RemovePolicy.NEVER, settings.calendarRemoveOn());
        assertEquals("tier: paid\n# no newline at the end\ncalendar_remove_on: never\n", Files.readString(user));
    }

    @Test
    void aKeyWrittenTwiceIsSetAtItsFirstPlaceAndRemovedFromTheOther() throws Exception {
        write("calendar_remove_on: ask\ntier: paid\ncalendar_remove_on: never\n");
        settings.setCalendarRemoveOn(RemovePolicy.ALWAYS);
        assertEquals("calendar_remove_on: always\ntier: paid\n", Files.readString(user));
    }

    @Test
    void windowsLineEndsAreKept() throws Exception {
        write("tier: paid\r\ncalendar_remove_on: ask\r\nname: Ada\r\n");
        settings.setCalendarRemoveOn(RemovePolicy.NEVER);
        settings.setCalendarTargets(Optional.of(List.of("apple_calendar")));
        assertEquals("tier: paid\r\ncalendar_remove_on: never\r\nname: Ada\r\ncalendar_targets: [apple_calendar]\r\n", Files.readString(user));
    }

    @Test
    void aMissingFileAndConfigurationFolderAreCreatedPrivate() throws Exception {
        Path folder = config.resolve("new/peregrine");
        WorkbenchSettings fresh = new FileWorkbenchSettings(new Locations(folder, folder.resolve("staging.db")));
        fresh.setCalendarTargets(Optional.of(List.of("apple_calendar")));
        Path created = folder.resolve("user.yaml");
        assertEquals("calendar_targets: [apple_calendar]\n", Files.readString(created));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        assertEquals(Optional.of(List.of("apple_calendar")), fresh.calendarTargets());
    }

    @Test
    void theFilesPermissionsAreKeptAndNoTemporaryFileIsLeftBehind() throws Exception {
        write("tier: paid\n");
        Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-r-----"));
        settings.setCalendarRemoveOn(RemovePolicy.NEVER);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(user)));
        try (var files = Files.list(config)) {
            assertEquals(List.of(user), files.toList());
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItNamesIsChanged() throws Exception {
        Path real = Files.createDirectories(config.resolve("dotfiles")).resolve("peregrine-user.yaml");
        Files.writeString(real, "tier: paid\n");
        Files.createSymbolicLink(user, real);
        settings.setCalendarRemoveOn(RemovePolicy.ALWAYS);
        assertTrue(Files.isSymbolicLink(user));
        assertEquals("tier: paid\ncalendar_remove_on: always\n", Files.readString(real));
    }

    @Test
    void aUserYamlThatIsANamedPipeIsRefusedNamingItAndNotReplaced() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", user.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        SettingsException e = assertThrows(SettingsException.class, () -> settings.setCalendarRemoveOn(RemovePolicy.NEVER));
        assertTrue(e.getMessage().startsWith(user.toString()) && e.getMessage().contains("named pipe"), e.getMessage());
        assertFalse(Files.isRegularFile(user), "still the pipe");
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn());
    }

    @Test
    void aUserYamlThatIsNotValidYamlIsNotEditedAndTheErrorNamesItsLine() throws Exception {
        String broken = "tier: paid\nname: [unclosed\n";
        write(broken);
        SettingsException e = assertThrows(SettingsException.class, () -> settings.setCalendarTargets(Optional.of(List.of("a"))));
        assertEquals(user, e.file());
        assertTrue(e.line().isPresent(), e.getMessage());
        assertEquals(broken, Files.readString(user));
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheFileAsItWasAndTheMessageNamesIt() throws Exception {
        write("tier: paid\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(config), "the superuser writes any folder");
            SettingsException e = assertThrows(SettingsException.class, () -> settings.setCalendarRemoveOn(RemovePolicy.NEVER));
            assertTrue(e.getMessage().startsWith(user.toString()) && e.getMessage().contains("left unchanged"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwx------"));
        }
        assertEquals("tier: paid\n", Files.readString(user));
    }
}
