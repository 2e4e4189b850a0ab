package peregrine.jobs.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import peregrine.jobs.JobStoreException;

/**
 * The open connections to one job database, kept and reused: opening one applies its pragmas, and in WAL mode
 * closing a file's last connection checkpoints and syncs, which together cost a push more than its queries. A
 * connection serves one operation at a time; operations on other threads meanwhile take another idle one or open
 * their own. A reused connection is always in auto-commit mode between operations, so each read sees what any
 * process committed before it; one that failed is closed rather than reused.
 */
final class ConnectionPool {

    /** Idle connections kept beyond this many are closed: enough for push-all's default concurrency. */
    private static final int MAX_IDLE = 4;

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, JobStoreException;
    }

    private final Path file;
    private final Duration busyTimeout;
    private final SQLiteDataSource dataSource;
    /** Open connections no operation is using, the most recently used first; guarded by {@code this}. */
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** Counts {@link #close()}s, so that a connection opened before one is not kept after it; guarded by {@code this}. */
    private int generation;

    ConnectionPool(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Writers take the write lock when their transaction begins: two writers queue rather than deadlock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
    }

    /** @return a new connection, which the caller hands to {@link #keep} or closes */
    Connection open() throws SQLException {
        NativeLibraryCopy.use();
        return dataSource.getConnection();
    }

    /** Keeps {@code c} for the next operation: the file always has an open connection while the store is in use. */
    synchronized void keep(Connection c) {
        idle.addFirst(c);
    }

    /** Runs {@code work} on an idle connection, or a new one; SQLite's failures become messages naming the file. */
    <T> T withConnection(Work<T> work) throws JobStoreException {
        Connection c;
        int openedIn;
        synchronized (this) {
            c = idle.pollFirst();
            openedIn = generation;
        }
        boolean reusable = false;
        try {
            if (c == null) {
                c = open();
            }
            T result = work.run(c);
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e, busyTimeout);
        } catch (JobStoreException e) {
            // the store's own refusal (an unknown id, a duplicate listing): the transaction was rolled back
            reusable = true;
            throw e;
        } finally {
            if (c != null) {
                release(c, reusable, openedIn);
            }
        }
    }

    /** Runs {@code work} in one transaction: it commits completely or not at all. */
    <T> T inTransaction(Work<T> work) throws JobStoreException {
        return withConnection(c -> inTransaction(c, work));
    }

    /** Leaves {@code c} in auto-commit mode, as a reused connection must be, whatever happens. */
    static <T> T inTransaction(Connection c, Work<T> work) throws SQLException, JobStoreException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            // Switching auto-commit back on commits (JDBC). Not commit(): sqlite-jdbc follows that with a new
            // BEGIN IMMEDIATE, which would wait for the write lock again while another process writes.
            c.setAutoCommit(true);
            return result;
        } catch (SQLException | JobStoreException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
    }

    private void release(Connection c, boolean reusable, int openedIn) {
        synchronized (this) {
            if (reusable && openedIn == generation && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    /** Closes the idle connections; connections in use are closed when their operation ends. */
    synchronized void close() {
        idle.forEach(ConnectionPool::closeQuietly);
        idle.clear();
        generation++;
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing fails only for a connection that is already gone
        }
    }
}
