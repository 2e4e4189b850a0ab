package peregrine.jobs;

/** The job named by an id does not exist (any more) in the store. */
public class UnknownJobException extends JobStoreException {
    private static final long serialVersionUID = 1L;

    private final long jobId;

    public UnknownJobException(long jobId) {
        super("There is no job with id " + jobId + ".");
        this.jobId = jobId;
    }

    /** @return the id that was asked for */
    public long jobId() {
        return jobId;
    }
}
