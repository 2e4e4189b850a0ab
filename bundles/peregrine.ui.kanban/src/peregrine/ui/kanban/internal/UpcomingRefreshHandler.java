package peregrine.ui.kanban.internal;

import org.eclipse.e4.core.di.annotations.Execute;

/** Refresh (F5) while the upcoming interviews are the active part: reads them again. */
public class UpcomingRefreshHandler {

    @Execute
    public void execute(UpcomingPart upcoming) {
        upcoming.refresh();
    }
}
