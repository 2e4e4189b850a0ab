package peregrine.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When an interview takes place. Peregrine stores only the date; the time of day, its zone and the
 * duration are optional additions of the workbench. A time without a zone is read in the zone of the
 * machine that shows it.
 *
 * @param date     the interview's date ({@code jobs.interview_date}, ISO {@code YYYY-MM-DD})
 * @param time     the time of day, if known
 * @param zone     the zone of {@code time}, if given
 * @param duration how long the interview lasts, if given; positive
 */
public record InterviewSlot(LocalDate date, Optional<LocalTime> time, Optional<ZoneId> zone, Optional<Duration> duration) {

    public InterviewSlot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(duration, "duration");
        if (zone.isPresent() && time.isEmpty()) {
            throw new IllegalArgumentException("A time zone needs a time of day");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("An interview's duration must be positive: " + duration.get());
        }
    }

    /** @return a slot of a whole day: a date with no time, zone or duration */
    public static InterviewSlot onDate(LocalDate date) {
        return new InterviewSlot(date, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
