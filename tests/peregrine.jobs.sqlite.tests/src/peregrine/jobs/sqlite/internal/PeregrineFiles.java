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
        // As the store does: whichever test opens SQLite first, the process loads its library the same way.
        NativeLibraryCopy.use();
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

    /**
     * A staging.db as the current Peregrine makes it (its {@code scripts/db.py}: {@code init_db} and every migration),
     * with three jobs, research, an e-mail, a background task, a survey response, a digest entry and a migration record.
     */
    static Path currentPeregrineDatabase(Path file) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, company TEXT, url TEXT UNIQUE,
                    source TEXT, location TEXT, is_remote INTEGER DEFAULT 0, salary TEXT, description TEXT,
                    match_score REAL, keyword_gaps TEXT, date_found TEXT, status TEXT DEFAULT 'pending',
                    notion_page_id TEXT, cover_letter TEXT, applied_at TEXT)""");
            for (String column : List.of("interview_date", "rejection_stage", "phone_screen_at", "interviewing_at", "offer_at",
                    "hired_at", "survey_at", "calendar_event_id", "optimized_resume", "ats_gap_report")) {
                s.execute("ALTER TABLE jobs ADD COLUMN " + column + " TEXT");
            }
            s.execute("""
                    CREATE TABLE job_contacts (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL,
                    direction TEXT DEFAULT 'inbound', subject TEXT, from_addr TEXT, to_addr TEXT, body TEXT, received_at TEXT,
                    is_response_needed INTEGER DEFAULT 0, responded_at TEXT, message_id TEXT,
                    FOREIGN KEY (job_id) REFERENCES jobs(id))""");
            s.execute("ALTER TABLE job_contacts ADD COLUMN stage_signal TEXT");
            s.execute("ALTER TABLE job_contacts ADD COLUMN suggestion_dismissed INTEGER DEFAULT 0");
            s.execute("""
                    CREATE TABLE company_research (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE,
                    generated_at TEXT, company_brief TEXT, ceo_brief TEXT, talking_points TEXT, raw_output TEXT,
                    tech_brief TEXT, funding_brief TEXT, competitors_brief TEXT, red_flags TEXT,
                    FOREIGN KEY (job_id) REFERENCES jobs(id))""");
            s.execute("ALTER TABLE company_research ADD COLUMN scrape_used INTEGER");
            s.execute("ALTER TABLE company_research ADD COLUMN accessibility_brief TEXT");
            s.execute("""
                    CREATE TABLE background_tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, task_type TEXT NOT NULL,
                    job_id INTEGER DEFAULT 0, params TEXT, status TEXT NOT NULL DEFAULT 'queued', error TEXT,
                    created_at DATETIME DEFAULT (datetime('now')), started_at DATETIME, finished_at DATETIME, stage TEXT,
                    updated_at DATETIME)""");
            s.execute("""
                    CREATE TABLE survey_responses (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL REFERENCES jobs(id),
                    survey_name TEXT, received_at DATETIME, source TEXT, raw_input TEXT, image_path TEXT, mode TEXT,
                    llm_output TEXT, reported_score TEXT, created_at DATETIME DEFAULT CURRENT_TIMESTAMP)""");
            s.execute("""
                    CREATE TABLE digest_queue (id INTEGER PRIMARY KEY, job_contact_id INTEGER NOT NULL REFERENCES job_contacts(id),
                    created_at TEXT DEFAULT (datetime('now')), UNIQUE(job_contact_id))""");
            s.execute("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, applied_at TEXT)");
            s.execute("""
                    INSERT INTO jobs (title, company, url, source, status, date_found, applied_at, phone_screen_at, interview_date,
                    optimized_resume) VALUES
                    ('Staff Engineer', 'Acme', 'https://jobs.example/acme', 'linkedin', 'phone_screen', '2026-10-01', '2026-10-02',
                     '2026-10-20T14:05', '2026-11-30', 'resume text'),
                    ('SRE', 'Globex', 'https://jobs.example/globex', 'indeed', 'interviewing', '2026-10-03', '2026-10-04',
                     NULL, NULL, NULL),
                    ('Analyst', 'Initech', 'https://jobs.example/initech', 'email', 'applied', '2026-10-05', '2026-10-05',
                     NULL, NULL, NULL)""");
            s.execute("INSERT INTO company_research (job_id, company_brief, scrape_used) VALUES (1, 'Acme makes anvils.', 1)");
            s.execute("""
                    INSERT INTO job_contacts (job_id, subject, from_addr, received_at, stage_signal) VALUES
                    (1, 'Phone screen?', 'recruiter@acme.example', '2026-10-19', 'phone_screen')""");
            s.execute("INSERT INTO background_tasks (task_type, job_id, status) VALUES ('company_research', 1, 'completed')");
            s.execute("INSERT INTO survey_responses (job_id, survey_name, mode) VALUES (2, 'Culture fit', 'text')");
            s.execute("INSERT INTO digest_queue (job_contact_id) VALUES (1)");
            s.execute("INSERT INTO schema_migrations (version, applied_at) VALUES ('001_initial', '2026-09-01')");
        }
        return file;
    }

    /** The names of the file's tables, sorted, leaving out SQLite's own. */
    static List<String> tables(Path file) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (r.next()) {
                names.add(r.getString(1));
            }
            return names;
        }
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
