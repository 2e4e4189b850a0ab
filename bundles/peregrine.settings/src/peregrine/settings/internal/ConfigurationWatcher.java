package peregrine.settings.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import peregrine.settings.WorkbenchSettings;

/**
 * Tells the rest of the application when a settings file appears, changes or goes away, so that
 * what depends on it (a calendar becoming connected) updates without a restart. Watches the
 * configuration directory and its {@code integrations/} folder; a folder that does not exist yet is
 * looked for again every few seconds, since the user may create it at any time.
 */
@Component(immediate = true)
public final class ConfigurationWatcher {

    private static final long RESCAN_SECONDS = 3;

    private final WorkbenchSettings settings;
    private final EventAdmin events;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public ConfigurationWatcher(@Reference WorkbenchSettings settings, @Reference EventAdmin events) {
        this.settings = settings;
        this.events = events;
        thread = new Thread(this::watch, "Peregrine settings watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void watch() {
        Path config = settings.configDirectory();
        Path integrations = config.resolve("integrations");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            boolean configWatched = false;
            boolean integrationsWatched = false;
            while (running) {
                configWatched = configWatched || register(watcher, config);
                integrationsWatched = integrationsWatched || register(watcher, integrations);
                WatchKey key = watcher.poll(RESCAN_SECONDS, TimeUnit.SECONDS);
                if (key == null) {
                    continue;
                }
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        events.postEvent(new Event(WorkbenchSettings.CHANGED_TOPIC,
                                Map.of(WorkbenchSettings.CHANGED_FILE, folder.resolve(name).toString())));
                    }
                }
                if (!key.reset()) {
                    // the folder was deleted: look for it again
                    configWatched = configWatched && !folder.equals(config);
                    integrationsWatched = integrationsWatched && !folder.equals(integrations);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Without a watch service settings still apply: they are read on every use.
        }
    }

    private static boolean register(WatchService watcher, Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
