package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Adds every interview the board shows to the calendar, or updates the events they already have: the
 * phone-screen and interviewing cards with a saved interview date. It can run when a calendar is
 * connected, the plan includes calendar pushes, at least one such card is not being pushed already,
 * and no other "push all" runs.
 */
public class PushAllHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.pushAll";

    @CanExecute
    public boolean canExecute(@Optional EPartService parts) {
        return parts != null && BoardPart.in(parts).map(BoardPart::canPushAll).orElse(false);
    }

    @Execute
    public void execute(EPartService parts) {
        BoardPart.in(parts).ifPresent(BoardPart::pushAll);
    }
}
