package peregrine.calendar.ics.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Shell;

import peregrine.calendar.ics.IcsCalendar;
import peregrine.settings.SettingsException;

/**
 * Calendar &gt; Open Interviews File: opens the provider's .ics file with the program the desktop associates with it
 * (SWT {@link Program#launch}), or says why it cannot. The settings are read off the UI thread.
 */
public class OpenInterviewsFileHandler {

    /** The file to open, or what to tell the user instead. */
    private record Outcome(Optional<Path> file, String problem) {
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IcsCalendar calendar, UISynchronize sync) {
        CompletableFuture.supplyAsync(() -> find(calendar)).thenAccept(outcome -> sync.asyncExec(() -> open(shell, outcome)));
    }

    private static Outcome find(IcsCalendar calendar) {
        try {
            Optional<Path> file = calendar.file();
            if (file.isEmpty()) {
                return new Outcome(file, "The iCalendar-file calendar is not set up: see Calendar > Calendar Integrations.");
            }
            if (!Files.isRegularFile(file.get())) {
                return new Outcome(Optional.empty(), "No interview has been pushed to " + file.get() + " yet.");
            }
            return new Outcome(file, "");
        } catch (SettingsException e) {
            return new Outcome(Optional.empty(), e.getMessage());
        }
    }

    private static void open(Shell shell, Outcome outcome) {
        if (shell.isDisposed()) {
            return;
        }
        if (outcome.file().isEmpty()) {
            MessageDialog.openInformation(shell, "Open Interviews File", outcome.problem());
        } else if (!Program.launch(outcome.file().get().toString())) {
            MessageDialog.openInformation(shell, "Open Interviews File", "No program is set to open .ics files on this desktop. "
                    + "Import " + outcome.file().get() + " into your calendar app instead.");
        }
    }
}
