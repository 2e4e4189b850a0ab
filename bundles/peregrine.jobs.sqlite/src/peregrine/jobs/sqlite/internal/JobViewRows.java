package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import peregrine.jobs.Job;
import peregrine.jobs.JobDetails;
import peregrine.jobs.JobDetails.CompanyResearch;
import peregrine.jobs.JobDetails.JobEmail;
import peregrine.jobs.JobDetails.StageStamp;
import peregrine.jobs.JobEdit;
import peregrine.jobs.Stage;

/**
 * The SQL of a job's own view: what {@link JobDetails} reads beyond the {@link Job}, and the listing columns and notes
 * a {@link JobEdit} writes. Peregrine's {@code job_contacts} and {@code company_research.red_flags} are read only when
 * the file has them (an older Peregrine's may not); neither is ever created here. The caller owns the transaction.
 */
final class JobViewRows {

    /** The stages whose entry the history shows, each with the {@code jobs} column that records it, in flow order. */
    private static final List<StageColumn> STAMPS = Arrays.stream(Stage.values())
            .map(s -> switch (s) {
                case PENDING -> Optional.of(new StageColumn(s, "date_found"));
                case APPLIED -> Optional.of(new StageColumn(s, "applied_at"));
                default -> s.stampColumn().map(column -> new StageColumn(s, column));
            })
            .flatMap(Optional::stream).toList();

    private record StageColumn(Stage stage, String column) {
    }

    private JobViewRows() {
    }

    /** @param job the job as the store read it, in the same transaction */
    static JobDetails details(Connection c, Job job) throws SQLException {
        String sql = "SELECT location, salary, " + Columns.NOTES + ", "
                + String.join(", ", STAMPS.stream().map(StageColumn::column).toList()) + " FROM jobs WHERE id = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, job.id());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                List<StageStamp> history = new ArrayList<>();
                for (StageColumn stamp : STAMPS) {
                    JobRows.present(r.getString(stamp.column())).ifPresent(at -> history.add(new StageStamp(stamp.stage(), at.strip())));
                }
                // Stamps are ISO-like with 'T' or ' ' between date and time, so comparing them as text with that
                // separator made one orders them in time; stable, so equal stamps keep the flow's order.
                history.sort(Comparator.comparing(s -> s.at().replace(' ', 'T')));
                return new JobDetails(job, JobRows.text(r.getString("location")), JobRows.text(r.getString("salary")),
                        JobRows.text(r.getString(Columns.NOTES)), research(c, job.id()), emails(c, job.id()), history);
            }
        }
    }

    /** Writes the listing columns and notes of {@code edit}; an empty text is stored as NULL, as Peregrine leaves it. */
    static void write(Connection c, long id, JobEdit edit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET title = ?, company = ?, url = ?, location = ?, salary = ?, "
                + Columns.NOTES + " = ? WHERE id = ?")) {
            List<String> values = List.of(edit.title(), edit.company(), edit.url(), edit.location(), edit.salary(), edit.notes());
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).isEmpty()) {
                    p.setNull(i + 1, Types.VARCHAR);
                } else {
                    p.setString(i + 1, values.get(i));
                }
            }
            p.setLong(values.size() + 1, id);
            p.executeUpdate();
        }
    }

    private static Optional<CompanyResearch> research(Connection c, long id) throws SQLException {
        Set<String> columns = Schema.columns(c, "company_research");
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String redFlags = columns.contains("red_flags") ? "red_flags" : "NULL AS red_flags";
        try (PreparedStatement p = c.prepareStatement("SELECT generated_at, company_brief, talking_points, " + redFlags
                + " FROM company_research WHERE job_id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CompanyResearch(JobRows.text(r.getString("generated_at")), JobRows.text(r.getString("company_brief")),
                        JobRows.text(r.getString("talking_points")), JobRows.text(r.getString("red_flags"))));
            }
        }
    }

    private static List<JobEmail> emails(Connection c, long id) throws SQLException {
        if (Schema.columns(c, "job_contacts").isEmpty()) {
            return List.of();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT subject, from_addr, received_at, direction FROM job_contacts "
                + "WHERE job_id = ? ORDER BY received_at, id")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                List<JobEmail> emails = new ArrayList<>();
                while (r.next()) {
                    emails.add(new JobEmail(JobRows.text(r.getString("subject")), JobRows.text(r.getString("from_addr")),
                            JobRows.text(r.getString("received_at")), !"outbound".equalsIgnoreCase(JobRows.text(r.getString("direction")).strip())));
                }
                return emails;
            }
        }
    }
}
