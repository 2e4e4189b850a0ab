package peregrine.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The addon over the product's own Application.e4xmi, on a real display (Xvfb's one monitor), with the shutdown
 * event published as E4Workbench.close() publishes it, through the e4 event broker and EventAdmin.
 */
class WindowBoundsAddonTest {

    private final BundleContext bundleContext = FrameworkUtil.getBundle(WindowBoundsAddonTest.class).getBundleContext();
    private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("peregrine.app");
    private Display display;

    @BeforeEach
    void forgetKeptBounds() throws BackingStoreException {
        display = Display.getDefault();
        preferences.clear();
        preferences.flush();
    }

    @Test
    void boundsKeptAtShutdownAreAppliedWhenTheModelIsLoadedAgain() throws Exception {
        MApplication first = loadModel();
        startAddon(first);
        MWindow window = mainWindow(first);
        window.setX(100);
        window.setY(120);
        window.setWidth(700);
        window.setHeight(500);
        window.getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        shutDown(first);

        MApplication next = loadModel();
        startAddon(next);

        assertBounds(new Rectangle(100, 120, 700, 500), mainWindow(next));
        assertTrue(mainWindow(next).getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
        assertTrue(settingsFile().contains("window.width=700"), this::settingsFile);
    }

    @Test
    void aWindowNoLongerMaximizedStartsNormal() throws Exception {
        MApplication first = loadModel();
        startAddon(first);
        shutDown(first);
        MApplication next = loadModel();
        mainWindow(next).getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);

        startAddon(next);

        assertFalse(mainWindow(next).getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
        assertBounds(new Rectangle(40, 40, 1200, 800), mainWindow(next));
    }

    @Test
    void boundsOnAMonitorNoLongerConnectedAreMovedIntoThePrimaryMonitor() throws Exception {
        keep(5000, -3000, 700, 500);
        MApplication application = loadModel();

        startAddon(application);

        Rectangle area = display.getPrimaryMonitor().getClientArea();
        assertBounds(new Rectangle(area.x + area.width - 700, area.y, 700, 500), mainWindow(application));
    }

    @Test
    void boundsLargerThanThePrimaryMonitorAreShrunkIntoIt() throws Exception {
        keep(-20, 10, 9000, 7000);
        MApplication application = loadModel();

        startAddon(application);

        assertBounds(display.getPrimaryMonitor().getClientArea(), mainWindow(application));
    }

    @Test
    void corruptKeptValuesAreIgnored() throws Exception {
        keep(100, 120, 700, 500);
        preferences.put("window.width", "wide");
        MApplication application = loadModel();

        startAddon(application);

        assertBounds(new Rectangle(40, 40, 1200, 800), mainWindow(application));
    }

    @Test
    void aKeptMaximizedFlagOtherThanTrueOrFalseIsIgnored() throws Exception {
        keep(100, 120, 700, 500);
        preferences.put("window.maximized", "yes");
        MApplication application = loadModel();

        startAddon(application);

        assertBounds(new Rectangle(40, 40, 1200, 800), mainWindow(application));
    }

    private void keep(int x, int y, int width, int height) {
        new WindowBounds(x, y, width, height, false).write(preferences);
    }

    /** @return the product's own application model, as the workbench loads it */
    static MApplication loadModel() throws IOException {
        ResourceSet resources = new ResourceSetImpl();
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi", new XMIResourceFactoryImpl());
        Resource resource = resources.getResource(
                URI.createURI(Platform.getBundle("peregrine.app").getEntry("Application.e4xmi").toString()), true);
        return (MApplication) resource.getContents().get(0);
    }

    private void startAddon(MApplication application) {
        IEclipseContext context = EclipseContextFactory.getServiceContext(bundleContext).createChild();
        context.set(MApplication.class, application);
        application.setContext(context);
        ContextInjectionFactory.make(WindowBoundsAddon.class, context);
    }

    /** What E4Workbench.close() sends, through the application context's event broker. */
    private static void shutDown(MApplication application) {
        assertTrue(UIEvents.publishEvent(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED, application));
    }

    private static MWindow mainWindow(MApplication application) {
        return application.getChildren().stream().filter(w -> w.getElementId().equals(WindowBoundsAddon.MAIN_WINDOW))
                .findFirst().orElseThrow();
    }

    private String settingsFile() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(Platform.getInstanceLocation().getURL().toURI())
                    .resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/peregrine.app.prefs"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertBounds(Rectangle expected, MWindow window) {
        assertEquals(expected, new Rectangle(window.getX(), window.getY(), window.getWidth(), window.getHeight()));
    }
}
