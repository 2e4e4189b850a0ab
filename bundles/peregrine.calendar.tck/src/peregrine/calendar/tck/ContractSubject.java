package peregrine.calendar.tck;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.RemoteEvent;

/**
 * What a provider's test hands the conformance kit: its provider, connected to a real calendar that holds no
 * event yet, and an independent way to look at and change that calendar. One subject serves one test; the kit
 * closes it afterwards. The calendar is usually a server the test runs on 127.0.0.1; a provider without a network
 * (a calendar in a local file) answers {@link #requestsReceived()} and {@link #unanswering()} as they say.
 */
@ConsumerType
public interface ContractSubject extends AutoCloseable {

    /** @return the provider under test, connected to this subject's empty calendar */
    CalendarProvider provider();

    /** @return every event the calendar holds now, read without the provider */
    List<StoredEvent> events() throws Exception;

    /** Deletes the event on the server without the provider, as the user would in another calendar app. */
    void deleteBehindTheProvider(RemoteEvent event) throws Exception;

    /**
     * Changes the event on the server without the provider (its title, say), so that the version the provider
     * returned for it is stale.
     */
    void changeBehindTheProvider(RemoteEvent event) throws Exception;

    /**
     * @return how many requests this subject's calendar server has received so far, from anyone. For a calendar
     *         without a server (a local file), a number that changes whenever the calendar's files are made, changed
     *         or replaced (a hash of their names, file keys, sizes and modification times, say): the kit only compares
     *         two values of it
     */
    long requestsReceived();

    /** @return the secrets the provider was given (passwords, keys, tokens): none may appear in any message */
    List<String> secrets();

    /**
     * @return a provider set up as {@link #provider()} is, but whose calendar never answers: a server that accepts
     *         connections and never answers them; for a calendar in a local file, a file whose lock another process
     *         holds (a real process, so that the provider's own lock meets it as it would in use). The kit asks every
     *         blocking call of it to give up at {@link #timeLimit()} and when its thread is interrupted.
     */
    CalendarProvider unanswering() throws Exception;

    /** @return the longest any call of {@link #unanswering()}'s provider may take before it gives up */
    Duration timeLimit();

    /**
     * @param oddInput the name of one of {@link OddInput}'s cases
     * @return why this subject's server cannot hold that input as it was sent, when it is known to change it on its
     *         own (a fault of the server, not of the provider); the kit then skips that case with this reason
     */
    default Optional<String> serverAlters(String oddInput) {
        return Optional.empty();
    }

    /**
     * @return whether this subject's calendar keeps an event's reminders, so that the kit checks they arrive as
     *         pushed and that an update replaces them; a calendar that has no reminders (a file format without
     *         alarms, say) answers false, and the kit skips those cases saying so
     */
    default boolean storesReminders() {
        return true;
    }

    @Override
    default void close() throws Exception {
        // a subject without resources of its own
    }
}
