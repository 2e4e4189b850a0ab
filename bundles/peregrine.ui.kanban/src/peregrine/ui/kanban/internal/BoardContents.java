package peregrine.ui.kanban.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;

/**
 * What the board shows, as read from the store in one go, with what the calendars offer for those jobs.
 *
 * @param board         the jobs of each known stage, in board order
 * @param otherStatuses the jobs whose status this version does not know
 * @param calendar      what the calendars offer for them
 */
record BoardContents(Map<Stage, List<Job>> board, List<Job> otherStatuses, CalendarView calendar) {

    /**
     * Reads the store, then asks the calendars about its jobs; blocks: call it off the display thread. The stages that
     * take an interview date are sorted by it ({@link InterviewOrder#SOONEST_FIRST}); the others stay as the store
     * gives them, newest first.
     */
    static BoardContents read(JobStore store, List<CalendarProvider> providers, CalendarPushService push,
            WorkbenchSettings settings) throws JobStoreException {
        Map<Stage, List<Job>> board = new EnumMap<>(Stage.class);
        store.board().forEach((stage, jobs) -> board.put(stage, stage.takesInterviewDate()
                ? jobs.stream().sorted(InterviewOrder.SOONEST_FIRST).toList() : jobs));
        BoardContents read = new BoardContents(board, store.otherStatuses(), CalendarView.NONE);
        return read.with(CalendarView.read(read.jobs(), providers, push, settings));
    }

    /** @return these jobs with {@code view} */
    BoardContents with(CalendarView view) {
        return new BoardContents(board, otherStatuses, view);
    }

    /** @return every job read */
    List<Job> jobs() {
        List<Job> all = new ArrayList<>(otherStatuses);
        board.values().forEach(all::addAll);
        return all;
    }
}
