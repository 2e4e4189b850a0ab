package peregrine.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's application over a data folder of the test's own, whose lock another JVM holds the way Equinox
 * does (a FileChannel lock on .metadata/.lock).
 */
class WorkbenchApplicationTest {

    private static final String HOLDER = """
            import java.io.RandomAccessFile;
            import java.nio.file.*;
            public class Holder {
                public static void main(String[] args) throws Exception {
                    Path lock = Path.of(args[0], ".metadata", ".lock");
                    Files.createDirectories(lock.getParent());
                    try (RandomAccessFile file = new RandomAccessFile(lock.toFile(), "rw");
                            var held = file.getChannel().lock()) {
                        System.out.println("locked");
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    @TempDir
    Path data;
    @TempDir
    Path holderSource;

    private Location instance;
    private Process holder;
    private final List<String> told = new ArrayList<>();
    private final List<String> workbenchStarts = new ArrayList<>();

    @BeforeEach
    void dataFolder() throws Exception {
        instance = Platform.getInstanceLocation().createLocation(null, null, false);
        assertTrue(instance.set(data.toUri().toURL(), false));
    }

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void dataHeldByAnotherProcessIsToldInPlainWordsAndNoWorkbenchStarts() throws Exception {
        holdInAnotherJvm();

        Object exit = application().start(context());

        assertEquals(IApplication.EXIT_OK, exit);
        assertEquals(List.of("Peregrine Workbench is already open on this data (" + data
                + "). Switch to that window, or close it first."), told);
        assertEquals(List.of(), workbenchStarts);
    }

    @Test
    void freeDataStartsTheWorkbenchWhichCanStillTakeTheLock() throws Exception {
        Object exit = application().start(context());

        assertEquals(List.of("started, lock taken"), workbenchStarts);
        assertEquals(IApplication.EXIT_RESTART, exit);
        assertEquals(List.of(), told);
    }

    @Test
    void onceTheOtherWorkbenchHasExitedTheWorkbenchStarts() throws Exception {
        holdInAnotherJvm();
        holder.destroy();
        holder.waitFor(10, TimeUnit.SECONDS);

        application().start(context());

        assertEquals(List.of("started, lock taken"), workbenchStarts);
        assertEquals(List.of(), told);
    }

    @Test
    void theWorkbenchHandedOverToIsE4Application() throws Exception {
        assertEquals("org.eclipse.e4.ui.internal.workbench.swt.E4Application",
                WorkbenchApplication.e4Application().getClass().getName());
    }

    @Test
    void theProductRunsThisApplication() {
        var product = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products", "peregrine.app.product");
        assertEquals("peregrine.app.application", product.getConfigurationElements()[0].getAttribute("application"));
        var application = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.applications",
                "peregrine.app.application");
        assertEquals(WorkbenchApplication.class.getName(),
                application.getConfigurationElements()[0].getChildren("run")[0].getAttribute("class"));
    }

    private WorkbenchApplication application() {
        return new WorkbenchApplication(() -> instance, told::add, () -> new IApplication() {
            @Override
            public Object start(IApplicationContext context) throws Exception {
                // E4Application's own check takes the lock: it must be free for it in this JVM
                workbenchStarts.add(instance.lock() ? "started, lock taken" : "started, lock refused");
                instance.release();
                return EXIT_RESTART;
            }

            @Override
            public void stop() {
            }
        });
    }

    private void holdInAnotherJvm() throws IOException {
        Path source = Files.writeString(holderSource.resolve("Holder.java"), HOLDER);
        holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), data.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
    }

    private static IApplicationContext context() {
        return (IApplicationContext) Proxy.newProxyInstance(IApplicationContext.class.getClassLoader(),
                new Class<?>[] { IApplicationContext.class }, (proxy, method, args) -> null);
    }
}
