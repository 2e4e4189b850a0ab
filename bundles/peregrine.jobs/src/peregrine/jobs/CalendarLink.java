package peregrine.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * The calendar event that holds a job's interview, the provider that event belongs to, and the event's
 * version as the provider last wrote it. They travel together so that one provider's id is never sent to
 * another, and so that a new process can update the event without first asking the server for its version.
 *
 * @param providerId the id of the calendar provider, e.g. {@code apple_calendar}; empty for an id
 *                   written by Peregrine, which did not record its provider
 * @param eventId    the event's id at that provider
 * @param version    the event's version at the provider after the last push (a CalDAV ETag), opaque and
 *                   public (not a secret); empty when the provider keeps none or it is not known. It may be
 *                   stale: the event may have changed on the server since.
 */
public record CalendarLink(String providerId, String eventId, Optional<String> version) {

    public CalendarLink {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(version, "version");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
        version = version.filter(v -> !v.isBlank());
    }

    /** A link whose event version is not known. */
    public CalendarLink(String providerId, String eventId) {
        this(providerId, eventId, Optional.empty());
    }
}
