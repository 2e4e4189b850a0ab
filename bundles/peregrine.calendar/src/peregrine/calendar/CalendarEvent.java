package peregrine.calendar;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An interview as every provider receives it. Providers write {@link #title()} and
 * {@link #description()} exactly as given.
 *
 * @param identity    the job's stable event identity; a provider names the remote event by it
 * @param title       {@code "{stage label}: {job title} @ {company}"}
 * @param description the listing's address and a one-line company summary, each on its own line when known; may be empty
 * @param start       when the interview starts, in the zone it was entered in (UTC when only a date is known)
 * @param duration    how long it lasts; positive
 */
public record CalendarEvent(EventIdentity identity, String title, String description, ZonedDateTime start, Duration duration) {

    public CalendarEvent {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("An event's duration must be positive: " + duration);
        }
    }

    /** @return when the interview ends */
    public ZonedDateTime end() {
        return start.plus(duration);
    }
}
