package peregrine.calendar.tck;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event as the calendar server holds it, read by the provider's test without the provider (straight from
 * the server's storage or API), so that the kit compares what was pushed with what arrived.
 *
 * @param title       the event's title (iCalendar {@code SUMMARY}, Google {@code summary}), unescaped
 * @param description its description, unescaped; empty when it has none
 * @param start       when it starts
 * @param end         when it ends
 * @param location    its place (iCalendar {@code LOCATION}, Google {@code location}), unescaped; empty when it has none
 * @param reminders   how long before the start each of its reminders fires (iCalendar {@code VALARM} triggers,
 *                    Google {@code reminders.overrides}), in any order; empty when it has none of its own
 */
public record StoredEvent(String title, String description, Instant start, Instant end, String location, List<Duration> reminders) {

    public StoredEvent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(location, "location");
        reminders = List.copyOf(reminders);
    }

    /** An event read without its place and reminders, by a subject whose calendar holds neither. */
    public StoredEvent(String title, String description, Instant start, Instant end) {
        this(title, description, start, end, "", List.of());
    }
}
