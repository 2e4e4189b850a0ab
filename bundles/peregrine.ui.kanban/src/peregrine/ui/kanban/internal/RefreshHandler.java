package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Reads the Interviews board again from the store. */
public class RefreshHandler {

    @CanExecute
    public boolean canExecute(@Optional EPartService parts) {
        return parts != null && BoardPart.in(parts).isPresent();
    }

    @Execute
    public void execute(EPartService parts) {
        BoardPart.in(parts).ifPresent(BoardPart::refresh);
    }
}
