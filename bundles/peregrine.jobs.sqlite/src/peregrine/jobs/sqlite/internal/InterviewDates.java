package peregrine.jobs.sqlite.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import peregrine.jobs.InterviewSlot;

/**
 * {@code jobs.interview_date} as the programs that share the file write it. Peregrine's own code writes an ISO
 * date ({@code 2026-12-10}), and so does the workbench, keeping the time of day in columns of its own. Peregrine's
 * web interface writes the start as a UTC date-time ({@code 2026-12-10T15:00:00.000Z}, JavaScript's
 * {@code toISOString()}): that is the interview's start, shown in the user's zone, and it wins over the
 * workbench's own time columns, which the web interface does not know of.
 */
final class InterviewDates {

    private InterviewDates() {
    }

    /**
     * @param value    {@code interview_date} as stored; may be null
     * @param time     the workbench's {@code interview_time}, if stored
     * @param zone     the workbench's {@code interview_zone}, if stored
     * @param duration the workbench's {@code interview_duration_minutes}, if stored
     * @param local    the user's zone, in which a date-time with an offset is shown
     * @return the slot; empty when there is no date, or one no calendar can hold (another program wrote it): a
     *         value another program wrote badly reads as absent rather than hiding the whole job
     */
    static Optional<InterviewSlot> read(String value, Optional<LocalTime> time, Optional<ZoneId> zone, Optional<Duration> duration,
            ZoneId local) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return slot(date, time, time.isEmpty() ? Optional.empty() : zone, duration);
            }
            Optional<ZonedDateTime> instant = withOffset(text);
            if (instant.isPresent()) {
                ZonedDateTime start = instant.get().withZoneSameInstant(local);
                return slot(start.toLocalDate(), Optional.of(start.toLocalTime().withNano(0)), Optional.of(local), duration);
            }
            LocalDateTime start = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return slot(start.toLocalDate(), Optional.of(start.toLocalTime().withNano(0)), Optional.empty(), duration);
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    private static Optional<ZonedDateTime> withOffset(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toZonedDateTime());
        } catch (DateTimeParseException noOffset) {
            return Optional.empty();
        }
    }

    /** A duration that would carry the end past what calendars hold is dropped; a date they cannot hold is no date. */
    private static Optional<InterviewSlot> slot(LocalDate date, Optional<LocalTime> time, Optional<ZoneId> zone, Optional<Duration> duration) {
        try {
            return Optional.of(new InterviewSlot(date, time, zone, duration));
        } catch (IllegalArgumentException outOfRange) {
            try {
                return Optional.of(new InterviewSlot(date, time, zone, Optional.empty()));
            } catch (IllegalArgumentException stillOutOfRange) {
                return Optional.empty();
            }
        }
    }

    /** @return {@code interview_date} for {@code date}, as Peregrine's own code writes it */
    static String write(LocalDate date) {
        return InterviewSlot.requireYearInRange(date).toString();
    }
}
