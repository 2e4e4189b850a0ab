package peregrine.ui.kanban.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Control;

import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;

/**
 * Runs calls on the {@link JobStore} in background jobs, one at a time in the order they were asked
 * for, and hands each outcome back on the display thread. An outcome that arrives after its owner is
 * disposed is dropped: there is nothing left to show it in. The background jobs belong to the job family
 * given at construction, so that whoever owns them can find them in the job manager.
 */
final class StoreCalls {

    /** A call on the store; it may block. */
    @FunctionalInterface
    interface StoreCall<T> {
        T call(JobStore store) throws JobStoreException;
    }

    private final JobStore store;
    private final UISynchronize sync;
    private final Control owner;
    private final Object family;
    // Calls on one board queue behind each other, so a reload never overtakes the change it shows.
    private final ISchedulingRule oneAtATime = new SerialRule();

    StoreCalls(JobStore store, UISynchronize sync, Control owner, Object family) {
        this.store = store;
        this.sync = sync;
        this.owner = owner;
        this.family = family;
    }

    /**
     * @param name      what the call does, for the progress view and the log
     * @param call      runs in the background
     * @param succeeded receives the result on the display thread
     * @param failed    receives a message written for the user on the display thread
     * @return done on the display thread once the outcome was handed over (or dropped, or the call never ran): for a
     *         caller that must wait for it with the event loop running, e.g. {@code BusyIndicator.showWhile}
     */
    <T> CompletableFuture<Void> run(String name, StoreCall<T> call, Consumer<T> succeeded, Consumer<String> failed) {
        Job job = job(name, call, succeeded, failed);
        job.setRule(oneAtATime);
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        // The job posts its outcome before it is done, so this comes after it on the display thread.
        job.addJobChangeListener(IJobChangeListener.onDone(done -> sync.asyncExec(() -> handedOver.complete(null))));
        job.schedule();
        return handedOver;
    }

    /**
     * As {@link #run}, but {@code delayMillis} later and beside the queue: for reads that may overtake each other, such as a
     * search typed on, whose caller keeps only the newest answer. The job is returned so that the caller can cancel
     * it while it still waits.
     */
    <T> Job runBeside(String name, long delayMillis, StoreCall<T> call, Consumer<T> succeeded, Consumer<String> failed) {
        Job job = job(name, call, succeeded, failed);
        job.setSystem(true);
        job.schedule(delayMillis);
        return job;
    }

    private <T> Job job(String name, StoreCall<T> call, Consumer<T> succeeded, Consumer<String> failed) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T result = call.call(store);
                    onDisplay(() -> succeeded.accept(result));
                    return Status.OK_STATUS;
                } catch (JobStoreException e) {
                    onDisplay(() -> failed.accept(e.getMessage()));
                    return Status.OK_STATUS;
                } catch (RuntimeException e) {
                    // A bug, not a state of the file: the user gets a sentence, the log gets the trace.
                    onDisplay(() -> failed.accept(name + " failed unexpectedly. Details are in the error log."));
                    return Status.error(name + " failed", e);
                }
            }

            @Override
            public boolean belongsTo(Object candidate) {
                return candidate == family;
            }
        };
        return job;
    }

    private void onDisplay(Runnable update) {
        sync.asyncExec(() -> {
            if (!owner.isDisposed()) {
                update.run();
            }
        });
    }
}
