package peregrine.p2.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;
import peregrine.p2.UnsignedContent;

/** What both dialogs do alike: run installer work off the UI thread with a Cancel button, ask, and restart. */
final class PluginWork {

    /** Work against the installer, run on a worker thread. */
    @FunctionalInterface
    interface Task<T> {
        T run(IProgressMonitor monitor) throws Exception;
    }

    private PluginWork() {
    }

    /** @return whether the installer is there; says so when it is not */
    static boolean present(Shell shell, PluginInstaller installer) {
        if (installer == null) {
            MessageDialog.openError(shell, "Plug-ins", "The plug-in installer (peregrine.p2) is not running in this installation.");
        }
        return installer != null;
    }

    /**
     * Runs {@code task} in a progress dialog over {@code shell}, off the UI thread, cancellable.
     *
     * @throws Exception what the task threw
     */
    static <T> T run(Shell shell, Task<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            new ProgressMonitorDialog(shell).run(true, true, monitor -> {
                try {
                    result.set(task.run(monitor));
                } catch (Exception e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return result.get();
    }

    /** Asks on the display thread, from the installing thread, whether to install unsigned content. */
    static UnsignedContent askUnsigned(Shell shell) {
        Display display = shell.getDisplay();
        return artifacts -> {
            AtomicBoolean yes = new AtomicBoolean();
            display.syncExec(() -> yes.set(MessageDialog.openQuestion(shell, "Unsigned Content",
                    "Warning: this plug-in holds content that is unsigned or signed by no trusted signer, so its origin "
                            + "and integrity cannot be checked:\n\n" + list(artifacts) + "\n\nInstall it anyway?")));
            return yes.get();
        };
    }

    private static String list(List<String> artifacts) {
        int shown = Math.min(artifacts.size(), 8);
        String more = artifacts.size() > shown ? "\n… and " + (artifacts.size() - shown) + " more" : "";
        return String.join("\n", artifacts.subList(0, shown)) + more;
    }

    /**
     * Shows the result; after a change, offers to restart, which is when the change takes effect. The restart is
     * the Eclipse one: E4Application then ends with {@code IApplication.EXIT_RESTART} (23), on which the product's
     * {@code peregrine} script starts the workbench again.
     */
    static void report(Shell shell, String title, PluginResult result, IWorkbench workbench) {
        if (!result.ok()) {
            MessageDialog.openError(shell, title, result.message());
        } else if (MessageDialog.openQuestion(shell, title, result.message() + "\n\nRestart Peregrine Workbench now?")) {
            workbench.restart();
        }
    }
}
