package peregrine.cli.internal;

import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;

/** What the job commands share: the store, and a job and its stage as a user reads them. */
final class Jobs {

    private Jobs() {
    }

    static JobStore store(Command.Context context) throws CliException {
        return context.services().get(JobStore.class, "the job store");
    }

    /** @return a store failure as the user's error; its message is written for users */
    static CliException failed(JobStoreException e) {
        return CliException.error(e.getMessage());
    }

    /** @return e.g. {@code job 12 (Backend Engineer @ Acme)} */
    static String describe(Job job) {
        return "job " + job.id() + " (" + job.title() + " @ " + job.company() + ")";
    }

    /** @return the stage's label, or the stored status when this version does not know it ({@code (none)} when empty) */
    static String stageLabel(Job job) {
        return job.stage().map(Stage::label).orElse(job.status().isBlank() ? "(none)" : job.status());
    }
}
