package peregrine.app.internal;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;
import org.osgi.service.prefs.BackingStoreException;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Restores the main window's size, position and maximized state from the last run. The product starts from
 * Application.e4xmi every time (clearPersistedState: a model persisted by an older version goes stale across
 * updates), so only these five values are kept, in the instance-scope preferences of peregrine.app. They are
 * applied to the model when the addon is made, before the window is rendered, and kept when the workbench shuts
 * down.
 */
public class WindowBoundsAddon {

    static final String MAIN_WINDOW = "peregrine.app.window.main";

    private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("peregrine.app");
    private final MApplication application;

    @Inject
    public WindowBoundsAddon(MApplication application) {
        this.application = application;
    }

    @PostConstruct
    void restore() {
        Display display = Display.getCurrent();
        Optional<MWindow> window = mainWindow(application);
        if (display == null || window.isEmpty()) {
            return;
        }
        try {
            WindowBounds.read(preferences).map(bounds -> fitted(bounds, display)).ifPresent(bounds -> apply(bounds, window.get()));
        } catch (IllegalArgumentException e) {
            ILog.of(getClass()).warn("The window's kept size and position are ignored: " + e.getMessage()
                    + " (instance preferences of peregrine.app)");
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void keep(@EventTopic(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED) Event shutdown) {
        mainWindow(application).ifPresent(window -> {
            bounds(window).write(preferences);
            try {
                preferences.flush();
            } catch (BackingStoreException e) {
                ILog.of(getClass()).error("Could not keep the window's size and position", e);
            }
        });
    }

    private static Optional<MWindow> mainWindow(MApplication application) {
        return application.getChildren().stream().filter(window -> MAIN_WINDOW.equals(window.getElementId())).findFirst();
    }

    private static WindowBounds fitted(WindowBounds bounds, Display display) {
        Rectangle[] monitors = Arrays.stream(display.getMonitors()).map(Monitor::getBounds).toArray(Rectangle[]::new);
        return bounds.fittedTo(monitors, display.getPrimaryMonitor().getClientArea());
    }

    private static void apply(WindowBounds bounds, MWindow window) {
        window.setX(bounds.x());
        window.setY(bounds.y());
        window.setWidth(bounds.width());
        window.setHeight(bounds.height());
        window.getTags().remove(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        if (bounds.maximized()) {
            window.getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        }
    }

    /**
     * The model keeps the normal bounds while the window is maximized; the maximized tag is only set when the shell
     * is disposed, so a live shell is asked.
     */
    private static WindowBounds bounds(MWindow window) {
        boolean maximized = window.getWidget() instanceof Shell shell && !shell.isDisposed() ? shell.getMaximized()
                : window.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        return new WindowBounds(window.getX(), window.getY(), window.getWidth(), window.getHeight(), maximized);
    }
}
