package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * When a job's interview is, in the user's time zone, and the order of interviews by it: soonest first, on one day those
 * with a time of day before those without, and jobs with no interview date last. The one order of the board's interview
 * columns and of the upcoming interviews.
 */
final class InterviewOrder {

    /** Soonest first, undated last; a stable sort keeps the order of jobs whose interviews are at the same time. */
    static final Comparator<Job> SOONEST_FIRST = Comparator
            .comparing((Job job) -> job.interview().map(InterviewOrder::day), Comparator.comparing(
                    (Optional<LocalDate> day) -> day.orElse(LocalDate.MAX)))
            .thenComparing(job -> job.interview().flatMap(InterviewOrder::time),
                    Comparator.comparing((Optional<LocalTime> time) -> time.orElse(LocalTime.MAX)));

    private InterviewOrder() {
    }

    /** @return the interview's day in the user's zone: a time of day in another zone may fall on another day here */
    static LocalDate day(InterviewSlot slot) {
        return InterviewRow.localStart(slot).map(ZonedDateTime::toLocalDate).orElse(slot.date());
    }

    /** @return the interview's time of day in the user's zone, if it has one */
    static Optional<LocalTime> time(InterviewSlot slot) {
        return InterviewRow.localStart(slot).map(ZonedDateTime::toLocalTime);
    }
}
