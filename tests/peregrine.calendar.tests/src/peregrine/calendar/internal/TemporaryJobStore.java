package peregrine.calendar.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/**
 * TEMPORARY: a job store in memory with the put/remove link semantics of JobStore 0.4, until the SQLite store
 * implements them; drop this class (and its registration) once it does.
 */
final class TemporaryJobStore implements JobStore {

    private static volatile boolean registered;

    static synchronized void registerOnce(BundleContext context) {
        if (!registered) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Constants.SERVICE_RANKING, 1000);
            context.registerService(JobStore.class, new TemporaryJobStore(), properties);
            registered = true;
        }
    }

    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Path location() {
        return Path.of("memory");
    }

    @Override
    public synchronized Map<Stage, List<Job>> board() {
        Map<Stage, List<Job>> board = new EnumMap<>(Stage.class);
        jobs.values().forEach(j -> j.stage().ifPresent(s -> board.computeIfAbsent(s, k -> new ArrayList<>()).add(j)));
        return board;
    }

    @Override
    public List<Job> otherStatuses() {
        return List.of();
    }

    @Override
    public List<Job> list(Optional<Stage> stage) {
        return jobs.values().stream().filter(j -> stage.isEmpty() || j.stage().equals(stage)).toList();
    }

    @Override
    public Job job(long id) throws JobStoreException {
        Job job = jobs.get(id);
        if (job == null) {
            throw new UnknownJobException(id);
        }
        return job;
    }

    @Override
    public long add(NewJob job) {
        long id = ids.incrementAndGet();
        jobs.put(id, new Job(id, job.title(), job.company(), job.url(), job.stage().dbValue(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
        return id;
    }

    private synchronized Job replace(Job job) {
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public Job move(long id, Stage stage) throws JobStoreException {
        Job j = job(id);
        return replace(new Job(id, j.title(), j.company(), j.url(), stage.dbValue(), j.appliedAt(), j.rejectionStage(), j.interview(),
                j.calendarLinks()));
    }

    @Override
    public Job reject(long id) throws JobStoreException {
        return move(id, Stage.REJECTED);
    }

    @Override
    public Job setInterview(long id, Optional<InterviewSlot> slot) throws JobStoreException {
        Job j = job(id);
        return replace(new Job(id, j.title(), j.company(), j.url(), j.status(), j.appliedAt(), j.rejectionStage(), slot, j.calendarLinks()));
    }

    @Override
    public synchronized Job putCalendarLink(long id, CalendarLink link) throws JobStoreException {
        Job j = job(id);
        List<CalendarLink> links = new ArrayList<>(j.calendarLinks());
        int at = links.indexOf(j.calendarLink(link.providerId()).orElse(null));
        if (at >= 0) {
            links.set(at, link);
        } else {
            links.add(link);
        }
        if (!link.fromPeregrine()) {
            links.removeIf(CalendarLink::fromPeregrine); // Peregrine's gives way to the first the workbench records
        }
        return replace(new Job(id, j.title(), j.company(), j.url(), j.status(), j.appliedAt(), j.rejectionStage(), j.interview(), links));
    }

    @Override
    public synchronized Job removeCalendarLink(long id, String providerId) throws JobStoreException {
        Job j = job(id);
        List<CalendarLink> links = new ArrayList<>(j.calendarLinks());
        links.removeIf(l -> l.providerId().equals(providerId));
        return replace(new Job(id, j.title(), j.company(), j.url(), j.status(), j.appliedAt(), j.rejectionStage(), j.interview(), links));
    }

    @Override
    public Optional<String> companySummary(long id) {
        return Optional.empty();
    }
}
