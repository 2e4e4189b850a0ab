package peregrine.cli.internal;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@code peregrine.cli.app} application: runs one command of {@link Commands#ALL} and returns its
 * exit status. Output goes to stdout in UTF-8; messages go to stderr, one line each.
 */
public class CliApplication implements IApplication {

    /** How long a command waits for a service (the job store) to appear. */
    private static final long SERVICE_TIMEOUT_SECONDS = 20;

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        Object given = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = given instanceof String[] strings ? List.of(strings) : List.of();
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BundleContext bundleContext = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        try (TrackedServices services = new TrackedServices(bundleContext)) {
            return Integer.valueOf(new Cli(Commands.ALL, out, err).run(args, services));
        } catch (Throwable e) {
            // Anything, an OutOfMemoryError included: one line and status 1, never silence and status 0. The line
            // comes first, as the log may fail where the failure was.
            out.flush();
            err.println(Cli.PROGRAM + ": the command failed unexpectedly (" + e + "). Details are in "
                    + Platform.getLogFileLocation() + ".");
            ILog.of(CliApplication.class).error("peregrine-cli " + String.join(" ", args) + " failed", e);
            return Integer.valueOf(CliException.ERROR);
        }
    }

    @Override
    public void stop() {
        // A command runs to its end on the thread that started it; nothing to stop.
    }

    /** {@link Services} from the OSGi registry, each tracked from its first use until the command ends. */
    private static final class TrackedServices implements Services, AutoCloseable {

        private final BundleContext context;
        private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();

        TrackedServices(BundleContext context) {
            this.context = context;
        }

        @Override
        public <S> S get(Class<S> type, String what) throws CliException {
            ServiceTracker<?, ?> tracker = trackers.computeIfAbsent(type, t -> {
                ServiceTracker<?, ?> created = new ServiceTracker<>(context, t, null);
                created.open();
                return created;
            });
            try {
                Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(SERVICE_TIMEOUT_SECONDS));
                if (service != null) {
                    return type.cast(service);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw CliException.error(what + " (" + type.getName() + ") did not start within " + SERVICE_TIMEOUT_SECONDS
                    + " s. Details may be in " + Platform.getLogFileLocation() + ".");
        }

        @Override
        public void close() {
            trackers.values().forEach(ServiceTracker::close);
        }
    }
}
