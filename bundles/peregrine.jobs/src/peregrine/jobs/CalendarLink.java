package peregrine.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One calendar event that holds a job's interview, the provider that event belongs to, what the provider needs
 * to reach it again, and what was last pushed to it. They travel together so that one provider's id is never
 * sent to another, so that a new process can update the event in one request, and so that a card can tell,
 * without the network, whether the event still shows the interview as it is now. A job has at most one link
 * per provider.
 *
 * @param providerId  the id of the calendar provider, e.g. {@code apple_calendar}; empty for an id written by
 *                    Peregrine, which does not record its provider
 * @param eventId     the event's id at that provider, as Peregrine itself reads {@code calendar_event_id}: a
 *                    CalDAV UID, a Google event id
 * @param address     where the provider reaches the event without a search (a CalDAV resource URL), opaque and
 *                    public; empty when the provider needs none or it is not known
 * @param version     the event's version at the provider after the last push (a CalDAV ETag), opaque and public
 *                    (not a secret); empty when the provider keeps none or it is not known. It may be stale: the
 *                    event may have changed on the server since.
 * @param fingerprint a digest of what the last push sent (the push service's, opaque to the store); empty when
 *                    not known, e.g. for an event Peregrine pushed
 * @param pushedAt    when the last push to this event ended, if known
 */
public record CalendarLink(String providerId, String eventId, Optional<String> address, Optional<String> version,
        Optional<String> fingerprint, Optional<Instant> pushedAt) {

    public CalendarLink {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(pushedAt, "pushedAt");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
        address = address.filter(a -> !a.isBlank());
        version = version.filter(v -> !v.isBlank());
        fingerprint = fingerprint.filter(f -> !f.isBlank());
    }

    /** A link whose last push is not known. */
    public CalendarLink(String providerId, String eventId, Optional<String> address, Optional<String> version) {
        this(providerId, eventId, address, version, Optional.empty(), Optional.empty());
    }

    /** A link without an address, whose last push is not known. */
    public CalendarLink(String providerId, String eventId, Optional<String> version) {
        this(providerId, eventId, Optional.empty(), version);
    }

    /** A link whose event address, version and last push are not known. */
    public CalendarLink(String providerId, String eventId) {
        this(providerId, eventId, Optional.empty(), Optional.empty());
    }

    /** @return whether the event was recorded by Peregrine, which does not say which calendar holds it */
    public boolean fromPeregrine() {
        return providerId.isEmpty();
    }
}
