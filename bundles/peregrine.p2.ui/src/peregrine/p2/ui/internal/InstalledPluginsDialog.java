package peregrine.p2.ui.internal;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

import peregrine.p2.Plugin;
import peregrine.p2.PluginInstaller;

/** The plug-ins installed on their own, with version and vendor; the selected one can be uninstalled. */
final class InstalledPluginsDialog extends PluginsDialog {

    private static final int UNINSTALL_ID = IDialogConstants.CLIENT_ID + 1;

    InstalledPluginsDialog(Shell parent, PluginInstaller installer, IWorkbench workbench) {
        super(parent, "Installed Plug-ins", 1, installer, workbench);
    }

    @Override
    int actionId() {
        return UNINSTALL_ID;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, UNINSTALL_ID, "&Uninstall…", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
        refresh();
    }

    private void refresh() {
        try {
            table.show(PluginWork.run(getShell(), monitor -> installer.installed()));
        } catch (Exception e) {
            setErrorMessage("The installed plug-ins could not be read: " + e);
        }
        setMessage(table.selected().isPresent() ? "Plug-ins installed on their own: each can be uninstalled."
                : "No plug-in is installed. Help → Install Calendar Plug-ins… installs one.");
        update();
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != UNINSTALL_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        Plugin plugin = table.selected().orElse(null);
        if (plugin == null || !MessageDialog.openConfirm(getShell(), getShell().getText(),
                "Uninstall " + plugin.name() + " " + plugin.version() + "? Its settings files stay where they are.")) {
            return;
        }
        change("The uninstall did not finish", monitor -> installer.uninstall(plugin.id(), monitor));
        refresh();
    }
}
