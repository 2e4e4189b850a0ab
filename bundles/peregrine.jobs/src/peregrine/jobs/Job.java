package peregrine.jobs;

import java.util.List;
import java.util.Objects;
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
 * @param calendarLinks  the calendar events that hold the interview, at most one per provider, the one whose id
 *                       is in {@code jobs.calendar_event_id} (Peregrine's own column) first; empty when none was pushed
 */
public record Job(long id, String title, String company, String url, String status, Optional<String> appliedAt,
        Optional<String> rejectionStage, Optional<InterviewSlot> interview, List<CalendarLink> calendarLinks) {

    public Job {
        calendarLinks = List.copyOf(Objects.requireNonNull(calendarLinks, "calendarLinks"));
    }

    /** @return the job's stage, or empty when {@link #status()} is a value this version does not know */
    public Optional<Stage> stage() {
        return Stage.fromDbValue(status);
    }

    /** @return the job's first calendar link, the one Peregrine itself sees */
    public Optional<CalendarLink> calendarLink() {
        return calendarLinks.stream().findFirst();
    }

    /** @return the job's link to the calendar of {@code providerId} ({@code ""}: the one Peregrine recorded) */
    public Optional<CalendarLink> calendarLink(String providerId) {
        return calendarLinks.stream().filter(link -> link.providerId().equals(providerId)).findFirst();
    }
}
