package peregrine.calendar;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import peregrine.settings.Tier;

/**
 * Pushes a job's interview to a calendar, choosing among the {@link CalendarProvider}s active at the
 * moment. Pushing again updates the same event; it never makes a second one.
 * <p>
 * {@link #push} blocks on the job store and the network: call it off the UI thread. The other methods
 * read only memory and local files.
 */
@ProviderType
public interface CalendarPushService {

    /** The plan that calendar pushes need. */
    Tier REQUIRED_TIER = Tier.PAID;

    /** @return the active providers, preferred first ({@code service.ranking}, then registration order) */
    List<CalendarProvider> providers();

    /**
     * Pushes the job's interview: refuses without an interview date, below the {@link #REQUIRED_TIER}
     * or without a connected provider; else creates or updates the event at the provider that already
     * holds it (when still active and connected) or at the first connected one, and records the event
     * id with its provider in the job store. An event deleted on the server is created again. Pushes
     * of the same job are serialized.
     *
     * @return what happened; never throws for a failure the user can meet
     */
    PushResult push(long jobId);
}
