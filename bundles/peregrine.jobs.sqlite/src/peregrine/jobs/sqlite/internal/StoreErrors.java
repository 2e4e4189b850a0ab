package peregrine.jobs.sqlite.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import peregrine.jobs.JobStoreException;

/** SQLite's failures as messages a user can act on, each naming the file. */
final class StoreErrors {

    private StoreErrors() {
    }

    /** @param busyTimeout how long the store waits for another program's lock, for the message */
    static JobStoreException translate(Path file, SQLException e, Duration busyTimeout) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            String message = switch (code.code & 0xff) {
                case 5, 6 -> file + " is locked by another program and stayed locked for "
                        + busyTimeout.toSeconds() + " s. Try again when it has finished.";
                case 8 -> file + " is read-only. Make it writable (chmod u+w) to use it.";
                case 11 -> file + " is damaged (SQLite reports it corrupt). It was left as it is.";
                case 13 -> "The disk holding " + file + " is full.";
                case 14 -> "Cannot open " + file + ".";
                case 26 -> file + " is not a SQLite database. It was left as it is.";
                default -> "The job database " + file + " reported an error: " + code.message;
            };
            return new JobStoreException(message, e);
        }
        return new JobStoreException("The job database " + file + " reported an error: " + e.getMessage(), e);
    }
}
