package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/**
 * Files that are not settings files, as {@code user.yaml} and as an integration file: each is reported, naming
 * the file, within a second, and a named pipe never blocks. And the cache: unchanged files give the same result
 * without a read, changed ones (by time, size or identity) are read again.
 */
class SettingsFilesTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    Path config;
    WorkbenchSettings settings;
    Path user;
    Path google;

    @BeforeEach
    void createSettings() throws IOException {
        settings = new FileWorkbenchSettings(new Locations(config, config.resolve("staging.db")));
        user = config.resolve("user.yaml");
        google = settings.integrationFile("google_calendar");
        Files.createDirectories(google.getParent());
    }

    /** Reads {@code file} as {@code user.yaml} (through {@code tier()}) or as an integration file, and expects a refusal in time. */
    private SettingsException refused(Path file, String expected) {
        ThrowingSupplier<SettingsException> read = () -> assertThrows(SettingsException.class,
                () -> {
                    if (file.equals(user)) {
                        settings.tier();
                    } else {
                        settings.integration("google_calendar");
                    }
                });
        long start = System.nanoTime();
        SettingsException e = assertTimeoutPreemptively(WITHIN, read, file + " was not refused within " + WITHIN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("settings file refused in " + millis + " ms: " + e.getMessage());
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' missing from: " + e.getMessage());
        return e;
    }

    private static void mkfifo(Path file) throws Exception {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + file);
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInsteadOfBlockingTheRead() throws Exception {
        mkfifo(user);
        mkfifo(google);
        refused(user, "not a regular file");
        refused(google, "not a regular file");
    }

    @Test
    void devZeroBehindASymbolicLinkIsRefusedWithoutReadingIt() throws Exception {
        Files.createSymbolicLink(user, Path.of("/dev/zero"));
        Files.createSymbolicLink(google, Path.of("/dev/zero"));
        refused(user, "not a regular file");
        refused(google, "not a regular file");
    }

    @Test
    void aFolderIsNamedAsAFolder() throws Exception {
        Files.createDirectory(user);
        Files.createDirectory(google);
        refused(user, "a folder");
        refused(google, "a folder");
    }

    @Test
    void aLoopOfSymbolicLinksIsNamedAsALoop() throws Exception {
        Files.createSymbolicLink(user, config.resolve("loop.yaml"));
        Files.createSymbolicLink(config.resolve("loop.yaml"), user);
        Files.createSymbolicLink(google, google);
        refused(user, "symbolic links form a loop");
        refused(google, "symbolic links form a loop");
    }

    @Test
    void aSymbolicLinkToNothingIsBrokenNotMissing() throws Exception {
        Files.createSymbolicLink(user, config.resolve("gone.yaml"));
        Files.createSymbolicLink(google, config.resolve("gone.yaml"));
        refused(user, "does not exist");
        refused(google, "does not exist");
    }

    @Test
    void aFileOfTwoMebibytesIsRefusedBeforeItIsRead() throws Exception {
        String big = "tier: paid\n" + "# padding\n".repeat(2 * 1024 * 1024 / 10);
        Files.writeString(user, big);
        Files.writeString(google, big);
        refused(user, "larger than 1 MiB");
        refused(google, "larger than 1 MiB");
    }

    @Test
    void aBillionLaughsAliasBombFailsFast() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            bomb.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(IntStream.range(0, 9).mapToObj(i -> previous).collect(Collectors.joining(","))).append("]\n");
        }
        Files.writeString(user, "tier: paid\n" + bomb);
        Files.writeString(google, "calendar_id: x\n" + bomb);
        refused(user, "not valid YAML");
        refused(google, "not valid YAML");
    }

    @Test
    void deepNestingFailsFast() throws Exception {
        String deep = "tier: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        Files.writeString(user, deep);
        Files.writeString(google, deep);
        refused(user, "not valid YAML");
        refused(google, "not valid YAML");
    }

    @Test
    void aRefusalNeverQuotesTheFile() throws Exception {
        Files.writeString(google, "app_password: \"hunter2-secret\n[\n");
        SettingsException e = refused(google, "not valid YAML");
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void anUnchangedFileGivesTheSameResultWithoutBeingReadAgain() throws Exception {
        Files.writeString(google, "calendar_id: interviews@example.com\n");
        Files.setLastModifiedTime(google, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        IntegrationConfig first = settings.integration("google_calendar").orElseThrow();
        IntegrationConfig second = settings.integration("google_calendar").orElseThrow();
        assertEquals(first, second);
        assertSame(first.values().get("calendar_id"), second.values().get("calendar_id"), "parsed once, not again");
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsReadAgain() throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.writeString(user, "tier: paid\n");
        Files.setLastModifiedTime(user, old);
        assertEquals(Tier.PAID, settings.tier());
        Path replacement = config.resolve("user.yaml.new");
        Files.writeString(replacement, "tier: free\n");
        Files.setLastModifiedTime(replacement, old);
        Files.move(replacement, user, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(Tier.FREE, settings.tier(), "another file (another file key) with the same time and size");
    }

    @Test
    void aBrokenFileStaysReportedUntilItIsFixed() throws Exception {
        Files.writeString(google, "calendar_id: [x\n");
        Files.setLastModifiedTime(google, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        SettingsException first = refused(google, "not valid YAML");
        SettingsException second = refused(google, "not valid YAML");
        assertEquals(first.getMessage(), second.getMessage());
        Files.writeString(google, "calendar_id: x\n");
        assertEquals(Map.of("calendar_id", "x"), settings.integration("google_calendar").orElseThrow().values());
        Files.delete(google);
        assertTrue(settings.integration("google_calendar").isEmpty(), "a deleted file is not set up");
        Files.writeString(google, "calendar_id: [y\n");
        assertNotSame(first, refused(google, "not valid YAML"), "a broken file written anew is read anew");
    }
}
