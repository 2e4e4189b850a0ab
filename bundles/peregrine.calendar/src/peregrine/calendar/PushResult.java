package peregrine.calendar;

import java.net.URI;
import java.util.Optional;

/** What one calendar did with a job's interview, in a push or a removal; see {@link PushReport}. */
public sealed interface PushResult {

    /** @return whether the calendar did what was asked */
    boolean ok();

    /** @return the provider this result is about; empty when the job was refused before any calendar was asked */
    String providerId();

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
     * The event is no longer on the calendar and the job no longer records it.
     *
     * @param providerId    the provider that held the event
     * @param providerLabel its name for users
     * @param eventId       the event's id at that provider
     */
    record Removed(String providerId, String providerLabel, String eventId) implements PushResult {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /**
     * Nothing was done at this calendar, or it could not be completed; what the job records of it is unchanged.
     *
     * @param providerId the provider that failed; empty when the job was refused before any calendar was asked
     * @param message    what happened and what to do, for the user, naming the calendar; never a secret
     */
    record Failed(String providerId, String message) implements PushResult {

        /** A refusal before any calendar was asked. */
        public Failed(String message) {
            this("", message);
        }

        @Override
        public boolean ok() {
            return false;
        }
    }
}
