package peregrine.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * An event as a provider holds it. The push service records every part with the job, so that a later
 * push, from this process or another, can hand them back to {@link CalendarProvider#update}.
 *
 * @param id       the event's id as Peregrine itself records it in {@code jobs.calendar_event_id}: a CalDAV
 *                 event's UID, a Google event id. It may come from Peregrine rather than from this provider
 *                 (see {@link CalendarProvider#update}).
 * @param address  where the provider reaches the event without searching for it (a CalDAV resource URL),
 *                 opaque and not a secret; empty when the provider needs none or it is not known. A stored
 *                 address comes from a database another program may have written: the provider checks it.
 * @param version  the event's version at the provider (a CalDAV ETag), opaque and not a secret; empty when
 *                 the provider keeps no versions or does not know it
 * @param existed  for the result of {@link CalendarProvider#create}: whether the event was already there
 *                 and was updated rather than made. Ignored everywhere else.
 */
public record RemoteEvent(String id, Optional<String> address, Optional<String> version, boolean existed) {

    public RemoteEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
        address = address.filter(a -> !a.isBlank());
        version = version.filter(v -> !v.isBlank());
    }

    /** An event the provider reaches by its id alone. */
    public RemoteEvent(String id, Optional<String> version) {
        this(id, Optional.empty(), version, false);
    }

    /** An event with an address of its own. */
    public RemoteEvent(String id, Optional<String> address, Optional<String> version) {
        this(id, address, version, false);
    }

    /** @return an event whose address and version are not known, or for a provider that keeps neither */
    public static RemoteEvent of(String id) {
        return new RemoteEvent(id, Optional.empty());
    }

    /** @return this event, marked as one that {@link CalendarProvider#create} found already there */
    public RemoteEvent asExisting() {
        return new RemoteEvent(id, address, version, true);
    }
}
