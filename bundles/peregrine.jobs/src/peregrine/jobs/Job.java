package peregrine.jobs;

import java.util.Optional;

/**
 * One row of Peregrine's {@code jobs} table, as far as the workbench uses it. Text columns that are
 * NULL in the database are empty strings here, except where the absence itself means something.
 *
 * @param id             the row id
 * @param title          the job title
 * @param company        the company
 * @param url            the listing's address; may be empty
 * @param status         {@code jobs.status} as stored; see {@link #stage()}
 * @param appliedAt      when the job was applied to, as Peregrine wrote it, if known
 * @param rejectionStage for a rejected job, the stage it was rejected at, if recorded
 * @param interview      the interview slot, if a date is set
 * @param calendarLink   the calendar event that holds the interview, if one was pushed
 */
public record Job(long id, String title, String company, String url, String status, Optional<String> appliedAt,
        Optional<String> rejectionStage, Optional<InterviewSlot> interview, Optional<CalendarLink> calendarLink) {

    /** @return the job's stage, or empty when {@link #status()} is a value this version does not know */
    public Optional<Stage> stage() {
        return Stage.fromDbValue(status);
    }
}
