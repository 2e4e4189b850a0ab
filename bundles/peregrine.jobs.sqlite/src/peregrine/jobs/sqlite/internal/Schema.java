package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Peregrine's tables as Peregrine creates them, and the additive migration that brings any older file
 * up to date. The migration only creates missing tables and adds missing nullable columns: it never
 * drops, renames or rewrites a column or a row, and it runs in one transaction. The workbench's own table
 * {@code calendar_links} takes over, once, the one link an older workbench kept in {@code jobs}' link columns.
 */
final class Schema {

    static final String CREATE_JOBS = """
            CREATE TABLE IF NOT EXISTS jobs (
                id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, company TEXT, url TEXT UNIQUE,
                source TEXT, location TEXT, is_remote INTEGER DEFAULT 0, salary TEXT, description TEXT,
                match_score REAL, keyword_gaps TEXT, date_found TEXT, status TEXT DEFAULT 'pending',
                notion_page_id TEXT, cover_letter TEXT, applied_at TEXT)""";

    static final String CREATE_COMPANY_RESEARCH = """
            CREATE TABLE IF NOT EXISTS company_research (
                id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE, generated_at TEXT,
                company_brief TEXT, ceo_brief TEXT, talking_points TEXT, raw_output TEXT, tech_brief TEXT,
                funding_brief TEXT, competitors_brief TEXT, red_flags TEXT)""";

    /**
     * The workbench's calendar events, one per job and provider; {@code id} orders them by when each was first
     * recorded (AUTOINCREMENT: never reused, so a removed link's place is not taken by a later one). Peregrine's
     * own event has no row: it is only ever {@code jobs.calendar_event_id}.
     */
    static final String CREATE_CALENDAR_LINKS = """
            CREATE TABLE IF NOT EXISTS calendar_links (
                id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL REFERENCES jobs(id),
                provider_id TEXT NOT NULL CHECK (provider_id <> ''), event_id TEXT NOT NULL CHECK (trim(event_id) <> ''),
                event_address TEXT, event_version TEXT, fingerprint TEXT, pushed_at TEXT,
                UNIQUE (job_id, provider_id))""";

    /**
     * An older workbench's link, from {@code jobs}' columns. OR IGNORE with the table's UNIQUE: a second run, or a
     * second process, adds no second row.
     */
    private static final String TAKE_OVER_LINKS = "INSERT OR IGNORE INTO calendar_links (job_id, provider_id, event_id, "
            + "event_address, event_version) SELECT id, trim(" + Columns.CALENDAR_PROVIDER + "), calendar_event_id, "
            + "NULLIF(trim(" + Columns.CALENDAR_EVENT_ADDRESS + "), ''), NULLIF(trim(" + Columns.CALENDAR_EVENT_VERSION + "), '') "
            + "FROM jobs WHERE trim(" + Columns.CALENDAR_PROVIDER + ") <> '' AND trim(calendar_event_id) <> '' ORDER BY id";

    /** Columns added after the first release, Peregrine's and then the workbench's, with their types. */
    static final Map<String, Map<String, String>> ADDED_COLUMNS = Map.of(
            "jobs", ordered(
                    "interview_date", "TEXT", "rejection_stage", "TEXT", "phone_screen_at", "TEXT",
                    "interviewing_at", "TEXT", "offer_at", "TEXT", "hired_at", "TEXT", "survey_at", "TEXT",
                    "calendar_event_id", "TEXT", "optimized_resume", "TEXT", "ats_gap_report", "TEXT",
                    // the workbench's own
                    Columns.CALENDAR_PROVIDER, "TEXT", Columns.INTERVIEW_TIME, "TEXT",
                    Columns.INTERVIEW_ZONE, "TEXT", Columns.INTERVIEW_DURATION, "INTEGER",
                    Columns.CALENDAR_EVENT_VERSION, "TEXT", Columns.CALENDAR_EVENT_ADDRESS, "TEXT",
                    Columns.INTERVIEW_LOCATION, "TEXT", Columns.NOTES, "TEXT"),
            "company_research", ordered("accessibility_brief", "TEXT", "scrape_used", "INTEGER"));

    private Schema() {
    }

    /** @return whether {@link #migrate(Connection)} has anything to do */
    static boolean isCurrent(Connection c) throws SQLException {
        if (!hasTable(c, "calendar_links")) {
            return false;
        }
        for (var table : ADDED_COLUMNS.entrySet()) {
            Set<String> present = columns(c, table.getKey());
            if (!present.containsAll(table.getValue().keySet())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates what is missing. The caller owns the transaction, a write transaction from its start (BEGIN
     * IMMEDIATE): whether {@code calendar_links} exists is read under the write lock, so of two processes migrating
     * one file at once only the first takes the old links over.
     */
    static void migrate(Connection c) throws SQLException {
        boolean linksTableIsNew = !hasTable(c, "calendar_links");
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_JOBS);
            s.execute(CREATE_COMPANY_RESEARCH);
            for (var table : ADDED_COLUMNS.entrySet()) {
                Set<String> present = columns(c, table.getKey());
                for (var column : table.getValue().entrySet()) {
                    if (!present.contains(column.getKey())) {
                        s.execute("ALTER TABLE " + table.getKey() + " ADD COLUMN " + column.getKey() + " " + column.getValue());
                    }
                }
            }
            if (linksTableIsNew) {
                s.execute(CREATE_CALENDAR_LINKS);
                s.execute(TAKE_OVER_LINKS);
            }
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (r.next()) {
                names.add(r.getString("name"));
            }
        }
        return names;
    }

    private static Map<String, String> ordered(String... namesAndTypes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            map.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return map;
    }
}
