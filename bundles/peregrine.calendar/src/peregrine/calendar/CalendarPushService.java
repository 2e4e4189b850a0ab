package peregrine.calendar;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.osgi.annotation.versioning.ProviderType;

import peregrine.jobs.Job;
import peregrine.jobs.JobStoreException;
import peregrine.settings.Tier;

/**
 * Pushes a job's interview to a calendar, choosing among the {@link CalendarProvider}s active at the
 * moment. Pushing again updates the same event; it never makes a second one.
 * <p>
 * {@link #push}, {@link #pushAll} and {@link #remove} block on the job store and the network, and {@link #event}
 * on the job store: call them off the UI thread. {@link #providers()} and {@link #offer} read only memory and
 * local files.
 */
@ProviderType
public interface CalendarPushService {

    /** The plan that calendar pushes need. */
    Tier REQUIRED_TIER = Tier.PAID;

    /** @return the active providers, preferred first ({@code service.ranking}, then registration order) */
    List<CalendarProvider> providers();

    /**
     * Pushes the job's interview: refuses without an interview date, below the {@link #REQUIRED_TIER} or without a
     * connected provider; else creates or updates the event on each target calendar and records each event with
     * its provider in the job store. The targets are the connected providers that {@code calendar_targets:} in
     * {@code user.yaml} names, in its order, and then any other connected calendar that already holds the job's
     * event (kept in step, never left showing an old time); without that list, the calendar that already holds the job (when
     * still connected), else the first connected one. Targets are written independently: one failing neither
     * stops nor undoes the others. An event deleted on the server is created again. Pushes and removals of the
     * same job are serialized.
     *
     * @return one result per target; never throws for a failure the user can meet
     */
    PushReport push(long jobId);

    /**
     * Removes the job's event from every calendar that holds it. A link is forgotten only once its provider
     * confirmed the removal or found the event already gone; a link whose provider is not installed or not
     * connected stays, with a failure saying so. Unlike {@link #push}, this needs no plan: a user can always take
     * their events away.
     *
     * @return one result per calendar that held the event; a single failure without a provider when none did
     */
    PushReport remove(long jobId);

    /**
     * @return what can be done for {@code job}'s interview now; reads memory and local files only, so a view
     *         may ask for each card it draws
     */
    CalendarOffer offer(Job job);

    /**
     * @return {@link #offer} for each of {@code jobs}, by job id in their order, from one reading of the settings and
     *         of the providers' status however many jobs there are: what a view asks of the jobs it shows
     */
    default Map<Long, CalendarOffer> offers(Collection<Job> jobs) {
        Map<Long, CalendarOffer> offers = new LinkedHashMap<>();
        jobs.forEach(job -> offers.put(job.id(), offer(job)));
        return offers;
    }

    /**
     * @return the event a push of the job would send now, reminders included, for an {@link EventExporter};
     *         empty when the job has no interview date
     */
    Optional<CalendarEvent> event(long jobId) throws JobStoreException;

    /**
     * Pushes the interviews of {@code jobIds} as {@link #push} does, at most {@code concurrency} at a
     * time, and blocks until they have ended. Each result goes to {@code each} as soon as its push ends,
     * on the thread that pushed. Once {@code cancelled} answers true no further push starts, and the
     * pushes under way complete. Interrupting the calling thread also interrupts the pushes under way.
     *
     * @param concurrency at least 1
     * @return the result of every push that started, by job id, in the order of {@code jobIds}
     */
    default Map<Long, PushReport> pushAll(List<Long> jobIds, int concurrency, BiConsumer<Long, PushReport> each,
            BooleanSupplier cancelled) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        Map<Long, PushReport> results = new ConcurrentHashMap<>();
        // close() waits for every task; when interrupted it stops the pool and keeps the interrupt.
        // Virtual threads: a push made on one needs no hand-off to be given up at its limit.
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency,
                Thread.ofVirtual().name("calendar-push-all-", 1).factory())) {
            for (long id : jobIds) {
                pool.execute(() -> {
                    if (!cancelled.getAsBoolean()) {
                        PushReport result = push(id);
                        results.put(id, result);
                        each.accept(id, result);
                    }
                });
            }
        }
        Map<Long, PushReport> ordered = new LinkedHashMap<>();
        jobIds.stream().filter(results::containsKey).forEach(id -> ordered.put(id, results.get(id)));
        return ordered;
    }
}
