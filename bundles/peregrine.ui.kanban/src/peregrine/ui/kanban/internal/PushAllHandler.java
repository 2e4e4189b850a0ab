package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/**
 * Adds every interview the board shows to its calendars, or updates the events they already have: each job
 * the push service offers to push. It can run when at least one such card is not being pushed already and no
 * other "push all" runs.
 */
public class PushAllHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.pushAll";

    @CanExecute
    public boolean canExecute(@Optional BoardController board) {
        return board != null && board.canPushAll();
    }

    @Execute
    public void execute(BoardController board) {
        board.pushAll();
    }
}
