package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Reads the Interviews board again from the store. It can run while the board is open, whose controller the window's context then holds. */
public class RefreshHandler {

    @CanExecute
    public boolean canExecute(@Optional BoardController board) {
        return board != null;
    }

    @Execute
    public void execute(BoardController board) {
        board.refresh();
    }
}
