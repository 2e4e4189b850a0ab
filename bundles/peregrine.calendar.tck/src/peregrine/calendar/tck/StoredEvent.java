package peregrine.calendar.tck;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the calendar server holds it, read by the provider's test without the provider (straight from
 * the server's storage or API), so that the kit compares what was pushed with what arrived.
 *
 * @param title       the event's title (iCalendar {@code SUMMARY}, Google {@code summary}), unescaped
 * @param description its description, unescaped; empty when it has none
 * @param start       when it starts
 * @param end         when it ends
 */
public record StoredEvent(String title, String description, Instant start, Instant end) {

    public StoredEvent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
