package peregrine.p2.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import peregrine.p2.Plugin;

/** Help → About: the product's name, version and build stamp, and every installed feature with its version. */
final class AboutDialog extends TitleAreaDialog {

    private final ProductVersion product;
    private final List<Plugin> features;

    AboutDialog(Shell parent, ProductVersion product, List<Plugin> features) {
        super(parent);
        this.product = product;
        this.features = features;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About " + product.name());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(product.name());
        setMessage("Version " + product.version() + ", build " + product.build()
                + (features.isEmpty() ? ". No installed feature is known (the product has no p2 profile)." : ". Installed features:"));
        PluginTable table = new PluginTable(area);
        GridDataFactory.fillDefaults().grab(true, true).hint(740, 220).indent(10, 0).applyTo(table.viewer().getTable());
        table.show(features);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
