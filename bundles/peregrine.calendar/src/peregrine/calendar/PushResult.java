package peregrine.calendar;

import java.net.URI;
import java.util.Optional;

/** The outcome of pushing a job's interview to a calendar. */
public sealed interface PushResult {

    /** @return whether the interview is on the calendar now */
    boolean ok();

    /**
     * The interview is on the calendar and the job records the event.
     *
     * @param providerId    the provider that holds the event
     * @param providerLabel its name for users
     * @param eventId       the event's id at that provider
     * @param created       whether this push made the event (false: it updated it)
     * @param link          where the user can open the event, if the provider has such a page
     */
    record Pushed(String providerId, String providerLabel, String eventId, boolean created, Optional<URI> link)
            implements PushResult {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /**
     * Nothing was pushed, or the push could not be completed.
     *
     * @param message what happened and what to do, for the user; never a secret
     */
    record Failed(String message) implements PushResult {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
