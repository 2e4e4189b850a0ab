package peregrine.ui.kanban.internal;

import java.util.Optional;

/**
 * What Edit → Undo can take back, as {@link UndoHandler} chooses it: the unsaved changes of the active view first, which
 * a view publishes in its own context under {@link #UNSAVED}, then the board's last change of a job
 * ({@link BoardController}).
 */
interface Undoable {

    /** The context key of a view's unsaved changes; the active part's context is where Undo looks. */
    String UNSAVED = "peregrine.ui.kanban.undoable.unsaved";

    /** @return what {@link #undo()} takes back, as the menu names it after "Undo"; empty when there is nothing */
    Optional<String> undoLabel();

    /** Takes it back; some of the work may go on in the background. */
    void undo();
}
