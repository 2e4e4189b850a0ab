package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The search of {@link peregrine.jobs.JobStore#find(String)}: which jobs' title, company, location or notes contain a
 * text, ignoring case in any script. SQLite's {@code LIKE} and {@code lower()} fold ASCII only, so the query reads just
 * those four columns of every job and the folding happens here; at 10,000 jobs that is a few milliseconds.
 */
final class JobSearch {

    private static final String FIELDS = "SELECT id, title, company, location, " + Columns.NOTES + " FROM jobs";

    private JobSearch() {
    }

    /** @return the ids of the jobs that contain {@code text} in one of the searched columns; all of them for blank text */
    static Set<Long> find(Connection c, String text) throws SQLException {
        String needle = fold(text.strip());
        boolean everyJob = needle.isEmpty();
        Set<Long> found = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(everyJob ? "SELECT id FROM jobs" : FIELDS)) {
            while (r.next()) {
                if (everyJob || contains(r, needle)) {
                    found.add(r.getLong(1));
                }
            }
        }
        return Collections.unmodifiableSet(found);
    }

    private static boolean contains(ResultSet r, String needle) throws SQLException {
        for (int column = 2; column <= 5; column++) {
            String value = r.getString(column);
            if (value != null && fold(value).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return {@code text} composed (NFC: an "é" typed as "e" and a combining accent is the "é" of the database) and
     *         each code point folded as {@link String#equalsIgnoreCase} folds it: to upper case and then to lower, so
     *         that "Ü" meets "ü", "É" meets "é" and "Σ" meets both "σ" and "ς"
     */
    static String fold(String text) {
        if (isAscii(text)) {
            // Most of what a job board holds: for ASCII, upper then lower case is lower case.
            return text.toLowerCase(Locale.ROOT);
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length();) {
            int cp = composed.codePointAt(i);
            folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            i += Character.charCount(cp);
        }
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
