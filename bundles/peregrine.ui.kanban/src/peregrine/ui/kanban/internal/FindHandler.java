package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Puts the keyboard focus in the board's search field (Ctrl+F). It can run while the board is open, whose filter the window's context then holds. */
public class FindHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.find";

    @CanExecute
    public boolean canExecute(@Optional BoardFilter filter) {
        return filter != null;
    }

    @Execute
    public void execute(BoardFilter filter) {
        filter.focus();
    }
}
