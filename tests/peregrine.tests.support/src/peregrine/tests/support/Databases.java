package peregrine.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteDataSource;

/** Faults of the job database file that another program causes. */
public final class Databases {

    private Databases() {
    }

    /** Runs {@code sql} on {@code db} as another program would, through a connection of its own. */
    public static void execute(Path db, String sql) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + db);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A write lock another connection holds ({@code BEGIN EXCLUSIVE}) until closed. */
    public static AutoCloseable lockExclusively(Path db) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + db);
        Connection c = source.getConnection();
        Statement s = c.createStatement();
        s.execute("BEGIN EXCLUSIVE");
        return () -> {
            try (c; s) {
                s.execute("ROLLBACK");
            }
        };
    }

    /** Makes {@code file} unwritable even for root, who ignores permission bits (CI runs as root): there the immutable attribute does it. */
    public static AutoCloseable readOnly(Path file) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run("chattr", "+i", file.toString());
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
        return () -> {
            if (root) {
                run("chattr", "-i", file.toString());
            } else {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        };
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
