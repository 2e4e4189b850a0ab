package peregrine.ui.kanban.internal;

import java.util.Optional;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.DefaultOperationHistory;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import peregrine.jobs.Job;
import peregrine.jobs.JobChangedException;
import peregrine.jobs.JobSnapshot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.UnknownJobException;
import peregrine.ui.kanban.internal.StoreCalls.StoreCall;

/**
 * The undo history of the changes a window made to jobs: each is an operation in the platform's
 * {@link IOperationHistory}, in one undo context, holding the job's {@link JobSnapshot} before and after it. Undoing
 * puts the job back with {@link JobStore#restore}, which refuses when anything changed the job since; a refused
 * change is dropped from the history. The job's calendar events are not part of it: an undone date change leaves the
 * event as it is, and the card then says the calendar is out of date.
 * <p>
 * The board part makes one and publishes it in its window's context, where any view of jobs injects it and records
 * its own changes: {@link #undoable} wraps a store call, or {@link #record} takes snapshots the view made. Both run
 * off the display thread with the write; the history itself may be used from any thread.
 */
final class JobUndo {

    private final JobStore store;
    private final IOperationHistory history = new DefaultOperationHistory();
    private final IUndoContext jobs = new ObjectUndoContext(this, "Jobs");

    JobUndo(JobStore store) {
        this.store = store;
    }

    /**
     * @param label what the change is, as the menu names it after "Undo", e.g. {@code "Reject"}
     * @return {@code write}, which changes the job {@code jobId}, made undoable: it snapshots the job before and after
     *         and records the change if it changed anything. It runs where {@code write} would, in the background.
     */
    <T> StoreCall<T> undoable(String label, long jobId, StoreCall<T> write) {
        return s -> {
            JobSnapshot before = s.snapshot(jobId);
            T result = write.call(s);
            record(label, jobId, before, s.snapshot(jobId));
            return result;
        };
    }

    /**
     * Records a change the caller made to the job between the two snapshots; one that changed nothing is not recorded.
     *
     * @param label what the change is, as the menu names it after "Undo", e.g. {@code "Edit"}
     */
    void record(String label, long jobId, JobSnapshot before, JobSnapshot after) {
        if (before.jobId() != jobId || after.jobId() != jobId) {
            throw new IllegalArgumentException("Snapshots of job " + before.jobId() + " and " + after.jobId() + ", not " + jobId);
        }
        if (before.equals(after)) {
            return;
        }
        Change change = new Change(label, before, after);
        change.addContext(jobs);
        history.add(change);
    }

    /** @return what {@link #undoLast()} would undo, e.g. {@code "Reject"}; empty when there is nothing to undo */
    Optional<String> undoLabel() {
        return Optional.ofNullable(history.getUndoOperation(jobs)).map(IUndoableOperation::getLabel);
    }

    /**
     * Undoes the last change recorded; blocks on the store.
     *
     * @return the job as it is now, undone; empty when there was nothing to undo
     * @throws JobChangedException if the job changed since, {@link UnknownJobException} if it is gone: the change is
     *                              dropped from the history, and nothing was written
     */
    StoreCall<Optional<Job>> undoLast() {
        // the change restores on the store it was recorded for, which is the store this call is given
        return s -> {
            IUndoableOperation last = history.getUndoOperation(jobs);
            if (!(last instanceof Change change)) {
                return Optional.empty();
            }
            try {
                history.undoOperation(change, null, null);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof JobChangedException || e.getCause() instanceof UnknownJobException) {
                    // it can never be undone now: the next Undo goes on to the change before it
                    history.replaceOperation(change, new IUndoableOperation[0]);
                    throw (JobStoreException) e.getCause();
                }
                if (e.getCause() instanceof JobStoreException failed) {
                    // the file could not be written (busy, gone): the change stays, to be undone once it can
                    throw failed;
                }
                throw new IllegalStateException(e);
            }
            // no redo: what was undone cannot come back, so the history keeps nothing of it
            history.dispose(jobs, false, true, false);
            return Optional.of(change.undone);
        };
    }

    /** One change of one job: its state before and after, and the job as the undo left it. */
    private final class Change extends AbstractOperation {
        private final JobSnapshot before;
        private final JobSnapshot after;
        private Job undone;

        Change(String label, JobSnapshot before, JobSnapshot after) {
            super(label);
            this.before = before;
            this.after = after;
        }

        /** Recorded after the store made it: the history never executes it. */
        @Override
        public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
            return Status.OK_STATUS;
        }

        @Override
        public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
            try {
                undone = store.restore(before, after);
                return Status.OK_STATUS;
            } catch (JobStoreException e) {
                throw new ExecutionException(e.getMessage(), e);
            }
        }

        @Override
        public boolean canRedo() {
            return false;
        }

        @Override
        public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
            return Status.CANCEL_STATUS;
        }
    }
}
