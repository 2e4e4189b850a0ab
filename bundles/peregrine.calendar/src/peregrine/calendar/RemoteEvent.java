package peregrine.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * An event as a provider holds it: its id, and its version as the provider last wrote or read it. The
 * push service records both with the job, so that a later push, from this process or another, can hand
 * them back to {@link CalendarProvider#update}.
 *
 * @param id      the event's id at the provider, as {@link CalendarProvider#create} returned it
 * @param version the event's version at the provider (a CalDAV ETag), opaque and not a secret; empty
 *                when the provider keeps no versions or does not know it
 */
public record RemoteEvent(String id, Optional<String> version) {

    public RemoteEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
        version = version.filter(v -> !v.isBlank());
    }

    /** @return an event whose version is not known, or for a provider that keeps none */
    public static RemoteEvent of(String id) {
        return new RemoteEvent(id, Optional.empty());
    }
}
