package peregrine.calendar;

import java.net.URI;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A calendar that interviews can be pushed to, implemented by calendar plug-ins and registered as an
 * OSGi service (a Declarative Services component is the usual way). The push service finds every
 * active provider at runtime; the one with the highest {@code service.ranking} is preferred for jobs
 * that have no event yet.
 *
 * <h2>Threads and blocking</h2>
 * {@link #id()}, {@link #label()} and {@link #status()} must return quickly and never touch the
 * network: the UI calls them to decide what to show. {@link #create}, {@link #update},
 * {@link #delete} and {@link #testConnection()} may block on the network and are only ever called
 * from a background thread; each must give up within its configured timeouts (30 s by default) and
 * when its thread is interrupted.
 *
 * <h2>Identity and idempotency</h2>
 * {@link #create} must be idempotent per {@link CalendarEvent#identity()}: the provider names the
 * remote event by it (a CalDAV resource name and UID, a Google client-supplied event id), so a create
 * that finds the event already there updates it and returns its id rather than making a second one.
 * The push service relies on this to survive a crash between the remote write and the database write.
 *
 * <h2>Versions</h2>
 * {@link #create} and {@link #update} return the event's {@link RemoteEvent#version() version} after the
 * write when the provider keeps one (a CalDAV ETag); the push service stores it with the job and gives it
 * back to the next {@link #update}, even from a new process. The provider may send it as a precondition
 * (so that an update is one request), but must treat it as possibly stale: when the event changed on the
 * server since, the update still ends with the pushed event in the same remote event (re-read and retry),
 * or fails with {@code CONFLICT}; it never makes a second event. A provider without versions returns and
 * ignores an empty one. Versions are not secrets and may be logged.
 *
 * <h2>Events Peregrine pushed</h2>
 * Peregrine itself shares the job database and records an event's id without its provider. For such a
 * job the push service offers the id to {@link #update} of each connected provider in turn, with no
 * address and no version: a provider looks the event up by that id (a CalDAV UID, a Google event id) and
 * updates it in place, or throws {@code NOT_FOUND} when it has no such event, without making one. An id
 * of a form the provider never uses is {@code NOT_FOUND} at once, with no request.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link CalendarException} whose {@link CalendarException.Kind} tells the caller
 * what to do: {@code NOT_FOUND} from {@link #update} makes the caller create the event again; every
 * other kind is reported to the user and never turned into a second create. Messages are for the
 * user and never contain secrets.
 *
 * <h2>Optional parts</h2>
 * {@link #eventLink}, {@link #testConnection()} and {@link #storableSecret()} have defaults; a provider
 * may leave them out.
 */
@ConsumerType
public interface CalendarProvider {

    /** @return the integration's name, which is also its settings file's name, e.g. {@code apple_calendar} */
    String id();

    /** @return the provider's name as users know it, e.g. {@code Apple iCloud / CalDAV} */
    String label();

    /**
     * @return whether the provider's settings exist and are valid; reads local files only. A settings file that
     *         cannot be read is a {@link ProviderStatus#broken} status, not an exception: the workbench asks through
     *         {@link ProviderStatus#of}, which shows a provider that throws as broken, with no more than the exception's kind
     */
    ProviderStatus status();

    /**
     * Creates the event, or updates it when an event of the same identity is already there.
     *
     * @return the event's id at the provider, to be given to {@link #update} and {@link #delete} later,
     *         its address and its version after this write, if the provider keeps them, and whether it
     *         {@link RemoteEvent#existed() existed} already
     */
    RemoteEvent create(CalendarEvent event) throws CalendarException;

    /**
     * Replaces the event {@code known} with {@code event}.
     *
     * @param known the event as this provider last returned it: its id, and its address and version if
     *              recorded, which may be stale (see <em>Versions</em> above); or an id Peregrine recorded
     *              (see <em>Events Peregrine pushed</em>)
     * @return the event's id, normally {@code known.id()}, and its address and version after this write, if kept
     * @throws CalendarException of kind {@code NOT_FOUND} when the event no longer exists
     */
    RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException;

    /** Deletes the event as {@link #create} or {@link #update} returned it; an event that is already gone is not an error. */
    void delete(RemoteEvent event) throws CalendarException;

    /** @return where the user can open the event in a browser, if the provider has such a page */
    default Optional<URI> eventLink(String eventId) {
        return Optional.empty();
    }

    /**
     * @return the settings key of a secret (e.g. {@code app_password}) that the provider also reads from
     *         {@code peregrine.settings.Secrets}, under its {@link #id()}, when its settings file leaves it
     *         out; the workbench then offers to keep it in secure storage. Empty when there is none.
     */
    default Optional<String> storableSecret() {
        return Optional.empty();
    }

    /** Checks, over the network, that the settings reach the calendar and the credentials are accepted. */
    default void testConnection() throws CalendarException {
        // A provider without a cheap check says nothing.
    }
}
