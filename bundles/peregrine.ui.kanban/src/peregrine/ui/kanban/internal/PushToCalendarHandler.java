package peregrine.ui.kanban.internal;

import java.util.OptionalLong;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;

import peregrine.jobs.Job;

/**
 * Adds a job's interview to the calendar, or updates the event it already has. The job is the one
 * named by the {@value #JOB_ID} parameter (a card's button passes it) or else the selected card's job
 * (the menu and the key binding). It can run when the board shows that job, the push service offers to
 * push it, and no push of that job is running ({@link BoardController#canPush(long)}).
 */
public class PushToCalendarHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.pushToCalendar";
    /** The id of the command's optional parameter: the job's id, as decimal text. */
    public static final String JOB_ID = "peregrine.ui.kanban.commandparameter.jobId";

    @CanExecute
    public boolean canExecute(@Optional @Named(JOB_ID) String jobId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Job selected, @Optional BoardController board) {
        OptionalLong id = target(jobId, selected);
        return board != null && id.isPresent() && board.canPush(id.getAsLong());
    }

    @Execute
    public void execute(@Optional @Named(JOB_ID) String jobId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Job selected, BoardController board) {
        OptionalLong id = target(jobId, selected);
        if (id.isPresent()) {
            board.push(id.getAsLong());
        }
    }

    private static OptionalLong target(String jobId, Job selected) {
        if (jobId != null) {
            try {
                return OptionalLong.of(Long.parseLong(jobId.strip()));
            } catch (NumberFormatException notAnId) {
                return OptionalLong.empty();
            }
        }
        return selected == null ? OptionalLong.empty() : OptionalLong.of(selected.id());
    }
}
