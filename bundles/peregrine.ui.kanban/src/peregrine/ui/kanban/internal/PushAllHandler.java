package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

/**
 * Adds every interview the board shows to its calendars, or updates the events they already have: each job
 * the push service offers to push, of those the board's filter lets through. It can run when at least one such
 * card is not being pushed already and no other "push all" runs. While the filter hides jobs, its menu item says
 * that it pushes only those shown.
 */
public class PushAllHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.pushAll";
    /** The menu item's label, as the application model has it. */
    static final String LABEL = "Push A&ll Interviews";
    /** The menu item's label while the board's filter hides jobs. */
    static final String SHOWN_LABEL = "Push A&ll Shown Interviews";

    /** @param item the menu item being shown, whose label follows the filter; absent for a key binding */
    @CanExecute
    public boolean canExecute(@Optional BoardController board, @Optional MItem item) {
        if (item != null) {
            item.setLabel(board != null && board.filtered() ? SHOWN_LABEL : LABEL);
        }
        return board != null && board.canPushAll();
    }

    @Execute
    public void execute(BoardController board) {
        board.pushAll();
    }
}
