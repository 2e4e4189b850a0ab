package peregrine.calendar.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.settings.WorkbenchSettings;

/** The push service over whichever {@link CalendarProvider}s are registered, highest ranking first. */
@Component(service = CalendarPushService.class)
public final class DefaultCalendarPushService implements CalendarPushService {

    private final JobStore store;
    private final WorkbenchSettings settings;
    /** ServiceReference order is ranking, then age: reversed, the preferred provider comes first. */
    private final Map<ServiceReference<CalendarProvider>, CalendarProvider> providers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final Map<Long, ReentrantLock> jobLocks = new ConcurrentHashMap<>();

    @Activate
    public DefaultCalendarPushService(@Reference JobStore store, @Reference WorkbenchSettings settings) {
        this.store = store;
        this.settings = settings;
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
        String eventId;
        boolean created;
        try {
            if (holder.isPresent()) {
                String known = job.calendarLink().orElseThrow().eventId();
                try {
                    eventId = provider.update(known, event);
                    created = false;
                } catch (CalendarException e) {
                    if (e.kind() != CalendarException.Kind.NOT_FOUND) {
                        throw e;
                    }
                    // Deleted on the server: the interview still belongs on the calendar.
                    eventId = provider.create(event);
                    created = true;
                }
            } else {
                eventId = provider.create(event);
                created = true;
            }
        } catch (CalendarException e) {
            return new PushResult.Failed(provider.label() + ": " + e.getMessage());
        }
        try {
            store.setCalendarLink(jobId, Optional.of(new CalendarLink(provider.id(), eventId)));
        } catch (JobStoreException e) {
            return new PushResult.Failed("The interview is on " + provider.label()
                    + " but the job could not record it (" + e.getMessage() + "). Pushing again updates the same event.");
        }
        return new PushResult.Pushed(provider.id(), provider.label(), eventId, created, provider.eventLink(eventId));
    }
}
