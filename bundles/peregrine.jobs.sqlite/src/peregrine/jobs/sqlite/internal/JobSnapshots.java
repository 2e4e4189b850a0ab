package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import peregrine.jobs.JobSnapshot;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/**
 * A job's {@link JobSnapshot}: the {@code jobs} columns the workbench writes, as text, a NULL one left out (every one
 * of them is in the file once {@link Schema} migrated it). Calendar links are not part of it: an undo never adds or
 * removes an event. The caller owns the transaction.
 */
final class JobSnapshots {

    /** Every {@code jobs} column the workbench may write for a job. */
    static final List<String> WRITTEN = Stream.of(
            Stream.of("status", "rejection_stage", "applied_at"),
            Arrays.stream(Stage.values()).map(Stage::stampColumn).flatMap(Optional::stream),
            Stream.of("interview_date", Columns.INTERVIEW_TIME, Columns.INTERVIEW_ZONE, Columns.INTERVIEW_DURATION,
                    Columns.INTERVIEW_LOCATION, "title", "company", "url", "location", "salary", Columns.NOTES))
            .flatMap(s -> s).distinct().toList();

    private JobSnapshots() {
    }

    /** @throws UnknownJobException if there is no such job */
    static JobSnapshot take(Connection c, long id) throws SQLException, UnknownJobException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", WRITTEN) + " FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new UnknownJobException(id);
                }
                Map<String, String> values = new HashMap<>();
                for (String column : WRITTEN) {
                    String value = r.getString(column);
                    if (value != null) {
                        values.put(column, value);
                    }
                }
                return new JobSnapshot(id, values);
            }
        }
    }

    /** Writes every column of {@code to}, NULL where {@code to} has none. */
    static void write(Connection c, JobSnapshot to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET " + String.join(" = ?, ", WRITTEN) + " = ? WHERE id = ?")) {
            int i = 1;
            for (String column : WRITTEN) {
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
}
