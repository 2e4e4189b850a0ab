package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Asks for a job and adds it to the Interviews board. It can run while the board is open, whose controller the window's context then holds. */
public class AddJobHandler {

    @CanExecute
    public boolean canExecute(@Optional BoardController board) {
        return board != null;
    }

    @Execute
    public void execute(BoardController board) {
        board.addJob();
    }
}
