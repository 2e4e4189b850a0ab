package peregrine.jobs.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/** A {@code jobs} row as a {@link Job}: the columns to select, and how each is read. */
final class JobRows {

    /** The columns {@link #toJob} reads. */
    static final String COLUMNS = "id, title, company, url, status, applied_at, rejection_stage, interview_date, "
            + Columns.INTERVIEW_TIME + ", " + Columns.INTERVIEW_ZONE + ", " + Columns.INTERVIEW_DURATION
            + ", calendar_event_id, " + Columns.CALENDAR_PROVIDER + ", " + Columns.CALENDAR_EVENT_VERSION + ", "
            + Columns.CALENDAR_EVENT_ADDRESS;

    private JobRows() {
    }

    /** @param local the user's zone, in which a date-time with an offset is shown */
    static Job toJob(ResultSet r, ZoneId local) throws SQLException {
        Optional<InterviewSlot> interview = InterviewDates.read(r.getString("interview_date"),
                parse(r, Columns.INTERVIEW_TIME, LocalTime::parse), parse(r, Columns.INTERVIEW_ZONE, ZoneId::of), positiveMinutes(r),
                local);
        String eventId = r.getString("calendar_event_id");
        Optional<CalendarLink> link = eventId == null || eventId.isBlank() ? Optional.empty()
                : Optional.of(new CalendarLink(text(r.getString(Columns.CALENDAR_PROVIDER)), eventId,
                        present(r.getString(Columns.CALENDAR_EVENT_ADDRESS)), present(r.getString(Columns.CALENDAR_EVENT_VERSION))));
        return new Job(r.getLong("id"), text(r.getString("title")), text(r.getString("company")), text(r.getString("url")),
                text(r.getString("status")), present(r.getString("applied_at")), present(r.getString("rejection_stage")),
                interview, link.stream().toList());
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

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
