package peregrine.jobs.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * {@code jobs} rows, each joined with its {@code calendar_links} rows, as {@link Job}s: the columns to select, and
 * how each is read.
 */
final class JobRows {

    /** The columns {@link #toJobs} reads, of {@code jobs} joined with {@link CalendarLinks#JOIN}. */
    static final String COLUMNS = "jobs.id, jobs.title, jobs.company, jobs.url, jobs.status, jobs.applied_at, "
            + "jobs.rejection_stage, jobs.interview_date, jobs." + Columns.INTERVIEW_TIME + ", jobs." + Columns.INTERVIEW_ZONE
            + ", jobs." + Columns.INTERVIEW_DURATION + ", jobs." + Columns.INTERVIEW_LOCATION + ", jobs.calendar_event_id, "
            + CalendarLinks.COLUMNS;

    private JobRows() {
    }

    /**
     * @param r     rows ordered so that each job's rows are together, its links in the order they were recorded
     * @param local the user's zone, in which a date-time with an offset is shown
     */
    static List<Job> toJobs(ResultSet r, ZoneId local) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        Job job = null;
        Optional<String> calendarEventId = Optional.empty();
        List<CalendarLink> links = new ArrayList<>();
        while (r.next()) {
            long id = r.getLong("id");
            if (job == null || job.id() != id) {
                if (job != null) {
                    jobs.add(withLinks(job, CalendarLinks.ordered(calendarEventId, links)));
                }
                job = withoutLinks(r, local);
                calendarEventId = present(r.getString("calendar_event_id"));
                links = new ArrayList<>();
            }
            CalendarLinks.fromRow(r).ifPresent(links::add);
        }
        if (job != null) {
            jobs.add(withLinks(job, CalendarLinks.ordered(calendarEventId, links)));
        }
        return jobs;
    }

    private static Job withoutLinks(ResultSet r, ZoneId local) throws SQLException {
        Optional<String> location = present(r.getString(Columns.INTERVIEW_LOCATION));
        Optional<InterviewSlot> interview = InterviewDates.read(r.getString("interview_date"),
                parse(r, Columns.INTERVIEW_TIME, LocalTime::parse), parse(r, Columns.INTERVIEW_ZONE, ZoneId::of), positiveMinutes(r),
                local).map(slot -> at(slot, location));
        return new Job(r.getLong("id"), text(r.getString("title")), text(r.getString("company")), text(r.getString("url")),
                text(r.getString("status")), present(r.getString("applied_at")), present(r.getString("rejection_stage")),
                interview, List.of());
    }

    private static Job withLinks(Job job, List<CalendarLink> links) {
        return new Job(job.id(), job.title(), job.company(), job.url(), job.status(), job.appliedAt(), job.rejectionStage(),
                job.interview(), links);
    }

    /** A place another program wrote too long reads as no place rather than hiding the interview. */
    private static InterviewSlot at(InterviewSlot slot, Optional<String> location) {
        try {
            return slot.withLocation(location);
        } catch (IllegalArgumentException tooLong) {
            return slot;
        }
    }

    /** A value another program wrote badly reads as absent rather than hiding the whole job. */
    private static <T> Optional<T> parse(ResultSet r, String column, Function<String, T> parser) {
        try {
            String value = r.getString(column);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(parser.apply(value.strip()));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> positiveMinutes(ResultSet r) throws SQLException {
        long minutes = r.getLong(Columns.INTERVIEW_DURATION);
        return r.wasNull() || minutes <= 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
    }

    /** @return the text of a column, empty for NULL */
    static String text(String value) {
        return value == null ? "" : value;
    }

    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
