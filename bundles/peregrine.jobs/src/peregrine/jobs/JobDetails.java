package peregrine.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a job's own view shows: the job as the board has it, Peregrine's other listing columns, the user's
 * notes, the company research, the job's e-mails and its stage history. Text columns that are NULL are empty strings.
 *
 * @param job      the job as {@link JobStore#job(long)} returns it
 * @param location {@code jobs.location}, where the job is (not where the interview is)
 * @param salary   {@code jobs.salary}, as Peregrine wrote it
 * @param notes    the user's notes, a column of the workbench's own
 * @param research the company research Peregrine gathered, if any
 * @param emails   the job's e-mails ({@code job_contacts}), oldest first
 * @param history  when the job entered each stage it has a stamp for, oldest first
 */
public record JobDetails(Job job, String location, String salary, String notes, Optional<CompanyResearch> research,
        List<JobEmail> emails, List<StageStamp> history) {

    public JobDetails {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(research, "research");
        emails = List.copyOf(emails);
        history = List.copyOf(history);
    }

    /**
     * Peregrine's research on the company ({@code company_research}); each text as Peregrine wrote it (Markdown).
     *
     * @param generatedAt   when it was gathered, as Peregrine wrote it; may be empty
     * @param brief         {@code company_brief}
     * @param talkingPoints {@code talking_points}
     * @param redFlags      {@code red_flags}; empty in a file older than that column
     */
    public record CompanyResearch(String generatedAt, String brief, String talkingPoints, String redFlags) {
    }

    /**
     * One e-mail about the job ({@code job_contacts}).
     *
     * @param subject    the subject
     * @param from       the sender's address
     * @param receivedAt when it arrived, as Peregrine wrote it
     * @param inbound    whether it was received ({@code direction} is not {@code outbound})
     */
    public record JobEmail(String subject, String from, String receivedAt, boolean inbound) {
    }

    /**
     * A stage the job entered and when, read from the stage's {@link Stage#stampColumn()} ({@code date_found} for
     * {@link Stage#PENDING}, {@code applied_at} for {@link Stage#APPLIED}).
     *
     * @param stage the stage
     * @param at    the stamp as Peregrine or the workbench wrote it, e.g. {@code 2026-10-20T14:05}
     */
    public record StageStamp(Stage stage, String at) {
    }
}
