package peregrine.jobs;

import java.util.Objects;

/**
 * The calendar event that holds a job's interview, and the provider that event belongs to. The two
 * travel together so that one provider's id is never sent to another.
 *
 * @param providerId the id of the calendar provider, e.g. {@code apple_calendar}; empty for an id
 *                   written by Peregrine, which did not record its provider
 * @param eventId    the event's id at that provider
 */
public record CalendarLink(String providerId, String eventId) {

    public CalendarLink {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
    }
}
