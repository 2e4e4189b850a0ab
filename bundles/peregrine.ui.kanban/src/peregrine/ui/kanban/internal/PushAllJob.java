package peregrine.ui.kanban.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushReport;

/**
 * Pushes the interviews of many jobs in the background, a few at a time, through
 * {@link CalendarPushService#pushAll}. Cancelling starts no further push; those under way finish, as
 * each push is idempotent and cannot be stopped half way. Like a single push it belongs to
 * {@link CalendarPushJob#FAMILY}, which the status line follows, and to the board that started it.
 */
final class PushAllJob extends Job {

    /** Pushes at a time: a calendar server is shared, and four kept Radicale at 87 % of its own limit. */
    static final int CONCURRENCY = 4;

    private final CalendarPushService service;
    private final List<Long> jobIds;
    private final Object board;
    private final BiConsumer<Long, PushReport> pushed;
    private final Consumer<Set<Long>> ended;

    /**
     * @param board  the family of the board's background work, which this job joins
     * @param pushed receives each push's result as soon as it ends, on a background thread
     * @param ended  receives the jobs whose push never started because the user cancelled, once, last
     */
    PushAllJob(CalendarPushService service, List<Long> jobIds, Object board, BiConsumer<Long, PushReport> pushed,
            Consumer<Set<Long>> ended) {
        super("Pushing " + jobIds.size() + (jobIds.size() == 1 ? " interview" : " interviews") + " to the calendar");
        this.service = service;
        this.jobIds = List.copyOf(jobIds);
        this.board = board;
        this.pushed = pushed;
        this.ended = ended;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), jobIds.size());
        Set<Long> notStarted = new HashSet<>(jobIds);
        try {
            Map<Long, PushReport> results = service.pushAll(jobIds, CONCURRENCY, (id, result) -> {
                pushed.accept(id, result);
                monitor.worked(1);
            }, monitor::isCanceled);
            notStarted.removeAll(results.keySet());
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } finally {
            ended.accept(Set.copyOf(notStarted));
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == CalendarPushJob.FAMILY || family == board;
    }
}
