package peregrine.p2.ui.internal;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;

/**
 * What the install and the installed-plug-ins dialogs share: a titled, resizable dialog over a {@link PluginTable},
 * one action button enabled while its action can run, and changes run off the UI thread, then reported with the
 * offer to restart.
 */
abstract class PluginsDialog extends TitleAreaDialog {

    private final String title;
    private final int columns;
    private final IWorkbench workbench;
    final PluginInstaller installer;
    PluginTable table;

    PluginsDialog(Shell parent, String title, int columns, PluginInstaller installer, IWorkbench workbench) {
        super(parent);
        this.title = title;
        this.columns = columns;
        this.installer = installer;
        this.workbench = workbench;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        createControls(body);
        table = new PluginTable(body);
        GridDataFactory.fillDefaults().grab(true, true).span(columns, 1).hint(740, 180).applyTo(table.viewer().getTable());
        table.viewer().addSelectionChangedListener(e -> update());
        return area;
    }

    /** Adds what comes above the table, in a grid of {@code columns} columns. */
    void createControls(Composite body) {
    }

    /** @return the id of the button that acts on the selected plug-in */
    abstract int actionId();

    /** @return whether the action can run now; by default, while a plug-in is selected */
    boolean canAct() {
        return table.selected().isPresent();
    }

    final void update() {
        Button action = getButton(actionId());
        if (action != null) {
            action.setEnabled(canAct());
        }
    }

    /** Runs {@code change} off the UI thread with a Cancel button, then shows its result and offers to restart. */
    final PluginResult change(String unfinished, PluginWork.Task<PluginResult> change) {
        PluginResult result;
        try {
            result = PluginWork.run(getShell(), change);
        } catch (Exception e) {
            result = PluginResult.failed(unfinished + ": " + e);
        }
        PluginWork.report(getShell(), title, result, workbench);
        return result;
    }
}
