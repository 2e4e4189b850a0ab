package peregrine.calendar.ics.internal;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Real Java processes running a main class of this test bundle, with every bundle of the test runtime on a
 * plain class path: the provider's own classes lock and write the file there exactly as in the workbench.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static Process start(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(ChildProcesses.class).getBundleContext().getBundles()) {
            file(bundle.getLocation()).ifPresent(path -> {
                // a bundle built in this reactor may be its project folder, whose classes are in target/classes
                Path classes = path.resolve("target/classes");
                entries.add((Files.isDirectory(classes) ? classes : path).toString());
            });
        }
        return String.join(File.pathSeparator, entries);
    }

    /** @return the file or folder of a bundle location such as {@code reference:file:/x.jar} or {@code file:plugins/x.jar} */
    private static Optional<Path> file(String location) {
        int at = location.indexOf("file:");
        if (at < 0) {
            return Optional.empty();
        }
        String spec = location.substring(at + "file:".length());
        Path path = Path.of(spec);
        if (!path.isAbsolute()) {
            String installArea = System.getProperty("osgi.install.area", "file:" + System.getProperty("user.dir") + "/");
            path = Path.of(URI.create(installArea.replace(" ", "%20"))).resolve(spec);
        }
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }
}
