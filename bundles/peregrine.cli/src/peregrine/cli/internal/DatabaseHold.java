package peregrine.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteDataSource;

/**
 * Keeps a SQLite job database open while a command makes many writes through the job store.
 * <p>
 * The store opens a connection for each operation. When the last connection to a database in WAL
 * mode closes, SQLite checkpoints the WAL into the database and deletes it, which costs a sync each
 * time: about 4 ms per operation here, most of {@code demo --jobs 10000}. While this hold is open, no
 * store connection is the last one, and the WAL is checkpointed as usual as it grows. The hold only
 * reads; when the store is not a SQLite file or sqlite-jdbc is missing, it does nothing.
 */
final class DatabaseHold implements AutoCloseable {

    private final Connection connection;

    private DatabaseHold(Connection connection) {
        this.connection = connection;
    }

    /** @return a hold on {@code file}, or one that holds nothing when it cannot be taken */
    static DatabaseHold on(Path file) {
        if (!Files.isRegularFile(file)) {
            return new DatabaseHold(null);
        }
        try {
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + file);
            Connection connection = dataSource.getConnection();
            try (Statement s = connection.createStatement()) {
                // A read maps the WAL index: from now on this connection counts as open.
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
            return new DatabaseHold(connection);
        } catch (SQLException | LinkageError | RuntimeException e) {
            return new DatabaseHold(null);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // only a reader: nothing to lose
            }
        }
    }
}
