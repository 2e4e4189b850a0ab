package peregrine.jobs;

import java.util.Map;

/**
 * A job's state at one moment, as far as the workbench writes it (stage, its stamps, the interview slot, the listing
 * columns, the notes): what {@link JobStore#restore(JobSnapshot, JobSnapshot)} puts back. Its content belongs to the
 * store that made it; callers only keep it and compare it.
 *
 * @param jobId   the job
 * @param columns the store's own record of the state; a column that is NULL is absent
 */
public record JobSnapshot(long jobId, Map<String, String> columns) {

    public JobSnapshot {
        columns = Map.copyOf(columns);
    }
}
