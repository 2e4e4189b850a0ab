package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.settings.WorkbenchSettings;

class ConfigurationWatcherTest {

    @Test
    void anIntegrationFileThatAppearsIsAnnouncedWithItsPath() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ConfigurationWatcherTest.class).getBundleContext();
        ServiceTracker<WorkbenchSettings, WorkbenchSettings> tracker = new ServiceTracker<>(context, WorkbenchSettings.class, null);
        tracker.open();
        WorkbenchSettings settings = tracker.waitForService(10_000);
        assertNotNull(settings);
        BlockingQueue<String> changed = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, WorkbenchSettings.CHANGED_TOPIC);
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class,
                event -> changed.add((String) event.getProperty(WorkbenchSettings.CHANGED_FILE)), properties);
        try {
            // the folder may not exist yet: the watcher must find it when the user creates it
            Path file = settings.integrationFile("apple_calendar");
            Files.createDirectories(file.getParent());
            Thread.sleep(4_000);
            Files.writeString(file, "caldav_url: https://caldav.example/\n");
            String announced = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!file.toString().equals(announced) && System.nanoTime() < deadline) {
                announced = changed.poll(1, TimeUnit.SECONDS);
            }
            assertEquals(file.toString(), announced);
        } finally {
            registration.unregister();
            tracker.close();
        }
    }
}
