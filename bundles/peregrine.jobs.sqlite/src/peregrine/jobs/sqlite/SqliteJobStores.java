package peregrine.jobs.sqlite;

import java.nio.file.Path;

import peregrine.jobs.JobStore;
import peregrine.jobs.sqlite.internal.SqliteJobStore;

/** Opens job stores on SQLite files of Peregrine's format, for tools and tests that choose their own file. */
public final class SqliteJobStores {

    private SqliteJobStores() {
    }

    /**
     * @param file a Peregrine {@code staging.db}, or a file to create as one. Nothing is read or
     *             written until the store is first used; the first use creates or migrates it.
     * @return a store on {@code file}
     */
    public static JobStore open(Path file) {
        return SqliteJobStore.on(file);
    }
}
