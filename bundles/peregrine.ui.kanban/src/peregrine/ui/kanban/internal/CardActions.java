package peregrine.ui.kanban.internal;

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

    void openListing(Job job);
}
