package peregrine.p2.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import peregrine.p2.Plugin;
import peregrine.p2.PluginException;
import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;

/**
 * Picks a p2 repository (URL, folder or zip), lists the plug-ins it offers with version and vendor, and
 * installs the one selected; then offers to restart.
 */
final class InstallPluginsDialog extends PluginsDialog {

    private Text repository;
    private String shownRepository;

    InstallPluginsDialog(Shell parent, PluginInstaller installer, IWorkbench workbench) {
        super(parent, "Install Calendar Plug-ins", 5, installer, workbench);
    }

    @Override
    void createControls(Composite body) {
        setMessage("Give a p2 repository: a URL, a folder or a zip file. Then pick the plug-in to install.");
        new Label(body, SWT.NONE).setText("&Repository:");
        repository = new Text(body, SWT.SINGLE | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(repository);
        repository.addListener(SWT.DefaultSelection, e -> showPlugins());
        button(body, "&Folder…", () -> new DirectoryDialog(getShell()).open());
        button(body, "&Zip…", () -> {
            FileDialog files = new FileDialog(getShell(), SWT.OPEN);
            files.setFilterExtensions(new String[] { "*.zip;*.jar", "*" });
            return files.open();
        });
        Button show = new Button(body, SWT.PUSH);
        show.setText("&Show Plug-ins");
        show.addListener(SWT.Selection, e -> showPlugins());
    }
    @FunctionalInterface
    private interface Chooser {
        String choose();
    }

    private void button(Composite parent, String label, Chooser chooser) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> {
            String chosen = chooser.choose();
            if (chosen != null) {
                repository.setText(chosen);
                showPlugins();
            }
        });
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Install", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
        update();
    }

    private void showPlugins() {
        String where = repository.getText().strip();
        List<Plugin> plugins = List.of();
        try {
            plugins = PluginWork.run(getShell(), monitor -> installer.available(where, monitor));
            shownRepository = where;
            setMessage(plugins.isEmpty() ? "The repository offers no plug-in this product lacks." : "Pick the plug-in to install.",
                    plugins.isEmpty() ? IMessageProvider.WARNING : IMessageProvider.NONE);
        } catch (PluginException e) {
            shownRepository = null;
            setMessage(e.getMessage(), IMessageProvider.ERROR);
        } catch (InterruptedException e) {
            shownRepository = null;
            setMessage("Cancelled.", IMessageProvider.WARNING);
        } catch (Exception e) {
            shownRepository = null;
            setMessage("The repository could not be read: " + e, IMessageProvider.ERROR);
        }
        table.show(plugins);
        update();
    }

    @Override
    int actionId() {
        return IDialogConstants.OK_ID;
    }

    @Override
    boolean canAct() {
        return shownRepository != null && super.canAct();
    }

    @Override
    protected void okPressed() {
        Plugin plugin = table.selected().orElse(null);
        if (plugin == null || shownRepository == null) {
            return;
        }
        String where = shownRepository;
        PluginResult result = change("The install did not finish",
                monitor -> installer.install(where, plugin.id(), PluginWork.askUnsigned(getShell()), monitor));
        if (result.ok()) {
            super.okPressed();
        }
    }
}
