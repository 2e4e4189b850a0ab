package peregrine.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When and where an interview takes place. Peregrine stores only the date; the time of day, its zone, the
 * duration and the place are optional additions of the workbench. A time without a zone is read in the zone of the
 * machine that shows it. Dates lie in the years {@value #MIN_YEAR} to {@value #MAX_YEAR}, and so does the
 * interview's end: every calendar format can hold them.
 *
 * @param date     the interview's date ({@code jobs.interview_date}, ISO {@code YYYY-MM-DD})
 * @param time     the time of day, if known
 * @param zone     the zone of {@code time}, if given
 * @param duration how long the interview lasts, if given; positive
 * @param location where it takes place, if given: free text (an address, "Phone") or a video link; never blank,
 *                 at most {@value #MAX_LOCATION_LENGTH} characters
 */
public record InterviewSlot(LocalDate date, Optional<LocalTime> time, Optional<ZoneId> zone, Optional<Duration> duration,
        Optional<String> location) {

    /** The first year an interview may be in. */
    public static final int MIN_YEAR = 1900;
    /** The last year an interview may be in, or end in: iCalendar dates have four digits. */
    public static final int MAX_YEAR = 9999;
    /** Peregrine put every event at noon UTC; a slot without a time of day still starts then. */
    public static final LocalTime DEFAULT_START = LocalTime.NOON;
    /** How long an interview lasts when no duration was given. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);
    /** The longest place text a slot holds. */
    public static final int MAX_LOCATION_LENGTH = 2000;

    public InterviewSlot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(location, "location");
        location = location.map(String::strip).filter(l -> !l.isEmpty());
        if (location.isPresent() && location.get().length() > MAX_LOCATION_LENGTH) {
            throw new IllegalArgumentException("An interview's place can be at most " + MAX_LOCATION_LENGTH + " characters long.");
        }
        if (zone.isPresent() && time.isEmpty()) {
            throw new IllegalArgumentException("A time zone needs a time of day");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("An interview's duration must be positive: " + duration.get());
        }
        requireYearInRange(date);
        LocalDateTime end = date.atTime(time.orElse(DEFAULT_START)).plus(duration.orElse(DEFAULT_DURATION));
        if (end.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("The interview on " + date + " would end after the year " + MAX_YEAR
                    + ", which calendars cannot hold.");
        }
    }

    /** A slot with no place. */
    public InterviewSlot(LocalDate date, Optional<LocalTime> time, Optional<ZoneId> zone, Optional<Duration> duration) {
        this(date, time, zone, duration, Optional.empty());
    }

    /** @return this slot at {@code location} (empty or blank: no place) */
    public InterviewSlot withLocation(Optional<String> location) {
        return new InterviewSlot(date, time, zone, duration, location);
    }

    /**
     * @throws IllegalArgumentException with a message for the user when {@code date} is outside the years
     *                                  {@value #MIN_YEAR} to {@value #MAX_YEAR}
     */
    public static LocalDate requireYearInRange(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("An interview date must be in the years " + MIN_YEAR + " to " + MAX_YEAR
                    + ", not " + date + ".");
        }
        return date;
    }

    /** @return a slot of a whole day: a date with no time, zone or duration */
    public static InterviewSlot onDate(LocalDate date) {
        return new InterviewSlot(date, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
