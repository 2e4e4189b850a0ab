package peregrine.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.cli.tests.Product.Result;

/**
 * How the start scripts find a Java of version 21 or newer: {@code JAVA_HOME}, then {@code java} on
 * {@code PATH}, then the JDK folders ({@code PEREGRINE_JVM_DIRS} overrides the usual ones), skipping
 * every older Java.
 */
class StartScriptTest {

    /** The tools the scripts use besides the shell's built-ins. */
    private static final List<String> TOOLS = List.of("sh", "dirname", "readlink", "sed", "head", "cksum", "cut", "mkdir");

    @TempDir
    static Path cache;

    @TempDir
    Path home;

    private Path bin;
    private Path jvms;
    private Path java17;

    /**
     * A PATH holding only the scripts' tools and a Java 17, and a JVM folder holding a Java 17 home: as
     * on a machine whose default Java is too old.
     */
    @BeforeEach
    void machineWithJava17() throws IOException {
        bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        jvms = Files.createDirectories(home.resolve("jvms"));
        java17 = fakeJava(Files.createDirectories(jvms.resolve("jdk-17.0.2")), "17.0.2");
        Files.createSymbolicLink(bin.resolve("java"), java17.resolve("bin/java"));
    }

    /** @return a Java home that says it is {@code version} and fails when run */
    private static Path fakeJava(Path javaHome, String version) throws IOException {
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n"
                + "[ \"$1\" = -version ] && exit 0\necho 'this old Java was started' >&2\nexit 42\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return javaHome;
    }

    private Map<String, String> environment() {
        Map<String, String> env = Product.environment(home, cache);
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", java17.toString());
        env.put("PEREGRINE_JVM_DIRS", jvms.toString());
        return env;
    }

    private Result listJson(Map<String, String> env) {
        return Product.run("peregrine-cli", env, List.of("--db", home.resolve("staging.db").toString(), "jobs", "list", "--json"));
    }

    @Test
    void skipsJava17InJavaHomeAndOnThePathAndFindsANewerJdkInTheJvmFolders() throws IOException {
        Files.createSymbolicLink(jvms.resolve("current-jdk"), Path.of(System.getProperty("java.home")));

        Result result = listJson(environment());

        Product.assertSucceeded(result);
        assertEquals("[]", result.out().strip());
    }

    @Test
    void usesJavaHomeWhenItIsNewEnough() {
        Map<String, String> env = environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));

        Product.assertSucceeded(listJson(env));
    }

    @Test
    void withNoJava21AnywhereSaysPlainlyWhichJavaIsNeededAndExits1() {
        Result result = listJson(environment());

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("needs Java 21 or newer"), result::toString);
        assertTrue(result.err().contains(java17.resolve("bin/java") + " (Java 17)"), "names what it found:\n" + result);
        assertTrue(!result.err().contains("this old Java was started"), "never runs the old Java:\n" + result);
    }

    @Test
    void findsAJdkInTheUsualFoldersWhenJavaHomeAndPathHoldJava17() {
        boolean newJdkInUsrLibJvm;
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            newJdkInUsrLibJvm = homes.anyMatch(h -> Files.isExecutable(h.resolve("bin/java")) && major(h) >= 21);
        } catch (IOException e) {
            newJdkInUsrLibJvm = false;
        }
        assumeTrue(newJdkInUsrLibJvm, "this machine has no JDK 21+ in /usr/lib/jvm");
        Map<String, String> env = environment();
        env.remove("PEREGRINE_JVM_DIRS");
        Path systemJava17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isExecutable(systemJava17.resolve("bin/java"))) {
            env.put("JAVA_HOME", systemJava17.toString());
        }

        Product.assertSucceeded(listJson(env));
    }

    private static int major(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.replaceAll("[^0-9.]", "")).map(v -> v.split("\\.")[0]).mapToInt(Integer::parseInt)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Test
    void theWorkbenchScriptSharesTheJavaDiscovery() {
        Result result = Product.run("peregrine", environment(), List.of());

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().contains("needs Java 21 or newer"), result::toString);
    }
}
