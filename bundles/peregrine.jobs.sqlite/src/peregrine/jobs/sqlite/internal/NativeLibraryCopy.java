package peregrine.jobs.sqlite.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.sqlite.SQLiteConfig;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps a copy of sqlite-jdbc's native library in this bundle's data area, one per installed sqlite-jdbc, and
 * has sqlite-jdbc load it from there ({@code org.sqlite.lib.path}). Left to itself, sqlite-jdbc copies the
 * library (1.1 MB) out of its jar into the temporary folder at every start, under a new name, and reads both
 * back to compare them: the first read of the store at every start of the workbench and of every CLI command
 * waited for that. A copy is written under a temporary name and then renamed, so that a process that stops
 * halfway, or two that copy at once, never leave a partial library where it is loaded from. Where anything here
 * fails (no OSGi framework, no data area, a full disk), or where {@code org.sqlite.lib.path} is set already,
 * sqlite-jdbc loads the library its own way, as it also does when it cannot load the copy.
 */
final class NativeLibraryCopy {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    /** The data area's folder that holds one folder per sqlite-jdbc version. */
    static final String FOLDER = "sqlite-native";
    /** Ends the name of a copy being written. */
    static final String PART = ".part";
    /** A partial copy this old was left by a process that stopped: a copy takes milliseconds. */
    private static final Duration PART_LEFT_AFTER = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(NativeLibraryCopy.class.getName());
    private static boolean decided;

    private NativeLibraryCopy() {
    }

    /** Points sqlite-jdbc at the kept copy, making it first if needed; once per process, before its first connection. */
    static synchronized void use() {
        if (decided) {
            return;
        }
        decided = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        Bundle sqlite = FrameworkUtil.getBundle(SQLiteConfig.class);
        Bundle own = FrameworkUtil.getBundle(NativeLibraryCopy.class);
        File folder = own == null ? null : own.getDataFile(FOLDER);
        if (sqlite == null || folder == null) {
            return;
        }
        try {
            keep(sqlite, folder.toPath()).ifPresent(library -> {
                System.setProperty(PATH_PROPERTY, library.getParent().toString());
                System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "SQLite's native library is loaded from the temporary folder: it could not be kept in "
                    + folder + ": " + e.getMessage());
        }
    }

    /**
     * @param folder where the copies are kept; the copies of other sqlite-jdbc bundles than {@code sqlite} are deleted
     * @return the copy of {@code sqlite}'s library for this platform, made unless it is there; empty where
     *         {@code sqlite} has none for this platform
     */
    static Optional<Path> keep(Bundle sqlite, Path folder) throws IOException {
        // The version alone could name two builds: a bundle installed again has a new time too.
        Path own = folder.resolve(sqlite.getVersion() + "-" + sqlite.getLastModified());
        Path library = own.resolve(LibraryLoaderUtil.getNativeLibName());
        // Only ever written whole, by the rename below. Not compared with the jar: finding the platform's entry
        // runs programs (uname) and reads /proc, which costs a start more than the copy saves it.
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        URL entry = sqlite.getEntry(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName());
        if (entry == null) {
            return Optional.empty();
        }
        Files.createDirectories(own);
        deleteLeftParts(own);
        Path partial = Files.createTempFile(own, library.getFileName().toString(), PART);
        try (InputStream in = entry.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        deleteOthers(folder, own);
        return Optional.of(library);
    }

    /**
     * Deletes the partial copies that processes which stopped halfway left: older than a copy ever takes, so that
     * another process copying at this moment keeps its own.
     */
    private static void deleteLeftParts(Path own) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(PART_LEFT_AFTER));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(own, "*" + PART)) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).compareTo(before) < 0) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    /** Deletes the copies of the sqlite-jdbc bundles installed before: a process still using one keeps its mapping. */
    private static void deleteOthers(Path folder, Path kept) throws IOException {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, other -> !other.equals(kept))) {
            for (Path other : copies) {
                try (Stream<Path> files = Files.walk(other)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
