package peregrine.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

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

    /**
     * Pushes the interviews of {@code jobIds} as {@link #push} does, at most {@code concurrency} at a
     * time, and blocks until they have ended. Each result goes to {@code each} as soon as its push ends,
     * on the thread that pushed. Once {@code cancelled} answers true no further push starts, and the
     * pushes under way complete. Interrupting the calling thread also interrupts the pushes under way.
     *
     * @param concurrency at least 1
     * @return the result of every push that started, by job id, in the order of {@code jobIds}
     */
    default Map<Long, PushResult> pushAll(List<Long> jobIds, int concurrency, BiConsumer<Long, PushResult> each,
            BooleanSupplier cancelled) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        Map<Long, PushResult> results = new ConcurrentHashMap<>();
        // close() waits for every task; when interrupted it stops the pool and keeps the interrupt.
        // Virtual threads: a push made on one needs no hand-off to be given up at its limit.
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency,
                Thread.ofVirtual().name("calendar-push-all-", 1).factory())) {
            for (long id : jobIds) {
                pool.execute(() -> {
                    if (!cancelled.getAsBoolean()) {
                        PushResult result = push(id);
                        results.put(id, result);
                        each.accept(id, result);
                    }
                });
            }
        }
        Map<Long, PushResult> ordered = new LinkedHashMap<>();
        jobIds.stream().filter(results::containsKey).forEach(id -> ordered.put(id, results.get(id)));
        return ordered;
    }
}
