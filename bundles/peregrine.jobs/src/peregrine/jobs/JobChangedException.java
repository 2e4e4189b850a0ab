package peregrine.jobs;

/** A job was changed since the state an action relied on, by another process or a later action; nothing was written. */
public class JobChangedException extends JobStoreException {
    private static final long serialVersionUID = 1L;

    public JobChangedException(long jobId, String title) {
        super("\u201c" + title + "\u201d (job " + jobId + ") was changed since; it was left as it is now.");
    }
}
