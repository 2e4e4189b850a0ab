package peregrine.ui.kanban.internal;

import java.net.URI;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.Stage;

/**
 * What a card asks of the board. The board does the work off the display thread and redraws the
 * cards when it is done, so a card never holds on to a job after asking.
 */
interface CardActions {

    void move(Job job, Stage to);

    void reject(Job job);

    void saveInterview(Job job, InterviewSlot slot);

    /** Clears the job's interview date, time, duration and place. */
    void clearInterview(Job job);

    void openListing(Job job);

    /** Makes the job's card the selected one, which the menu and key binding of the board's commands act on. */
    void select(Job job);

    /** Adds the job's interview to the calendar, or updates its event, through the push command. */
    void pushToCalendar(Job job);

    /** Removes the job's events from every calendar that holds them. */
    void removeFromCalendar(Job job);

    /** Asks where to, then writes the job's interview as a calendar file. */
    void exportEvent(Job job);

    /** Opens the job in its own view beside the board, through the open-job command. */
    void openJob(Job job);

    /** Opens a calendar event's page in the user's browser. */
    void openEvent(URI link);
}
