package peregrine.p2.ui.internal;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import peregrine.p2.Plugin;
import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;

/** The plug-ins installed on their own, with version and vendor; the selected one can be uninstalled. */
final class InstalledPluginsDialog extends TitleAreaDialog {

    private static final String TITLE = "Installed Plug-ins";
    private static final int UNINSTALL_ID = IDialogConstants.CLIENT_ID + 1;

    private final PluginInstaller installer;
    private final IWorkbench workbench;
    private PluginTable table;

    InstalledPluginsDialog(Shell parent, PluginInstaller installer, IWorkbench workbench) {
        super(parent);
        this.installer = installer;
        this.workbench = workbench;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(TITLE);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        body.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        table = new PluginTable(body);
        table.viewer().addSelectionChangedListener(e -> update());
        return area;
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

    private void update() {
        Button uninstall = getButton(UNINSTALL_ID);
        if (uninstall != null) {
            uninstall.setEnabled(table.selected().isPresent());
        }
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != UNINSTALL_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        Plugin plugin = table.selected().orElse(null);
        if (plugin == null || !MessageDialog.openConfirm(getShell(), TITLE, "Uninstall " + plugin.name() + " " + plugin.version()
                + "? Its settings files stay where they are.")) {
            return;
        }
        PluginResult result;
        try {
            result = PluginWork.run(getShell(), monitor -> installer.uninstall(plugin.id(), monitor));
        } catch (Exception e) {
            result = PluginResult.failed("The uninstall did not finish: " + e);
        }
        PluginWork.report(getShell(), TITLE, result, workbench);
        refresh();
    }
}
