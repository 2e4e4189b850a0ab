package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.sqlite.SQLiteConfig;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibraryCopyTest {

    private final Bundle sqlite = FrameworkUtil.getBundle(SQLiteConfig.class);

    @Test
    void theStoreRunsSqliteFromTheCopyKeptInItsBundlesDataArea(@TempDir Path dir) throws Exception {
        SqliteJobStore store = new SqliteJobStore(dir.resolve("staging.db"));
        try {
            store.board();
        } finally {
            store.close();
        }
        Path kept = FrameworkUtil.getBundle(NativeLibraryCopy.class).getDataFile(NativeLibraryCopy.FOLDER).toPath();
        List<String> mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.endsWith("/" + LibraryLoaderUtil.getNativeLibName()))
                .map(line -> line.substring(line.indexOf('/'))).distinct().toList();
        assertEquals(1, mapped.size(), mapped.toString());
        assertTrue(Path.of(mapped.get(0)).startsWith(kept), mapped + " is not under " + kept);
        assertEquals(Path.of(mapped.get(0)).getParent().toString(), System.getProperty(NativeLibraryCopy.PATH_PROPERTY));
    }

    @Test
    void aCopyIsTheJarsLibraryByteForByteAndIsMadeOnce(@TempDir Path folder) throws Exception {
        Path library = NativeLibraryCopy.keep(sqlite, folder).orElseThrow();
        assertArrayEquals(jarsLibrary(), Files.readAllBytes(library));
        FileTime made = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, made);

        assertEquals(library, NativeLibraryCopy.keep(sqlite, folder).orElseThrow());
        assertEquals(made, Files.getLastModifiedTime(library), "a whole copy is not written again");
        try (var left = Files.list(library.getParent())) {
            assertEquals(List.of(library), left.toList(), "nothing but the library is left beside it");
        }
    }

    @Test
    void aCopyLeftHalfwayByAProcessThatStoppedIsNeverLoadedTheLibraryIsMadeWholeAndThePartDeleted(@TempDir Path folder) throws Exception {
        Path library = NativeLibraryCopy.keep(sqlite, folder).orElseThrow();
        byte[] whole = Files.readAllBytes(library);
        Files.delete(library);
        Path left = library.resolveSibling(library.getFileName() + "1234" + NativeLibraryCopy.PART);
        Files.write(left, Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minusSeconds(3600)));
        Path underWay = library.resolveSibling(library.getFileName() + "5678" + NativeLibraryCopy.PART);
        Files.write(underWay, Arrays.copyOf(whole, whole.length / 2));

        assertEquals(library, NativeLibraryCopy.keep(sqlite, folder).orElseThrow());
        assertArrayEquals(whole, Files.readAllBytes(library));
        assertFalse(Files.exists(left), "the part an hour old is deleted");
        assertTrue(Files.exists(underWay), "a part another process is writing now is kept");
    }

    @Test
    void theCopiesOfSqliteJdbcBundlesInstalledBeforeAreDeleted(@TempDir Path folder) throws Exception {
        Path older = Files.createDirectories(folder.resolve("3.40.0.0-1700000000000"));
        Files.write(older.resolve(LibraryLoaderUtil.getNativeLibName()), new byte[] { 1, 2, 3 });

        Path library = NativeLibraryCopy.keep(sqlite, folder).orElseThrow();

        assertFalse(Files.exists(older), "the older copy is still there");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(library.getParent()), left.toList());
        }
    }

    private byte[] jarsLibrary() throws IOException {
        try (InputStream in = sqlite.getEntry(LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                + LibraryLoaderUtil.getNativeLibName()).openStream()) {
            return in.readAllBytes();
        }
    }
}
