package peregrine.calendar.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.settings.WorkbenchSettings;

/**
 * The push service over whichever {@link CalendarProvider}s are registered, highest ranking first.
 * <p>
 * The provider's network calls run on a thread of their own and are given up, by interrupting that thread,
 * when they take longer than {@link WorkbenchSettings#calendarTimeout()}: a push never hangs longer than
 * that, whatever the server does. Nothing is recorded then; as the event's identity derives from the job,
 * pushing again finds the event if the call did reach the server. A provider that throws an unchecked
 * exception fails the push with a message, never the caller.
 */
@Component(service = CalendarPushService.class)
public final class DefaultCalendarPushService implements CalendarPushService {

    private static final System.Logger LOG = System.getLogger(DefaultCalendarPushService.class.getName());

    private final JobStore store;
    private final WorkbenchSettings settings;
    /** ServiceReference order is ranking, then age: reversed, the preferred provider comes first. */
    private final Map<ServiceReference<CalendarProvider>, CalendarProvider> providers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final Map<Long, ReentrantLock> jobLocks = new ConcurrentHashMap<>();
    /** Virtual threads: interrupting one blocked on a socket closes the socket, so a given-up call ends at once. */
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("calendar-push-", 1).factory());

    @Activate
    public DefaultCalendarPushService(@Reference JobStore store, @Reference WorkbenchSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Deactivate
    void deactivate() {
        calls.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<CalendarProvider> reference, CalendarProvider provider) {
        providers.put(reference, provider);
    }

    void removeProvider(ServiceReference<CalendarProvider> reference) {
        providers.remove(reference);
    }

    @Override
    public List<CalendarProvider> providers() {
        return List.copyOf(new ArrayList<>(providers.values()));
    }

    @Override
    public PushResult push(long jobId) {
        ReentrantLock lock = jobLocks.computeIfAbsent(jobId, id -> new ReentrantLock());
        lock.lock();
        try {
            return pushLocked(jobId);
        } catch (JobStoreException e) {
            return new PushResult.Failed(e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private PushResult pushLocked(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        Optional<InterviewSlot> slot = job.interview();
        if (slot.isEmpty()) {
            return new PushResult.Failed("Set an interview date for \"" + job.title() + "\" before adding it to a calendar.");
        }
        if (!settings.tier().includes(REQUIRED_TIER)) {
            return new PushResult.Failed("Adding interviews to a calendar is part of the paid plan; your plan is "
                    + settings.tier().yamlName() + ".");
        }
        List<CalendarProvider> active = providers();
        Optional<CalendarProvider> holder = job.calendarLink()
                .flatMap(link -> active.stream().filter(p -> p.id().equals(link.providerId())).findFirst())
                .filter(p -> p.status().connected());
        Optional<CalendarProvider> chosen = holder.or(() -> active.stream().filter(p -> p.status().connected()).findFirst());
        if (chosen.isEmpty()) {
            return new PushResult.Failed(active.isEmpty() ? "No calendar integration is installed."
                    : "No calendar is connected. " + active.get(0).status().message());
        }
        CalendarProvider provider = chosen.get();
        CalendarEvent event = InterviewEvents.of(job, slot.get(), store.companySummary(jobId), ZoneId.systemDefault());
        Optional<RemoteEvent> known = holder.isPresent()
                ? job.calendarLink().map(link -> new RemoteEvent(link.eventId(), link.version()))
                : Optional.empty();
        Written written;
        Duration limit = settings.calendarTimeout();
        Future<Written> call = calls.submit(() -> write(provider, known, event));
        try {
            written = call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new PushResult.Failed(provider.label() + ": the calendar did not answer within " + seconds(limit)
                    + ". Nothing was recorded; try again later. Pushing again never makes a second event.");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new PushResult.Failed(provider.label() + ": the push was stopped. Nothing was recorded; pushing again never makes a second event.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CalendarException failure) {
                return new PushResult.Failed(provider.label() + ": " + failure.getMessage());
            }
            // A provider's bug: its message may hold anything, so the user sees only its kind; the log has the rest.
            LOG.log(System.Logger.Level.ERROR, "Calendar provider " + provider.id() + " failed", e.getCause());
            return new PushResult.Failed(provider.label() + ": the calendar plug-in failed unexpectedly ("
                    + e.getCause().getClass().getSimpleName() + "). Nothing was recorded.");
        }
        if (written.event() == null) {
            return new PushResult.Failed(provider.label() + ": the calendar plug-in gave no event id. Nothing was recorded.");
        }
        String eventId = written.event().id();
        boolean created = written.created();
        try {
            store.setCalendarLink(jobId, Optional.of(new CalendarLink(provider.id(), eventId, written.event().version())));
        } catch (JobStoreException e) {
            return new PushResult.Failed("The interview is on " + provider.label()
                    + " but the job could not record it (" + e.getMessage() + "). Pushing again updates the same event.");
        }
        return new PushResult.Pushed(provider.id(), provider.label(), eventId, created, provider.eventLink(eventId));
    }

    /** What the provider did: the event as it holds it now (null if the provider broke its contract), and whether it was created. */
    private record Written(RemoteEvent event, boolean created) {
    }

    /** Updates the event {@code known}, or creates it when there is none or it was deleted on the server. */
    private static Written write(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event) throws CalendarException {
        if (known.isPresent()) {
            try {
                return new Written(provider.update(known.get(), event), false);
            } catch (CalendarException e) {
                if (e.kind() != CalendarException.Kind.NOT_FOUND) {
                    throw e;
                }
                // Deleted on the server: the interview still belongs on the calendar.
            }
        }
        return new Written(provider.create(event), true);
    }

    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
