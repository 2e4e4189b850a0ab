package peregrine.jobs.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import peregrine.jobs.CalendarLink;

/**
 * A job's calendar links: the rows of {@code calendar_links} and Peregrine's own {@code jobs.calendar_event_id}.
 * The column always holds the event id of the job's first recorded link, which is what Peregrine reads; an id in
 * it that no row holds is an event Peregrine pushed itself, and reads as a link without a provider. The caller owns
 * the transaction of each write.
 */
final class CalendarLinks {

    /** The link columns {@link #fromRow} reads, of a {@code calendar_links} row joined as {@code l}. */
    static final String COLUMNS = "l.provider_id, l.event_id, l.event_address, l.event_version, l.fingerprint, l.pushed_at";
    /** Joins each job's links in the order they were recorded: one query reads jobs and links together. */
    static final String JOIN = " LEFT JOIN calendar_links l ON l.job_id = jobs.id";
    /** Follows the jobs' own ORDER BY. */
    static final String ORDER = "l.id";

    private CalendarLinks() {
    }

    /** @return the link of a joined row; empty for a job without links */
    static Optional<CalendarLink> fromRow(ResultSet r) throws SQLException {
        String provider = r.getString("provider_id");
        String eventId = r.getString("event_id");
        if (provider == null || provider.isEmpty() || eventId == null || eventId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CalendarLink(provider, eventId, JobRows.present(r.getString("event_address")),
                JobRows.present(r.getString("event_version")), JobRows.present(r.getString("fingerprint")), instant(r.getString("pushed_at"))));
    }

    /**
     * @param calendarEventId {@code jobs.calendar_event_id}, which Peregrine may have rewritten at any time
     * @param recorded        the job's rows, first recorded first
     * @return the job's links: the one {@code calendarEventId} names first, else Peregrine's own, then the others
     */
    static List<CalendarLink> ordered(Optional<String> calendarEventId, List<CalendarLink> recorded) {
        if (calendarEventId.isEmpty()) {
            return recorded;
        }
        String shown = calendarEventId.get();
        List<CalendarLink> links = new ArrayList<>(recorded);
        int named = IntStream.range(0, links.size()).filter(i -> links.get(i).eventId().equals(shown)).findFirst().orElse(-1);
        links.add(0, named < 0 ? new CalendarLink("", shown) : links.remove(named));
        return links;
    }

    /** Records {@code link} as the job's link to its provider, in place of an earlier one, and makes the first link Peregrine's. */
    static void put(Connection c, long jobId, CalendarLink link) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO calendar_links (job_id, provider_id, event_id, event_address, event_version, fingerprint, pushed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, provider_id) DO UPDATE SET event_id = excluded.event_id,
                event_address = excluded.event_address, event_version = excluded.event_version,
                fingerprint = excluded.fingerprint, pushed_at = excluded.pushed_at""")) {
            p.setLong(1, jobId);
            p.setString(2, link.providerId());
            p.setString(3, link.eventId());
            setNullable(p, 4, link.address());
            setNullable(p, 5, link.version());
            setNullable(p, 6, link.fingerprint());
            setNullable(p, 7, link.pushedAt().map(Instant::toString));
            p.executeUpdate();
        }
        showFirst(c, jobId);
    }

    /**
     * Forgets the job's link to {@code providerId} ({@code ""}: Peregrine's own event). {@code calendar_event_id}
     * passes to the first remaining link only when it named the forgotten one: an id Peregrine wrote meanwhile stays.
     */
    static void remove(Connection c, long jobId, String providerId) throws SQLException {
        Optional<String> shown = calendarEventId(c, jobId);
        if (providerId.isEmpty()) {
            if (shown.isPresent() && !isRecorded(c, jobId, shown.get())) {
                showFirst(c, jobId);
            }
            return;
        }
        Optional<String> removed = eventId(c, jobId, providerId);
        if (removed.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM calendar_links WHERE job_id = ? AND provider_id = ?")) {
            p.setLong(1, jobId);
            p.setString(2, providerId);
            p.executeUpdate();
        }
        if (shown.isEmpty() || shown.equals(removed)) {
            showFirst(c, jobId);
        }
    }

    /**
     * Writes the job's first link, or nothing, into Peregrine's column, and into the older workbench's link columns
     * beside it, which must never pair that id with another event's calendar or address.
     */
    private static void showFirst(Connection c, long jobId) throws SQLException {
        Optional<CalendarLink> first = Optional.empty();
        try (PreparedStatement p = c.prepareStatement("SELECT provider_id, event_id, event_address, event_version, "
                + "fingerprint, pushed_at FROM calendar_links WHERE job_id = ? ORDER BY id LIMIT 1")) {
            p.setLong(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    first = fromRow(r);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET calendar_event_id = ?, " + Columns.CALENDAR_PROVIDER
                + " = ?, " + Columns.CALENDAR_EVENT_ADDRESS + " = ?, " + Columns.CALENDAR_EVENT_VERSION + " = ? WHERE id = ?")) {
            setNullable(p, 1, first.map(CalendarLink::eventId));
            setNullable(p, 2, first.map(CalendarLink::providerId));
            setNullable(p, 3, first.flatMap(CalendarLink::address));
            setNullable(p, 4, first.flatMap(CalendarLink::version));
            p.setLong(5, jobId);
            p.executeUpdate();
        }
    }

    private static Optional<String> calendarEventId(Connection c, long jobId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT calendar_event_id FROM jobs WHERE id = ?")) {
            p.setLong(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? JobRows.present(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<String> eventId(Connection c, long jobId, String providerId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT event_id FROM calendar_links WHERE job_id = ? AND provider_id = ?")) {
            p.setLong(1, jobId);
            p.setString(2, providerId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean isRecorded(Connection c, long jobId, String eventId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM calendar_links WHERE job_id = ? AND event_id = ?")) {
            p.setLong(1, jobId);
            p.setString(2, eventId);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void setNullable(PreparedStatement p, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            p.setString(index, value.get());
        } else {
            p.setNull(index, Types.VARCHAR);
        }
    }

    /** A value another program wrote badly reads as absent rather than hiding the job. */
    private static Optional<Instant> instant(String value) {
        try {
            return JobRows.present(value).map(String::strip).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
