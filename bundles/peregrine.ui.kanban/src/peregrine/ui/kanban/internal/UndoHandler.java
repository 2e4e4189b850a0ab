package peregrine.ui.kanban.internal;

import java.util.Objects;
import java.util.stream.Stream;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

/**
 * Edit → Undo, and the one place that decides what it takes back: while the active view has unsaved changes (a job's
 * own view being typed in), those; otherwise the last change of a job on the board (a move, a reject, a date change or a
 * save). Its menu item says which.
 */
public class UndoHandler {

    /** The command's id in the application model, the platform's own for Undo. */
    public static final String COMMAND_ID = "org.eclipse.ui.edit.undo";
    static final String LABEL = "&Undo";

    /**
     * @param unsaved the active view's unsaved changes, if it has published any
     * @param item    the menu item being shown, whose label this names the change in; absent for a key binding
     */
    @CanExecute
    public boolean canExecute(@Optional @Named(Undoable.UNSAVED) Undoable unsaved, @Optional BoardController board,
            @Optional MItem item) {
        java.util.Optional<String> label = next(unsaved, board).flatMap(Undoable::undoLabel);
        if (item != null) {
            item.setLabel(label.map(change -> LABEL + " " + change).orElse(LABEL));
        }
        return label.isPresent();
    }

    @Execute
    public void execute(@Optional @Named(Undoable.UNSAVED) Undoable unsaved, @Optional BoardController board) {
        next(unsaved, board).ifPresent(Undoable::undo);
    }

    /** @return the first of {@code inTurn} that has something to undo */
    private static java.util.Optional<Undoable> next(Undoable... inTurn) {
        return Stream.of(inTurn).filter(Objects::nonNull).filter(u -> u.undoLabel().isPresent()).findFirst();
    }
}
