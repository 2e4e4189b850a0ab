package peregrine.p2.ui.internal;

import java.io.File;
import java.util.function.Predicate;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.framework.log.FrameworkLog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Help → Show Log: opens the workbench's log file (the workspace's {@code .metadata/.log}, or wherever
 * {@code osgi.logfile} puts it) with the desktop's opener for it, or says there is no log yet.
 */
public final class ShowLogHandler {

    static final String TITLE = "Show Log";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional FrameworkLog log) {
        show(shell, log == null ? null : log.getFile(), Program::launch);
    }

    /**
     * @param opener opens a file with the desktop's application for it; false when none would
     */
    static void show(Shell shell, File log, Predicate<String> opener) {
        if (log == null || !log.isFile() || log.length() == 0) {
            MessageDialog.openInformation(shell, TITLE, "No log yet: nothing has been logged"
                    + (log == null ? "." : " (the log file would be " + log + ")."));
        } else if (!opener.test(log.getAbsolutePath())) {
            MessageDialog.openError(shell, TITLE, "The desktop has no application to open " + log + ". Open it in a text editor.");
        }
    }
}
