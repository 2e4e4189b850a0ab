package peregrine.calendar.ics.internal;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            String location = bundle.getLocation();
            int file = location.indexOf("file:");
            if (file < 0) {
                continue;
            }
            Path path = Path.of(URI.create(location.substring(file).replace(" ", "%20")));
            if (Files.isDirectory(path.resolve("bin"))) {
                entries.add(path.resolve("bin").toString());
            } else if (Files.isDirectory(path.resolve("target/classes"))) {
                entries.add(path.resolve("target/classes").toString());
            }
            entries.add(path.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
