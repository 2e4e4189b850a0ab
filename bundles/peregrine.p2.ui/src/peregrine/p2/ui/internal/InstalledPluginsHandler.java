package peregrine.p2.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import peregrine.p2.PluginInstaller;

/** Help → Installed Plug-ins: the installed plug-ins, which it can uninstall. */
public final class InstalledPluginsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IWorkbench workbench,
            @Optional PluginInstaller installer) {
        if (PluginWork.present(shell, installer)) {
            new InstalledPluginsDialog(shell, installer, workbench).open();
        }
    }
}
