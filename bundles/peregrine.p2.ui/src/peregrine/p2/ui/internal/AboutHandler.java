package peregrine.p2.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;
import peregrine.p2.Plugin;
import peregrine.p2.PluginInstaller;

/** Help → About Peregrine Workbench: version, build stamp and installed features. */
public final class AboutHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional PluginInstaller installer) {
        List<Plugin> features = installer == null ? List.of() : installer.features();
        new AboutDialog(shell, product(), features).open();
    }

    /** The running product; outside one (a test runtime), this bundle, built with it. */
    static ProductVersion product() {
        IProduct product = Platform.getProduct();
        Bundle defining = product == null ? FrameworkUtil.getBundle(AboutHandler.class) : product.getDefiningBundle();
        String name = product == null || product.getName() == null ? "Peregrine Workbench" : product.getName();
        return ProductVersion.of(name, defining.getVersion());
    }
}
