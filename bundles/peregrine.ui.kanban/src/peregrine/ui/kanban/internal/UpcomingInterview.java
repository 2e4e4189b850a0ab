package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarPushService;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;

/**
 * One row of the upcoming interviews: a phone-screen or interviewing job with an interview date, when it is in the
 * user's zone, whether it is past, and its calendar state in the board's words.
 *
 * @param job      the job
 * @param day      the interview's day in the user's zone
 * @param time     its time of day there, if it has one
 * @param past     whether it has begun: a time of day before now, or a day without one before today
 * @param calendar the calendars that hold it, or why it cannot be pushed, as the board's cards say it
 */
record UpcomingInterview(Job job, LocalDate day, Optional<LocalTime> time, boolean past, String calendar) {

    /**
     * Reads the interview stages' dated jobs, soonest first, and asks the push service about each; blocks: call it off
     * the display thread.
     */
    static List<UpcomingInterview> read(JobStore store, CalendarPushService push, ZonedDateTime now) throws JobStoreException {
        // Only the stages that take a date are read: the rest of a big board is no business of this list.
        List<Job> jobs = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage.takesInterviewDate()) {
                jobs.addAll(store.list(Optional.of(stage)));
            }
        }
        List<Job> dated = jobs.stream().filter(job -> job.interview().isPresent()).sorted(InterviewOrder.SOONEST_FIRST).toList();
        Map<Long, CalendarOffer> offers = push.offers(dated);
        return dated.stream().map(job -> of(job, offers.get(job.id()), now)).toList();
    }

    private static UpcomingInterview of(Job job, CalendarOffer offer, ZonedDateTime now) {
        InterviewSlot slot = job.interview().orElseThrow();
        boolean past = InterviewRow.localStart(slot).map(start -> start.isBefore(now))
                .orElseGet(() -> InterviewOrder.day(slot).isBefore(now.toLocalDate()));
        return new UpcomingInterview(job, InterviewOrder.day(slot), InterviewOrder.time(slot), past, calendarState(offer));
    }

    /**
     * @return what a card says of its interview's calendars: the ones out of date, else the ones that hold it, else why it
     *         cannot be pushed, else its button's offer
     */
    static String calendarState(CalendarOffer offer) {
        if (offer.outOfDate()) {
            return InterviewRow.OUT_OF_DATE + labels(offer.calendars().stream().filter(c -> !c.upToDate()));
        }
        if (offer.onCalendar()) {
            return InterviewRow.ON_CALENDAR + labels(offer.calendars().stream());
        }
        return offer.refusal().orElse(InterviewRow.ADD_TO_CALENDAR);
    }

    private static String labels(Stream<CalendarOffer.Placement> calendars) {
        return String.join(", ", calendars.map(CalendarOffer.Placement::label).toList());
    }
}
