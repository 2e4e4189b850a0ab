package peregrine.app.internal;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

/**
 * The product's application: the e4 workbench (E4Application), unless another workbench already holds the data
 * folder. Then it says so in plain words and exits, instead of E4Application's "Workspace Cannot Be Locked".
 */
public class WorkbenchApplication implements IApplication {

    private static final String E4_APPLICATION = "org.eclipse.e4.ui.workbench.swt.E4Application";

    private final Supplier<Location> instance;
    private final Consumer<String> tell;
    private final Callable<IApplication> workbench;
    private volatile IApplication started;

    public WorkbenchApplication() {
        this(Platform::getInstanceLocation, WorkbenchApplication::showMessage, WorkbenchApplication::e4Application);
    }

    WorkbenchApplication(Supplier<Location> instance, Consumer<String> tell, Callable<IApplication> workbench) {
        this.instance = instance;
        this.tell = tell;
        this.workbench = workbench;
    }

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Optional<String> inUse = DataInUse.message(instance.get());
        if (inUse.isPresent()) {
            context.applicationRunning();
            tell.accept(inUse.get());
            return EXIT_OK;
        }
        started = workbench.call();
        return started.start(context);
    }

    @Override
    public void stop() {
        if (started != null) {
            started.stop();
        }
    }

    /** E4Application as its extension declares it, since its class is internal to the e4 workbench. */
    static IApplication e4Application() throws Exception {
        IConfigurationElement application = Platform.getExtensionRegistry()
                .getExtension("org.eclipse.core.runtime.applications", E4_APPLICATION).getConfigurationElements()[0];
        return (IApplication) application.getChildren("run")[0].createExecutableExtension("class");
    }

    private static void showMessage(String message) {
        Display.setAppName("Peregrine Workbench");
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
            box.setText("Peregrine Workbench");
            box.setMessage(message);
            box.open();
        } finally {
            display.dispose();
        }
    }
}
