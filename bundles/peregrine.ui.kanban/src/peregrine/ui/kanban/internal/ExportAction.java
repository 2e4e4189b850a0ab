package peregrine.ui.kanban.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.EventExporter;
import peregrine.jobs.Job;
import peregrine.jobs.JobStoreException;

/**
 * <i>Export as .ics…</i>: asks where to save (a save dialog that asks before overwriting), then, in the
 * background, writes the event a push would send ({@link CalendarPushService#event}) with the
 * {@link EventExporter} service a calendar plug-in provides, into a temporary file beside the target that is then
 * moved into place, so a failed export leaves no half-written file. The message line says where it went.
 */
final class ExportAction {

    static final String NEEDS_PLUGIN = "Exporting needs the CalDAV calendar plug-in. Install it with Help > Install "
            + "Calendar Plug-ins\u2026";

    /** Where the user wants the file; empty when they cancelled. */
    @FunctionalInterface
    interface Destination {
        Optional<Path> choose(Shell shell, String suggestedName, String extension);
    }

    /** The platform's save dialog. */
    static final Destination SAVE_DIALOG = (shell, suggestedName, extension) -> {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Export as ." + extension);
        dialog.setFileName(suggestedName);
        dialog.setFilterExtensions(new String[] { "*." + extension, "*" });
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    };

    private final CalendarPushService push;
    private final UISynchronize sync;
    private final Object family;
    private volatile Optional<EventExporter> exporter = Optional.empty();
    private Destination destination = SAVE_DIALOG;

    ExportAction(CalendarPushService push, UISynchronize sync, Object family) {
        this.push = push;
        this.sync = sync;
        this.family = family;
    }

    /** The exporter as the registry has it now; empty while no plug-in provides one. */
    void setExporter(Optional<EventExporter> exporter) {
        this.exporter = exporter;
    }

    /** For tests: {@code destination} instead of the platform's dialog, which a test cannot answer. */
    void setDestination(Destination destination) {
        this.destination = destination;
    }

    void export(Control owner, Job job, MessageSink message) {
        Optional<EventExporter> writer = exporter;
        if (writer.isEmpty()) {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, NEEDS_PLUGIN);
            return;
        }
        String extension = writer.get().fileExtension();
        Optional<Path> target = destination.choose(owner.getShell(), fileName(job, extension), extension);
        if (target.isEmpty()) {
            return;
        }
        org.eclipse.core.runtime.jobs.Job write = new org.eclipse.core.runtime.jobs.Job("Exporting " + job.title()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String outcome;
                IStatus status = Status.OK_STATUS;
                boolean ok = false;
                try {
                    Optional<CalendarEvent> event = push.event(job.id());
                    if (event.isEmpty()) {
                        outcome = "\"" + job.title() + "\" has no interview date to export.";
                    } else {
                        writer.get().export(event.get(), target.get());
                        outcome = "Exported the interview of " + job.title() + " to " + target.get() + ".";
                        ok = true;
                    }
                } catch (JobStoreException e) {
                    outcome = e.getMessage();
                } catch (IOException e) {
                    outcome = "Could not write " + target.get() + ": " + e.getMessage();
                } catch (RuntimeException e) {
                    outcome = getName() + " failed unexpectedly. Details are in the error log.";
                    status = Status.error(getName() + " failed", e);
                }
                String shown = outcome;
                boolean succeeded = ok;
                sync.asyncExec(() -> {
                    if (!owner.isDisposed()) {
                        message.show(succeeded ? Dialog.DLG_IMG_MESSAGE_INFO : Dialog.DLG_IMG_MESSAGE_ERROR, shown);
                    }
                });
                return status;
            }

            @Override
            public boolean belongsTo(Object candidate) {
                return candidate == family;
            }
        };
        write.schedule();
    }

    /** @return e.g. "Interview Engineer @ Acme.ics", without the characters file systems refuse */
    static String fileName(Job job, String extension) {
        return ("Interview " + job.title() + " @ " + job.company()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-").strip()
                + "." + extension;
    }
}
