package peregrine.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

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
import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.ProviderStatus;
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
 * Every provider call is given up at {@link WorkbenchSettings#calendarTimeout()} ({@link TimedCalls}). A write
 * given up records nothing; as the event's identity derives from the job, pushing again finds the event if the
 * call did reach the server. A provider that throws an unchecked exception fails its calendar's result with a
 * message, never the caller. The targets of a push are written one after the other, each with its own limit, and
 * each result stands on its own.
 */
@Component(service = CalendarPushService.class)
public final class DefaultCalendarPushService implements CalendarPushService {

    private static final System.Logger LOG = System.getLogger(DefaultCalendarPushService.class.getName());

    static final String NONE_INSTALLED = "No calendar integration is installed. Install one with Help > Install Calendar Plug-ins…, "
            + "or: peregrine-cli plugins install --repository URL|FOLDER|ZIP FEATURE";
    /** How a removal result names the calendar of an event Peregrine recorded without saying which. */
    static final String PEREGRINE_CALENDAR = "the calendar Peregrine used";

    private final JobStore store;
    private final WorkbenchSettings settings;
    /** ServiceReference order is ranking, then age: reversed, the preferred provider comes first. */
    private final Map<ServiceReference<CalendarProvider>, CalendarProvider> providers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final Map<Long, ReentrantLock> jobLocks = new ConcurrentHashMap<>();
    private final TimedCalls calls = new TimedCalls();

    @Activate
    public DefaultCalendarPushService(@Reference JobStore store, @Reference WorkbenchSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Deactivate
    void deactivate() {
        calls.close();
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

    // ---- what may be done: the one place of the rules ----

    /**
     * Where a push of a job would go now, or why it may not: from the job, local settings and the providers'
     * status alone.
     *
     * @param refusal   why the job may not be pushed; then the targets are empty
     * @param slot      the job's interview
     * @param targets   the providers to write to, in order
     * @param preferred whether the targets are only the preferred calendar, as no calendar named or holding the job was found
     * @param missing   a failure for each id of {@code calendar_targets:} that is not installed or not connected
     * @param order     the ids of the targets and of the missing, in the order their results are reported
     * @param connected every connected provider, preferred first
     */
    private record Plan(Optional<String> refusal, Optional<InterviewSlot> slot, List<CalendarProvider> targets, boolean preferred,
            List<PushResult.Failed> missing, List<String> order, List<CalendarProvider> connected) {

        static Plan refused(String refusal) {
            return new Plan(Optional.of(refusal), Optional.empty(), List.of(), false, List.of(), List.of(), List.of());
        }
    }

    /**
     * What a plan needs besides the job, read once for however many jobs are planned together: the plan's tier,
     * the active providers with their status (each provider reads its settings file for it), {@code calendar_targets:}
     * and the reminders an event gets.
     *
     * @param refusal why no job may be pushed now; then the providers' status and the targets are empty
     */
    private record Situation(Optional<String> refusal, List<CalendarProvider> active, Map<CalendarProvider, ProviderStatus> status,
            Optional<List<String>> listed, List<Duration> reminders) {

        static Situation refused(String refusal, List<CalendarProvider> active, List<Duration> reminders) {
            return new Situation(Optional.of(refusal), active, Map.of(), Optional.empty(), reminders);
        }

        /** @return the name users know the provider by, or its id when it is not installed */
        String label(String providerId) {
            if (providerId.isEmpty()) {
                return PEREGRINE_CALENDAR;
            }
            return active.stream().filter(p -> p.id().equals(providerId)).findFirst().map(CalendarProvider::label).orElse(providerId);
        }
    }

    private Situation situation() {
        // Whatever the plan, a card names the calendars that hold its event and says whether they are out of date.
        List<CalendarProvider> active = providers();
        List<Duration> reminders = settings.calendarReminders();
        Tier tier;
        try {
            tier = settings.tier();
        } catch (SettingsException broken) {
            return Situation.refused("Your plan could not be read, so nothing was pushed: " + broken.getMessage(), active, reminders);
        }
        if (!tier.includes(REQUIRED_TIER)) {
            return Situation.refused("Adding interviews to a calendar is part of the paid plan; your plan is " + tier.yamlName() + ".",
                    active, reminders);
        }
        Map<CalendarProvider, ProviderStatus> status = new IdentityHashMap<>();
        active.forEach(provider -> status.put(provider, ProviderStatus.of(provider)));
        return new Situation(Optional.empty(), active, status, settings.calendarTargets(), reminders);
    }

    private Plan plan(Job job, Situation situation) {
        Optional<InterviewSlot> slot = job.interview();
        if (slot.isEmpty()) {
            return Plan.refused("Set an interview date for \"" + job.title() + "\" before adding it to a calendar.");
        }
        if (situation.refusal().isPresent()) {
            return Plan.refused(situation.refusal().get());
        }
        List<CalendarProvider> active = situation.active();
        Map<CalendarProvider, ProviderStatus> status = situation.status();
        List<CalendarProvider> connected = active.stream().filter(p -> status.get(p).connected()).toList();
        if (connected.isEmpty()) {
            return Plan.refused(active.isEmpty() ? NONE_INSTALLED
                    : "No calendar is connected. " + active.stream().map(status::get).filter(ProviderStatus::setUp).findFirst()
                            .orElse(status.get(active.get(0))).message());
        }
        Optional<List<String>> listed = situation.listed();
        List<CalendarProvider> targets = new ArrayList<>();
        List<PushResult.Failed> missing = new ArrayList<>();
        List<String> order = new ArrayList<>();
        if (listed.isPresent()) {
            for (String id : listed.get()) {
                Optional<CalendarProvider> provider = active.stream().filter(p -> p.id().equals(id)).findFirst();
                if (provider.isEmpty()) {
                    missing.add(new PushResult.Failed(id, "\"" + id + "\" is in calendar_targets but no calendar plug-in of that id is installed."));
                } else if (!status.get(provider.get()).connected()) {
                    missing.add(new PushResult.Failed(id, provider.get().label() + " is in calendar_targets but not connected: "
                            + status.get(provider.get()).message()));
                } else {
                    targets.add(provider.get());
                }
                order.add(id);
            }
            // A calendar taken off the list keeps the event it holds in step: a stale time there would mislead.
            connected.stream().filter(p -> job.calendarLink(p.id()).isPresent() && !targets.contains(p)).forEach(holder -> {
                targets.add(holder);
                order.add(holder.id());
            });
            if (targets.isEmpty()) {
                return new Plan(Optional.of(missing.stream().map(PushResult.Failed::message).collect(Collectors.joining("\n"))),
                        slot, List.of(), false, missing, order, connected);
            }
        } else {
            // Today's rule: the calendars that hold the job, else the preferred one.
            connected.stream().filter(p -> job.calendarLink(p.id()).isPresent()).forEach(targets::add);
            targets.stream().map(CalendarProvider::id).forEach(order::add);
        }
        boolean preferred = targets.isEmpty();
        if (preferred) {
            targets.add(connected.get(0));
            order.add(connected.get(0).id());
        }
        // The job's first calendar first: its result is the one Peregrine itself sees.
        job.calendarLink().map(CalendarLink::providerId).filter(order::contains).ifPresent(first -> {
            order.remove(first);
            order.add(0, first);
        });
        targets.sort(Comparator.comparingInt(p -> order.indexOf(p.id())));
        return new Plan(Optional.empty(), slot, List.copyOf(targets), preferred, List.copyOf(missing), List.copyOf(order), connected);
    }

    /** @return the event as it would be pushed now with {@code reminders}, but for the company summary, which needs the database */
    private static CalendarEvent event(Job job, InterviewSlot slot, Optional<String> companySummary, List<Duration> reminders) {
        return InterviewEvents.of(job, slot, companySummary, ZoneId.systemDefault(), reminders);
    }

    @Override
    public CalendarOffer offer(Job job) {
        return offer(job, situation());
    }

    @Override
    public Map<Long, CalendarOffer> offers(Collection<Job> jobs) {
        Situation situation = situation();
        Map<Long, CalendarOffer> offers = new LinkedHashMap<>();
        jobs.forEach(job -> offers.put(job.id(), offer(job, situation)));
        return offers;
    }

    private CalendarOffer offer(Job job, Situation situation) {
        Plan plan = plan(job, situation);
        // The fingerprint leaves the description out, so the event without the company summary gives the same one.
        // Only a job on a calendar needs it; the board asks this of every dated job.
        Optional<String> now = job.calendarLinks().isEmpty() ? Optional.empty()
                : job.interview().map(slot -> EventFingerprint.of(event(job, slot, Optional.empty(), situation.reminders())));
        List<CalendarOffer.Placement> placements = job.calendarLinks().stream()
                .map(link -> new CalendarOffer.Placement(link.providerId(), situation.label(link.providerId()), link.eventId(),
                        now.isPresent() && link.fingerprint().equals(now)))
                .toList();
        return new CalendarOffer(plan.refusal(), placements, plan.targets().stream().map(CalendarProvider::id).toList());
    }

    @Override
    public Optional<CalendarEvent> event(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        if (job.interview().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event(job, job.interview().get(), store.companySummary(jobId), settings.calendarReminders()));
    }

    // ---- push ----

    @Override
    public PushReport push(long jobId) {
        return locked(jobId, () -> pushLocked(jobId));
    }

    @Override
    public PushReport remove(long jobId) {
        return locked(jobId, () -> removeLocked(jobId));
    }

    @FunctionalInterface
    private interface JobWork {
        PushReport run() throws JobStoreException;
    }

    /** Pushes and removals of the same job, one at a time. */
    private PushReport locked(long jobId, JobWork work) {
        ReentrantLock lock = jobLocks.computeIfAbsent(jobId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.run();
        } catch (JobStoreException e) {
            return PushReport.refused(e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private PushReport pushLocked(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        Plan plan = plan(job, situation());
        if (plan.refusal().isPresent()) {
            return plan.missing().isEmpty() ? PushReport.refused(plan.refusal().get()) : new PushReport(List.<PushResult>copyOf(plan.missing()));
        }
        CalendarEvent event = event(job, plan.slot().orElseThrow(), store.companySummary(jobId), settings.calendarReminders());
        String fingerprint = EventFingerprint.of(event);
        Duration limit = settings.calendarTimeout();
        List<PushResult> results = new ArrayList<>(plan.missing());
        List<CalendarProvider> targets = new ArrayList<>(plan.targets());
        List<String> order = new ArrayList<>(plan.order());
        Optional<CalendarLink> peregrine = job.calendarLink("");
        if (peregrine.isPresent()) {
            Attempt adopted = adopt(peregrine.get(), plan.connected(), event, limit);
            if (adopted.failure() != null) {
                // The event may well exist where the search failed; a create anywhere could leave it orphaned.
                return new PushReport(List.of(adopted.failure()));
            }
            if (adopted.written() != null) {
                // The calendar holding the job is a target of its own; the preferred one was only a stand-in for it.
                results.add(recorded(jobId, adopted, fingerprint));
                targets.remove(adopted.provider());
                // It holds the event Peregrine sees, the job's first: its result comes first.
                order.remove(adopted.provider().id());
                order.add(0, adopted.provider().id());
                if (plan.preferred()) {
                    targets.clear();
                }
            }
        }
        for (CalendarProvider target : targets) {
            Optional<RemoteEvent> known = job.calendarLink(target.id()).map(DefaultCalendarPushService::remoteEvent);
            Attempt attempt = attempt(target, known, event, limit, true);
            results.add(attempt.failure() != null ? attempt.failure() : recorded(jobId, attempt, fingerprint));
        }
        results.sort(Comparator.comparingInt(r -> order.indexOf(r.providerId())));
        return new PushReport(results);
    }

    /** @return the result of a write that succeeded, once the job records it */
    private PushResult recorded(long jobId, Attempt attempt, String fingerprint) {
        CalendarProvider provider = attempt.provider();
        RemoteEvent remote = attempt.written().event();
        if (remote == null) {
            return new PushResult.Failed(provider.id(), provider.label() + ": the calendar plug-in gave no event id. Nothing was recorded.");
        }
        try {
            store.putCalendarLink(jobId, new CalendarLink(provider.id(), remote.id(), remote.address(), remote.version(),
                    Optional.of(fingerprint), Optional.of(Instant.now())));
        } catch (JobStoreException e) {
            return new PushResult.Failed(provider.id(), "The interview is on " + provider.label()
                    + " but the job could not record it (" + e.getMessage() + "). Pushing again updates the same event.");
        }
        boolean created = attempt.written().created() && !remote.existed();
        return new PushResult.Pushed(provider.id(), provider.label(), remote.id(), created, provider.eventLink(remote.id()));
    }

    private static RemoteEvent remoteEvent(CalendarLink link) {
        return new RemoteEvent(link.eventId(), link.address(), link.version());
    }

    /**
     * An event Peregrine pushed names no provider: each connected one is asked, in order, to update it by its id,
     * and the first that has it keeps it. When none has it, the attempt holds neither a write nor a failure, and
     * the job's targets get the job's own event. Any failure other than "not found" ends the search: the event
     * may well exist, and guessing would duplicate it.
     */
    private Attempt adopt(CalendarLink link, List<CalendarProvider> connected, CalendarEvent event, Duration limit) {
        RemoteEvent known = RemoteEvent.of(link.eventId());
        for (CalendarProvider provider : connected) {
            Attempt attempt = attempt(provider, Optional.of(known), event, limit, false);
            if (!attempt.notFound()) {
                return attempt;
            }
        }
        return new Attempt(null, null, null, true);
    }

    /**
     * One provider's write, given up at {@code limit}.
     *
     * @param createWhenGone whether an update that finds the event gone creates it (else the attempt reports "not found")
     */
    private Attempt attempt(CalendarProvider provider, Optional<RemoteEvent> known, CalendarEvent event, Duration limit,
            boolean createWhenGone) {
        try {
            return new Attempt(provider, calls.run(() -> write(provider, known, event, createWhenGone), limit), null, false);
        } catch (CalendarException failure) {
            Attempt failed = Attempt.failed(provider, provider.label() + ": " + failure.getMessage());
            return failure.kind() == CalendarException.Kind.NOT_FOUND && !createWhenGone
                    ? new Attempt(provider, null, failed.failure(), true) : failed;
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            return Attempt.failed(provider, notDone(provider, e, limit,
                    "Nothing was recorded; try again later. Pushing again never makes a second event.", "Nothing was recorded."));
        }
    }

    /**
     * @param givenUp what a call given up leaves behind, for the user
     * @param failed  what a call that failed leaves behind
     * @return the message of a call that timed out, was stopped or met a provider's bug
     */
    private static String notDone(CalendarProvider provider, Exception e, Duration limit, String givenUp, String failed) {
        return switch (e) {
            case TimeoutException timeout -> provider.label() + ": the calendar did not answer within " + seconds(limit) + ". " + givenUp;
            case InterruptedException stopped -> {
                Thread.currentThread().interrupt();
                yield provider.label() + ": stopped before the calendar answered. " + givenUp;
            }
            default -> {
                // A provider's bug: its message may hold anything, so the user sees only its kind; the log has the rest.
                LOG.log(System.Logger.Level.ERROR, "Calendar provider " + provider.id() + " failed", e);
                yield provider.label() + ": the calendar plug-in failed unexpectedly (" + e.getClass().getSimpleName() + "). " + failed;
            }
        };
    }

    /** A provider's write: what it wrote, or why it did not; {@code notFound} when an update found no such event. */
    private record Attempt(CalendarProvider provider, Written written, PushResult.Failed failure, boolean notFound) {
        static Attempt failed(CalendarProvider provider, String message) {
            return new Attempt(provider, null, new PushResult.Failed(provider.id(), message), false);
        }
    }

    /** What the provider did: the event as it holds it now (null if the provider broke its contract), and whether it was created. */
    private record Written(RemoteEvent event, boolean created) {
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

    // ---- remove ----

    private PushReport removeLocked(long jobId) throws JobStoreException {
        Job job = store.job(jobId);
        if (job.calendarLinks().isEmpty()) {
            return PushReport.refused("\"" + job.title() + "\" is on no calendar.");
        }
        Duration limit = settings.calendarTimeout();
        List<PushResult> results = new ArrayList<>();
        for (CalendarLink link : job.calendarLinks()) {
            results.add(link.fromPeregrine() ? removePeregrines(jobId, link, limit) : remove(jobId, link, limit));
        }
        return new PushReport(results);
    }

    private PushResult remove(long jobId, CalendarLink link, Duration limit) {
        String id = link.providerId();
        Optional<CalendarProvider> installed = providers().stream().filter(p -> p.id().equals(id)).findFirst();
        if (installed.isEmpty()) {
            return new PushResult.Failed(id, "The calendar plug-in \"" + id + "\" is not installed, so the event is still on that calendar"
                    + " and the job still records it. Install the plug-in again to remove it.");
        }
        CalendarProvider provider = installed.get();
        ProviderStatus status = ProviderStatus.of(provider);
        if (!status.connected()) {
            return new PushResult.Failed(id, provider.label() + " is not connected (" + status.message()
                    + "), so the event is still on it and the job still records it.");
        }
        Optional<String> failure = delete(provider, remoteEvent(link), limit);
        if (failure.isPresent()) {
            return new PushResult.Failed(id, failure.get());
        }
        return forgotten(jobId, link, provider.label());
    }

    /**
     * Peregrine records an event's id without its calendar. The id is the event's own (an iCalendar UID, a Google
     * event id), which no other event shares, so deleting it on a calendar that does not hold it deletes nothing
     * (and a delete of a missing event succeeds, by the provider contract). Asking only one calendar, say the
     * preferred one, could leave the event on another while the job forgot it; so every connected calendar is
     * asked, and the link is forgotten only when every one of them answered.
     */
    private PushResult removePeregrines(long jobId, CalendarLink link, Duration limit) {
        List<CalendarProvider> connected = providers().stream().filter(p -> ProviderStatus.of(p).connected()).toList();
        if (connected.isEmpty()) {
            return new PushResult.Failed("", "No calendar is connected, so the event Peregrine recorded is still on its calendar"
                    + " and the job still records it.");
        }
        RemoteEvent event = RemoteEvent.of(link.eventId());
        for (CalendarProvider provider : connected) {
            Optional<String> failure = delete(provider, event, limit);
            if (failure.isPresent()) {
                return new PushResult.Failed("", failure.get());
            }
        }
        return forgotten(jobId, link, PEREGRINE_CALENDAR);
    }

    /** @return the failure's message, for the user; empty when the event is gone from the calendar */
    private Optional<String> delete(CalendarProvider provider, RemoteEvent event, Duration limit) {
        String consequence = "The event is still on " + provider.label() + " and the job still records it.";
        try {
            calls.run(() -> {
                provider.delete(event);
                return event;
            }, limit);
            return Optional.empty();
        } catch (CalendarException failure) {
            return failure.kind() == CalendarException.Kind.NOT_FOUND ? Optional.empty()
                    : Optional.of(provider.label() + ": " + failure.getMessage() + " " + consequence);
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            return Optional.of(notDone(provider, e, limit, consequence, consequence));
        }
    }

    private PushResult forgotten(long jobId, CalendarLink link, String label) {
        try {
            store.removeCalendarLink(jobId, link.providerId());
        } catch (JobStoreException e) {
            return new PushResult.Failed(link.providerId(), "The event was removed from " + label + " but the job could not forget it ("
                    + e.getMessage() + "). Removing again finds it gone.");
        }
        return new PushResult.Removed(link.providerId(), label, link.eventId());
    }

    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
