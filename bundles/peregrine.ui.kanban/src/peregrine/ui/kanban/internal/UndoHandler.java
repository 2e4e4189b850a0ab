package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

/** Undoes the last change of a job: a move, a reject, a date change or an edit. Its menu item says which. */
public class UndoHandler {

    /** The command's id in the application model, the platform's own for Undo. */
    public static final String COMMAND_ID = "org.eclipse.ui.edit.undo";
    static final String LABEL = "&Undo";

    /** @param item the menu item being shown, whose label this names the change in; absent for a key binding */
    @CanExecute
    public boolean canExecute(@Optional BoardController board, @Optional MItem item) {
        java.util.Optional<String> last = board == null ? java.util.Optional.empty() : board.undoLabel();
        if (item != null) {
            item.setLabel(last.map(label -> LABEL + " " + label).orElse(LABEL));
        }
        return last.isPresent();
    }

    @Execute
    public void execute(BoardController board) {
        board.undo();
    }
}
