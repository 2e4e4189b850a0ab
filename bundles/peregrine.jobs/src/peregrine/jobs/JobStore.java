package peregrine.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store of jobs: a Peregrine {@code staging.db} or anything that behaves as one.
 * <p>
 * Every method may block on I/O: call it off the UI thread. Every write is a single transaction: it
 * happens completely or, when a {@link JobStoreException} is thrown, not at all. Another process may
 * write the same store at the same time; a write never loses the other's.
 */
public interface JobStore {

    /** @return where the jobs live, for messages and for the user's information */
    Path location();

    /**
     * @return the jobs the Interviews board shows (every {@link Stage#onBoard()} stage), grouped by
     *         stage; each list newest first. A stage with no jobs maps to an empty list.
     */
    Map<Stage, List<Job>> board() throws JobStoreException;

    /**
     * @return the jobs whose {@code status} is a value this version does not know (written by a newer
     *         Peregrine, say), by status and then id: they are shown under their own status, never dropped
     */
    List<Job> otherStatuses() throws JobStoreException;

    /** @return the jobs at {@code stage}, or every job when {@code stage} is empty, by id */
    List<Job> list(Optional<Stage> stage) throws JobStoreException;

    /** @throws UnknownJobException if there is no such job */
    Job job(long id) throws JobStoreException;

    /**
     * @return the new job's id
     * @throws DuplicateListingException if another job has the listing already
     */
    long add(NewJob job) throws JobStoreException;

    /**
     * Moves a job to {@code stage}, stamping the stage's {@link Stage#stampColumn()} with the local
     * time as Peregrine does. Moving to {@link Stage#REJECTED} is {@link #reject(long)}.
     *
     * @return the job as it is now
     */
    Job move(long id, Stage stage) throws JobStoreException;

    /**
     * Rejects a job, recording the stage it was at in {@code rejection_stage}.
     *
     * @return the job as it is now
     */
    Job reject(long id) throws JobStoreException;

    /**
     * Sets or clears ({@code slot} empty) the interview date, time, zone, duration and place together. The job's
     * calendar links stay: clearing the date does not remove an event.
     *
     * @return the job as it is now
     */
    Job setInterview(long id, Optional<InterviewSlot> slot) throws JobStoreException;

    /**
     * Records the calendar event {@code link} as the job's link to {@code link.providerId()}'s calendar, replacing
     * the job's earlier link to that provider. {@code jobs.calendar_event_id}, which Peregrine reads, holds the
     * event id of the job's first link (by when it was first recorded); so a link Peregrine recorded, without a
     * provider, gives way to the first link recorded by the workbench.
     *
     * @return the job as it is now
     */
    Job putCalendarLink(long id, CalendarLink link) throws JobStoreException;

    /**
     * Forgets the job's link to the calendar of {@code providerId} ({@code ""}: the event Peregrine recorded, which
     * clears {@code jobs.calendar_event_id} when it holds no other link's id). Forgetting a link that is not
     * there changes nothing.
     *
     * @return the job as it is now
     */
    Job removeCalendarLink(long id, String providerId) throws JobStoreException;

    /**
     * @return the first line of the company research's {@code company_brief} for the job, if there
     *         is research with a brief
     */
    Optional<String> companySummary(long id) throws JobStoreException;

    /** @throws UnknownJobException if there is no such job */
    JobDetails details(long id) throws JobStoreException;

    /**
     * Writes every field of {@code edit} in one transaction: the listing columns, the notes and the interview slot (as
     * {@link #setInterview(long, Optional)} does).
     *
     * @return the job as it is now
     * @throws IllegalArgumentException   if {@code edit} has {@link JobEdit#problems()}
     * @throws DuplicateListingException if another job has the edit's listing already
     */
    Job edit(long id, JobEdit edit) throws JobStoreException;

    /**
     * @return the ids of the jobs whose title, company, location or notes contain {@code text}, ignoring case (in any
     *         script); every job when {@code text} is blank
     */
    Set<Long> find(String text) throws JobStoreException;

    /** @return the job's state as far as the workbench writes it, to be {@link #restore restored} later (undo) */
    JobSnapshot snapshot(long id) throws JobStoreException;

    /**
     * Puts a job back as it was at {@code to}, in one transaction, if it is still as it was at {@code from}: an undo
     * never overwrites what another process or a later action changed since.
     *
     * @return the job as it is now
     * @throws JobChangedException if the job is no longer as at {@code from}; nothing was written
     * @throws IllegalArgumentException if the snapshots are of different jobs
     */
    Job restore(JobSnapshot to, JobSnapshot from) throws JobStoreException;
}
