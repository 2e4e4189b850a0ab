package peregrine.jobs.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import peregrine.jobs.JobStoreException;

/** Refuses, before SQLite touches it, a job database file that would be damaged or could not be used. */
final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /**
     * Creates the folder of a file that does not exist yet.
     *
     * @throws JobStoreException naming the file when it is a folder, not a SQLite database, read-only, or in a
     *                           read-only folder
     */
    static void check(Path file) throws JobStoreException {
        try {
            if (Files.exists(file)) {
                if (Files.isDirectory(file)) {
                    throw new JobStoreException(file + " is a folder, not a job database. Choose a file with --db.");
                }
                if (!Files.isRegularFile(file)) {
                    throw new JobStoreException(file + " is not a regular file (a device or a pipe?), not a job database. "
                            + "Choose a file with --db.");
                }
                if (Files.size(file) > 0 && !startsWithSqliteHeader(file)) {
                    throw new JobStoreException(file + " is not a SQLite database. It was left as it is; "
                            + "choose Peregrine's staging.db or a new file with --db.");
                }
                if (!Files.isWritable(file)) {
                    throw new JobStoreException(file + " is read-only. Make it writable (chmod u+w) to use it.");
                }
            } else {
                Files.createDirectories(file.getParent());
            }
            if (!Files.isWritable(file.getParent())) {
                throw new JobStoreException("The folder " + file.getParent()
                        + " is read-only; the job database needs to write its journal there.");
            }
        } catch (IOException e) {
            throw new JobStoreException("Cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithSqliteHeader(Path file) throws IOException {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        }
        return read == header.length && Arrays.equals(header, SQLITE_HEADER);
    }
}
