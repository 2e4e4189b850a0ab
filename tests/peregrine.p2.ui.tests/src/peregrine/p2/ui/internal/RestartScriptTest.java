package peregrine.p2.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's start script ({@code features/peregrine.core.feature/rootfiles/peregrine}) starts the workbench
 * again when it exits with 23, as it does after "Restart now". Java is a stand-in that logs each start and exits
 * with the statuses it is given, one per start.
 */
class RestartScriptTest {

    private static final Path ROOTFILES = Path.of(System.getProperty("peregrine.rootfiles", "rootfiles-not-set"));
    private static final String FAKE_JAVA = """
            #!/bin/sh
            n=$(($(cat "$FAKE_STATE") + 1)); echo "$n" > "$FAKE_STATE"
            read -r line || line=
            echo "start $n: $* stdin=$line" >> "$FAKE_LOG"
            status=$(echo "$FAKE_EXITS" | cut -d ' ' -f "$n")
            case $status in
                wait) on_term=143 ;;
                wait23) on_term=23 ;;
                *) on_term= ;;
            esac
            if [ -n "$on_term" ]; then
                trap 'echo "terminated $n" >> "$FAKE_LOG"; exit $on_term' TERM
                echo "waiting $n" >> "$FAKE_LOG"
                sleep 60 & wait $!
            fi
            exit "$status"
            """;

    @TempDir
    Path dir;
    private Path product;
    private Path log;

    @BeforeEach
    void setUp() throws IOException {
        product = Files.createDirectories(dir.resolve("product"));
        Files.createDirectories(product.resolve("lib"));
        Files.createDirectories(product.resolve("plugins"));
        Files.copy(ROOTFILES.resolve("peregrine"), product.resolve("peregrine"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(ROOTFILES.resolve("lib/peregrine-launch.sh"), product.resolve("lib/peregrine-launch.sh"));
        Files.createFile(product.resolve("plugins/org.eclipse.equinox.launcher_1.7.0.jar"));
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(product.resolve("peregrine"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"21.0.5\"\n");
        Files.writeString(dir.resolve("state"), "0");
        log = dir.resolve("java.log");
    }

    private Process start(String exits) throws IOException {
        return start(exits, false);
    }

    /** @param closedInput whether the script starts with its standard input closed, as some desktop launchers do */
    private Process start(String exits, boolean closedInput) throws IOException {
        List<String> command = closedInput
                ? List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" <&-", product.resolve("peregrine").toString(), "--db", dir.resolve("my jobs.db").toString())
                : List.of(product.resolve("peregrine").toString(), "--db", dir.resolve("my jobs.db").toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().put("FAKE_STATE", dir.resolve("state").toString());
        builder.environment().put("FAKE_LOG", log.toString());
        builder.environment().put("FAKE_EXITS", exits);
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("script.out").toFile());
        Process process = builder.start();
        if (!closedInput) {
            process.getOutputStream().write("typed\n".getBytes());
        }
        process.getOutputStream().close();
        return process;
    }

    private List<String> starts() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("start ")).toList();
        }
    }

    @Test
    void exitStatus23StartsTheWorkbenchAgainWithTheSameArguments() throws Exception {
        Process script = start("23 23 0");

        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue());
        List<String> starts = starts();
        assertEquals(3, starts.size(), starts::toString);
        String arguments = starts.get(0).substring("start 1: ".length(), starts.get(0).indexOf(" stdin="));
        assertTrue(arguments.endsWith("-data " + dir.resolve("data/peregrine/workbench") + " --db " + dir.resolve("my jobs.db")), arguments);
        assertEquals(List.of("start 1: " + arguments + " stdin=typed", "start 2: " + arguments + " stdin=", "start 3: " + arguments + " stdin="),
                starts, "the same arguments each time; the script's standard input goes to the workbench");
    }

    @Test
    void aClosedStandardInputDoesNotStopTheRestart() throws Exception {
        Process script = start("23 0", true);

        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue(), () -> read(dir.resolve("script.out")));
        assertEquals(2, starts().size());
        assertEquals("", read(dir.resolve("script.out")), "no complaint");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void anyOtherExitStatusEndsTheScriptWithThatStatus() throws Exception {
        Process script = start("3 0");

        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, script.exitValue());
        assertEquals(1, starts().size());
    }

    private void awaitFirstStart() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(log) && Files.readString(log).contains("waiting 1"))) {
            assertTrue(System.nanoTime() < deadline, "the stand-in did not start");
            Thread.sleep(20);
        }
    }

    @Test
    void sigtermToTheScriptReachesTheWorkbench() throws Exception {
        Process script = start("wait 0");
        awaitFirstStart();

        script.destroy(); // SIGTERM, as bench.py and a desktop session's logout send it

        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, script.exitValue());
        assertTrue(Files.readString(log).contains("terminated 1"), Files.readString(log));
        assertEquals(1, starts().size());
    }

    @Test
    void afterASigtermTheWorkbenchIsNotStartedAgainEvenIfItAsksTo() throws Exception {
        Process script = start("wait23 0");
        awaitFirstStart();

        script.destroy();

        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(23, script.exitValue());
        assertTrue(Files.readString(log).contains("terminated 1"), Files.readString(log));
        assertEquals(1, starts().size());
    }
}
