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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
import peregrine.calendar.PushReport;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/**
 * The push service over whichever {@link CalendarProvider}s are registered, highest ranking first.
 * <p>
 * The provider's network calls run on a virtual thread and are given up, by interrupting that thread,
 * when they take longer than {@link WorkbenchSettings#calendarTimeout()}: a push never hangs longer than
 * that, whatever the server does. A push called on a virtual thread makes its calls there, and a shared
 * timer interrupts it at the limit (the interrupt is cleared before the push returns); a push called on
 * a platform thread hands them to a virtual thread of their own, as interrupting a platform thread does
 * not stop a blocking socket read. (On the caller's own virtual thread the push ends when the call gives way
 * to the interrupt, which socket I/O does at once; a host name lookup, which cannot be interrupted, first ends
 * at the resolver's own timeout.) A push given up records nothing; as the event's identity derives from the job,
 * pushing again finds the event if the call did reach the server. A provider that throws an unchecked
 * exception fails the push with a message, never the caller.
 */
@Component(service = CalendarPushService.class)
public final class DefaultCalendarPushService implements CalendarPushService {

    private static final System.Logger LOG = System.getLogger(DefaultCalendarPushService.class.getName());

    static final String NONE_INSTALLED = "No calendar integration is installed. Install one with Help > Install Calendar Plug-ins…, "
            + "or: peregrine-cli plugins install --repository URL|FOLDER|ZIP FEATURE";

    private final JobStore store;
    private final WorkbenchSettings settings;
    /** ServiceReference order is ranking, then age: reversed, the preferred provider comes first. */
    private final Map<ServiceReference<CalendarProvider>, CalendarProvider> providers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final Map<Long, ReentrantLock> jobLocks = new ConcurrentHashMap<>();
    /** Virtual threads: interrupting one blocked on a socket closes the socket, so a given-up call ends at once. */
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("calendar-push-", 1).factory());
    /** Interrupts a push's own virtual thread at its limit; a call that ends in time cancels its deadline. */
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("calendar-push-deadlines").factory());

    @Activate
    public DefaultCalendarPushService(@Reference JobStore store, @Reference WorkbenchSettings settings) {
        this.store = store;
        this.settings = settings;
        deadlines.setRemoveOnCancelPolicy(true);
    }

    @Deactivate
    void deactivate() {
        calls.shutdownNow();
        deadlines.shutdownNow();
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
    public PushReport push(long jobId) {
        ReentrantLock lock = jobLocks.computeIfAbsent(jobId, id -> new ReentrantLock());
        lock.lock();
        try {
            return new PushReport(List.of(pushLocked(jobId)));
        } catch (JobStoreException e) {
            return PushReport.refused(e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PushReport remove(long jobId) {
        throw new UnsupportedOperationException("TEMPORARY");
    }

    @Override
    public peregrine.calendar.CalendarOffer offer(Job job) {
        throw new UnsupportedOperationException("TEMPORARY");
    }

    @Override
    public Optional<CalendarEvent> event(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        return job.interview().map(slot -> InterviewEvents.of(job, slot, Optional.empty(), ZoneId.systemDefault()));
    }

    private PushResult pushLocked(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        Optional<InterviewSlot> slot = job.interview();
        if (slot.isEmpty()) {
            return new PushResult.Failed("Set an interview date for \"" + job.title() + "\" before adding it to a calendar.");
        }
        Tier tier;
        try {
            tier = settings.tier();
        } catch (SettingsException broken) {
            return new PushResult.Failed("Your plan could not be read, so nothing was pushed: " + broken.getMessage());
        }
        if (!tier.includes(REQUIRED_TIER)) {
            return new PushResult.Failed("Adding interviews to a calendar is part of the paid plan; your plan is "
                    + tier.yamlName() + ".");
        }
        List<CalendarProvider> active = providers();
        List<CalendarProvider> connected = active.stream().filter(p -> p.status().connected()).toList();
        if (connected.isEmpty()) {
            return new PushResult.Failed(active.isEmpty() ? NONE_INSTALLED
                    : "No calendar is connected. " + active.stream().filter(p -> p.status().setUp()).findFirst()
                            .orElse(active.get(0)).status().message());
        }
        Optional<CalendarLink> link = job.calendarLink();
        Optional<CalendarProvider> holder = link.filter(l -> !l.fromPeregrine())
                .flatMap(l -> connected.stream().filter(p -> p.id().equals(l.providerId())).findFirst());
        CalendarEvent event = InterviewEvents.of(job, slot.get(), store.companySummary(jobId), ZoneId.systemDefault());
        Duration limit = settings.calendarTimeout();
        Attempt attempt;
        if (link.isPresent() && link.get().fromPeregrine()) {
            attempt = adopt(link.get(), connected, event, limit);
        } else {
            CalendarProvider provider = holder.orElse(connected.get(0));
            Optional<RemoteEvent> known = holder.isPresent() ? link.map(DefaultCalendarPushService::remoteEvent) : Optional.empty();
            attempt = attempt(provider, known, event, limit, true);
        }
        if (attempt.failure() != null) {
            return attempt.failure();
        }
        CalendarProvider provider = attempt.provider();
        Written written = attempt.written();
        if (written.event() == null) {
            return new PushResult.Failed(provider.label() + ": the calendar plug-in gave no event id. Nothing was recorded.");
        }
        RemoteEvent remote = written.event();
        boolean created = written.created() && !remote.existed();
        try {
            store.putCalendarLink(jobId, new CalendarLink(provider.id(), remote.id(), remote.address(), remote.version()));
        } catch (JobStoreException e) {
            return new PushResult.Failed("The interview is on " + provider.label()
                    + " but the job could not record it (" + e.getMessage() + "). Pushing again updates the same event.");
        }
        return new PushResult.Pushed(provider.id(), provider.label(), remote.id(), created, provider.eventLink(remote.id()));
    }

    private static RemoteEvent remoteEvent(CalendarLink link) {
        return new RemoteEvent(link.eventId(), link.address(), link.version());
    }

    /**
     * An event Peregrine pushed names no provider: each connected one is asked, in order, to update it by its
     * id. The first that has it keeps it; only when none has it is the event created, at the preferred provider.
     * Any failure other than "not found" ends the push: the event may well exist, and guessing would duplicate it.
     */
    private Attempt adopt(CalendarLink link, List<CalendarProvider> connected, CalendarEvent event, Duration limit) {
        RemoteEvent known = RemoteEvent.of(link.eventId());
        for (CalendarProvider provider : connected) {
            Attempt attempt = attempt(provider, Optional.of(known), event, limit, false);
            if (!attempt.notFound()) {
                return attempt;
            }
        }
        return attempt(connected.get(0), Optional.empty(), event, limit, true);
    }

    /**
     * One provider's write, given up at {@code limit}.
     *
     * @param createWhenGone whether an update that finds the event gone creates it (else the attempt reports "not found")
     */
    private Attempt attempt(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event, Duration limit,
            boolean createWhenGone) {
        try {
            Written written = Thread.currentThread().isVirtual() ? writeHere(provider, known, event, limit, createWhenGone)
                    : writeOnVirtualThread(provider, known, event, limit, createWhenGone);
            return new Attempt(provider, written, null, false);
        } catch (TimeoutException e) {
            return Attempt.failed(provider, provider.label() + ": the calendar did not answer within " + seconds(limit)
                    + ". Nothing was recorded; try again later. Pushing again never makes a second event.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(provider, provider.label()
                    + ": the push was stopped. Nothing was recorded; pushing again never makes a second event.");
        } catch (CalendarException failure) {
            Attempt failed = Attempt.failed(provider, provider.label() + ": " + failure.getMessage());
            return failure.kind() == CalendarException.Kind.NOT_FOUND && !createWhenGone
                    ? new Attempt(provider, null, failed.failure(), true) : failed;
        } catch (RuntimeException bug) {
            // A provider's bug: its message may hold anything, so the user sees only its kind; the log has the rest.
            LOG.log(System.Logger.Level.ERROR, "Calendar provider " + provider.id() + " failed", bug);
            return Attempt.failed(provider, provider.label() + ": the calendar plug-in failed unexpectedly ("
                    + bug.getClass().getSimpleName() + "). Nothing was recorded.");
        }
    }

    /** A provider's write: what it wrote, or why it did not; {@code notFound} when an update found no such event. */
    private record Attempt(CalendarProvider provider, Written written, PushResult.Failed failure, boolean notFound) {
        static Attempt failed(CalendarProvider provider, String message) {
            return new Attempt(provider, null, new PushResult.Failed(message), false);
        }
    }

    /** What the provider did: the event as it holds it now (null if the provider broke its contract), and whether it was created. */
    private record Written(RemoteEvent event, boolean created) {
    }

    /**
     * {@link #write} on this virtual thread, interrupted by {@link #deadlines} at {@code limit}.
     *
     * @throws TimeoutException when the limit was reached, whatever the call did after it; the interrupt is cleared
     * @throws InterruptedException when the thread was interrupted by someone else; its interrupt status is kept
     */
    private Written writeHere(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event, Duration limit,
            boolean createWhenGone) throws CalendarException, TimeoutException, InterruptedException {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> timer = deadlines.schedule(deadline, limit.toNanos(), TimeUnit.NANOSECONDS);
        Written written;
        try {
            written = write(provider, known, event, createWhenGone);
        } finally {
            timer.cancel(false);
            if (deadline.end()) {
                throw new TimeoutException();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        return written;
    }

    /** Interrupts its thread when run, unless {@link #end()} came first; run and end exclude each other. */
    private static final class Deadline implements Runnable {

        private final Thread thread;
        private boolean ended;
        private boolean fired;
        /** Whether the thread was interrupted by this deadline (not already by someone else). */
        private boolean interrupted;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!ended) {
                fired = true;
                interrupted = !thread.isInterrupted();
                thread.interrupt();
            }
        }

        /**
         * Called by the deadline's thread when its call has ended; clears the interrupt this deadline made.
         *
         * @return whether the deadline fired
         */
        synchronized boolean end() {
            ended = true;
            if (interrupted) {
                Thread.interrupted();
            }
            return fired;
        }
    }

    /** {@link #write} on a virtual thread of its own, interrupted at {@code limit}. */
    private Written writeOnVirtualThread(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event, Duration limit,
            boolean createWhenGone) throws CalendarException, TimeoutException, InterruptedException {
        Future<Written> call = calls.submit(() -> write(provider, known, event, createWhenGone));
        try {
            return call.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CalendarException failure -> throw failure;
                case RuntimeException bug -> throw bug;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Updates the event {@code known}, or creates it when there is none, or, with {@code createWhenGone}, when it was
     * deleted on the server.
     */
    private static Written write(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event, boolean createWhenGone)
            throws CalendarException {
        if (known.isPresent()) {
            try {
                return new Written(provider.update(known.get(), event), false);
            } catch (CalendarException e) {
                if (e.kind() != CalendarException.Kind.NOT_FOUND || !createWhenGone) {
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
