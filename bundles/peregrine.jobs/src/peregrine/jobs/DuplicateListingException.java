package peregrine.jobs;

import java.util.Optional;

/**
 * A job may not take a listing address another job already has (Peregrine keeps {@code jobs.url} unique); nothing
 * was written. The message names that other job when the store could tell which it is.
 */
public class DuplicateListingException extends JobStoreException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final transient Job holder;

    /**
     * @param url    the listing address that was refused
     * @param holder the job that has it, if the store knows
     * @param where  where the jobs are kept, for the message when the holder is unknown (e.g. the file)
     */
    public DuplicateListingException(String url, Optional<Job> holder, String where) {
        super(holder.map(job -> "\u201c" + job.title() + "\u201d at " + job.company() + " (job " + job.id()
                + ") already has the listing " + url + ".").orElse("A job with the listing " + url + " is already in "
                        + where + "."));
        this.url = url;
        this.holder = holder.orElse(null);
    }

    /** @return the listing address that was refused */
    public String url() {
        return url;
    }

    /** @return the job that has the listing, if the store could tell */
    public Optional<Job> holder() {
        return Optional.ofNullable(holder);
    }
}
