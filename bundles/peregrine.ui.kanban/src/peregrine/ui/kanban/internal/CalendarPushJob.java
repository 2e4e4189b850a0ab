package peregrine.ui.kanban.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import peregrine.calendar.PushReport;

/**
 * Pushes one job's interview to its calendars, or removes its events from them, in the background. The call
 * ({@code CalendarPushService.push} or {@code remove}) cannot be stopped half
 * way (the service takes no progress monitor, and a provider finishes or times out on its own), so it
 * runs on a thread of its own while this job watches for cancellation: cancelling ends the job at
 * once, and the push, which is idempotent, completes or fails unobserved by the user's wait. Every push
 * belongs to {@link #FAMILY}, which the status line follows, and to the board that started it.
 */
final class CalendarPushJob extends Job {

    /** The family of every calendar push job. */
    static final Object FAMILY = CalendarPushJob.class;

    /** How often the job looks for the user's cancel while the push runs. */
    private static final long POLL_MILLIS = 100;

    private final Supplier<PushReport> call;
    private final Object board;
    private final Consumer<PushOutcome> report;

    /**
     * @param name   what the push does, for the status line, e.g. "Adding Engineer @ Acme to the calendar"
     * @param call   the push or removal, e.g. {@code () -> service.push(id)}; blocks
     * @param board  the family of the board's background work, which this job joins
     * @param report receives the outcome, on a background thread: once when the push ends or is
     *               cancelled, and once more when a cancelled push completes after all
     */
    CalendarPushJob(String name, Supplier<PushReport> call, Object board, Consumer<PushOutcome> report) {
        super(name);
        this.call = call;
        this.board = board;
        this.report = report;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        CompletableFuture<PushReport> push = new CompletableFuture<>();
        Thread.ofVirtual().name(getName()).start(() -> {
            try {
                push.complete(call.get());
            } catch (RuntimeException e) {
                push.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    report.accept(new PushOutcome.Finished(push.get(POLL_MILLIS, TimeUnit.MILLISECONDS)));
                    return Status.OK_STATUS;
                } catch (TimeoutException stillRunning) {
                    if (monitor.isCanceled()) {
                        report.accept(new PushOutcome.Cancelled());
                        // Only a push that did reach the calendar changes what the card must say.
                        push.thenAccept(late -> {
                            if (late.ok()) {
                                report.accept(new PushOutcome.Finished(late));
                            }
                        });
                        return Status.CANCEL_STATUS;
                    }
                }
            }
        } catch (ExecutionException e) {
            // A bug, not a state of the calendar: the user gets a sentence, the log gets the trace.
            report.accept(new PushOutcome.Finished(PushReport.refused(
                    getName() + " failed unexpectedly. Details are in the error log.")));
            return Status.error(getName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.accept(new PushOutcome.Cancelled());
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY || family == board;
    }
}
