package peregrine.app.internal;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

import org.eclipse.osgi.service.datalocation.Location;

/** Whether another process already holds the workbench's data folder (its instance location, {@code -data}). */
final class DataInUse {

    private DataInUse() {
    }

    /**
     * What to tell the user when another process holds {@code instance}'s lock; empty when the location is free or
     * not set. Only asks: {@link Location#isLocked()} tries the lock and lets it go, so E4Application can still take
     * it (a second {@link Location#lock()} in the same JVM would fail). When the lock file cannot even be opened,
     * it is left to E4Application, whose own attempt then reports that error in a dialog.
     */
    static Optional<String> message(Location instance) {
        if (instance == null || !instance.isSet() || !heldElsewhere(instance)) {
            return Optional.empty();
        }
        return Optional.of("Peregrine Workbench is already open on this data (" + new File(instance.getURL().getFile())
                + "). Switch to that window, or close it first.");
    }

    private static boolean heldElsewhere(Location instance) {
        try {
            return instance.isLocked();
        } catch (IOException e) {
            return false;
        }
    }
}
