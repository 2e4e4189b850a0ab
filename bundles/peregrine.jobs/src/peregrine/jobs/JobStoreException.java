package peregrine.jobs;

/**
 * A job store operation failed. The message is written for the user: it names the file or the job
 * concerned and says what to do, and never holds a secret. Nothing was written when this is thrown.
 */
public class JobStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobStoreException(String message) {
        super(message);
    }

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
