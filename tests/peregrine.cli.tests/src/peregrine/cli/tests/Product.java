package peregrine.cli.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The materialized product, whose start scripts the tests run as real processes. Its folder comes
 * from the system property {@code peregrine.product.dir} (set by this module's POM); a test fails when
 * it is missing.
 */
final class Product {

    static final Path DIR = productDir();
    private static final long TIMEOUT_SECONDS = 120;

    /** What a finished process left. */
    record Result(int exit, String out, String err) {

        /** @return stderr's lines */
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Product() {
    }

    private static Path productDir() {
        String dir = System.getProperty("peregrine.product.dir");
        if (dir == null || dir.isBlank()) {
            fail("System property peregrine.product.dir is not set: the tests need the materialized product");
        }
        Path path = Path.of(dir);
        if (!Files.isExecutable(path.resolve("peregrine-cli"))) {
            fail("No executable peregrine-cli in " + path + ": build releng/peregrine.product first");
        }
        return path;
    }

    /**
     * A clean environment for the scripts: the user's folders point below {@code home}, so no test
     * touches a real database, configuration or cache; Java is the test's own unless {@code env} says
     * otherwise.
     */
    static Map<String, String> environment(Path home, Path cache) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** Runs {@code script} of the product with {@code args} in {@code env}, and waits for it to end. */
    static Result run(String script, Map<String, String> env, List<String> args) {
        return run(DIR, script, env, args);
    }

    /** Runs {@code script} of the installation in {@code product} (e.g. a copy of the product). */
    static Result run(Path product, String script, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(product.resolve(script).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.directory(Path.of(env.get("HOME")).toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static void assertSucceeded(Result result) {
        assertTrue(result.exit() == 0, () -> "expected success:\n" + result);
    }
}
