package peregrine.jobs.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.sqlite.SQLiteDataSource;

/** Builds and reads SQLite files the way Peregrine and other programs would, without the store. */
final class PeregrineFiles {

    private PeregrineFiles() {
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return ds.getConnection();
    }

    /**
     * A staging.db of an older Peregrine: the first jobs DDL with only some of the later columns,
     * company_research without its later columns, and a job_contacts table the workbench must leave alone.
     */
    static Path olderPeregrineDatabase(Path file) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, company TEXT, url TEXT UNIQUE,
                    source TEXT, location TEXT, is_remote INTEGER DEFAULT 0, salary TEXT, description TEXT,
                    match_score REAL, keyword_gaps TEXT, date_found TEXT, status TEXT DEFAULT 'pending',
                    notion_page_id TEXT, cover_letter TEXT, applied_at TEXT)""");
            s.execute("ALTER TABLE jobs ADD COLUMN interview_date TEXT");
            s.execute("ALTER TABLE jobs ADD COLUMN rejection_stage TEXT");
            s.execute("ALTER TABLE jobs ADD COLUMN phone_screen_at TEXT");
            s.execute("""
                    CREATE TABLE company_research (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE,
                    generated_at TEXT, company_brief TEXT, ceo_brief TEXT, talking_points TEXT, raw_output TEXT,
                    tech_brief TEXT, funding_brief TEXT, competitors_brief TEXT, red_flags TEXT)""");
            s.execute("""
                    CREATE TABLE job_contacts (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER, direction TEXT,
                    subject TEXT, from_addr TEXT, received_at TEXT)""");
            s.execute("""
                    INSERT INTO jobs (title, company, url, source, location, is_remote, salary, description, match_score,
                    keyword_gaps, date_found, status, applied_at, interview_date, phone_screen_at) VALUES
                    ('Staff Engineer, Platform', 'Acme; Inc.', 'https://jobs.example/acme?id=1&ref=x', 'linkedin', 'Berlin', 1,
                     '€90k–€110k', 'Multi
                    line', 87.5, '["k8s","go"]', '2026-10-01', 'phone_screen', '2026-10-02T09:15', '2026-11-30', '2026-10-20T14:05'),
                    ('Data Scientist', 'Globex', 'https://jobs.example/globex', 'indeed', NULL, 0, NULL, NULL, NULL,
                     NULL, '2026-10-03', 'applied', '2026-10-04 10:00:00', NULL, NULL),
                    ('Backend Dev 🚀', 'Initech', NULL, 'manual', NULL, 0, NULL, NULL, 42.0,
                     NULL, '2026-10-05', 'rejected', '2026-10-05', NULL, NULL),
                    ('Pending one', 'Umbrella', 'https://jobs.example/u', 'glassdoor', NULL, 0, NULL, NULL, NULL,
                     NULL, '2026-10-06', 'pending', NULL, NULL, NULL)""");
            s.execute("UPDATE jobs SET rejection_stage = 'interviewing' WHERE status = 'rejected'");
            s.execute("""
                    INSERT INTO company_research (job_id, generated_at, company_brief, ceo_brief) VALUES
                    (1, '2026-10-21', '## Acme
                    **Acme** builds rockets, anvils and portable holes.
                    More detail here.', 'Wile E.')""");
            s.execute("""
                    INSERT INTO job_contacts (job_id, direction, subject, from_addr, received_at) VALUES
                    (1, 'inbound', 'Phone screen?', 'recruiter@acme.example', '2026-10-19')""");
        }
        return file;
    }

    /** Every row of {@code table}, every column, in id order, as text. */
    static List<List<String>> rows(Path file, String table) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = r.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i) + "=" + r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The table's definition as SQLite keeps it. */
    static String ddl(Path file, String table) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /**
     * Makes {@code file} unwritable even for root, who ignores permission bits (CI runs as root):
     * there the immutable attribute does it.
     */
    static void makeReadOnly(Path file) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            run("chattr", "+i", file.toString());
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
    }

    static void makeWritable(Path file) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            run("chattr", "-i", file.toString());
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
