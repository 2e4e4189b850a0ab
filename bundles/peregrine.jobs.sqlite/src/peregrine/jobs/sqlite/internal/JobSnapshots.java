package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import peregrine.jobs.JobSnapshot;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/**
 * A job's {@link JobSnapshot}: the {@code jobs} columns the workbench writes, as text, a NULL one left out. Only the
 * columns the file has are read and written, so a snapshot taken before a migration added one (e.g. {@code notes})
 * restores after it, the new column then NULL. Calendar links are not part of it: an undo never adds or removes
 * an event. The caller owns the transaction.
 */
final class JobSnapshots {

    /** Every {@code jobs} column the workbench may write for a job, whether or not the file has it yet. */
    static final List<String> WRITTEN = Stream.of(
            Stream.of("status", "rejection_stage", "applied_at"),
            Arrays.stream(Stage.values()).map(Stage::stampColumn).flatMap(Optional::stream),
            Stream.of("interview_date", Columns.INTERVIEW_TIME, Columns.INTERVIEW_ZONE, Columns.INTERVIEW_DURATION,
                    Columns.INTERVIEW_LOCATION, "title", "company", "url", "location", "salary", "notes"))
            .flatMap(s -> s).distinct().toList();

    private JobSnapshots() {
    }

    /** @throws UnknownJobException if there is no such job */
    static JobSnapshot take(Connection c, long id) throws SQLException, UnknownJobException {
        List<String> columns = present(c);
        try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new UnknownJobException(id);
                }
                Map<String, String> values = new HashMap<>();
                for (String column : columns) {
                    String value = r.getString(column);
                    if (value != null) {
                        values.put(column, value);
                    }
                }
                return new JobSnapshot(id, values);
            }
        }
    }

    /** Writes every column of {@code to} the file has, NULL where {@code to} has none. */
    static void write(Connection c, JobSnapshot to) throws SQLException {
        List<String> columns = present(c);
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET " + String.join(" = ?, ", columns) + " = ? WHERE id = ?")) {
            int i = 1;
            for (String column : columns) {
                String value = to.columns().get(column);
                if (value == null) {
                    p.setNull(i++, Types.VARCHAR);
                } else {
                    // the column's affinity makes "45" the integer it was read from
                    p.setString(i++, value);
                }
            }
            p.setLong(i, to.jobId());
            p.executeUpdate();
        }
    }

    /** @return the columns of {@link #WRITTEN} that the file's {@code jobs} table has, in that order */
    private static List<String> present(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(jobs)")) {
            while (r.next()) {
                names.add(r.getString("name"));
            }
        }
        List<String> columns = new ArrayList<>(WRITTEN);
        columns.retainAll(names);
        return columns;
    }
}
