package peregrine.ui.kanban.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import peregrine.calendar.CalendarPushService;
import peregrine.settings.WorkbenchSettings;

/** Shows every active calendar integration with its status, and lets the user test its connection. */
public class CalendarIntegrationsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CalendarPushService push,
            WorkbenchSettings settings, UISynchronize sync) {
        new CalendarIntegrationsDialog(shell, push.providers(), settings, sync).open();
    }
}
