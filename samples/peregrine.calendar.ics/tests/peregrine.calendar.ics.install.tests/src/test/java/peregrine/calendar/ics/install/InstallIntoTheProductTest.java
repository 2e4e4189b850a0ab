package peregrine.calendar.ics.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The sample plug-in as a user meets it: installed from its own p2 repository into a copy of the built product with
 * {@code peregrine-cli plugins install}, listed as a calendar, pushed to twice (one event in the file), and uninstalled.
 */
class InstallIntoTheProductTest {

    private static final String FEATURE = "peregrine.calendar.ics.feature";

    @TempDir
    Path home;

    private Path product;

    /** One finished command. */
    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(product.resolve("peregrine-cli").toString(),
                "--db", home.resolve("staging.db").toString(), "--config", home.resolve("config").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CACHE_HOME",
                home.resolve("cache").toString(), "PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"), "LANG", "C.UTF-8"));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        // cp keeps the start scripts executable and the folder's links as they are
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor(), "cp -a " + from + " " + to);
    }

    @Test
    void theSampleInstallsFromItsRepositoryKeepsOneEventInItsFileAcrossTwoPushesAndUninstalls() throws Exception {
        product = home.resolve("product");
        copy(Path.of(System.getProperty("peregrine.product")), product);
        String repository = Path.of(System.getProperty("peregrine.ics.repository")).toString();

        Run install = run("plugins", "install", "--allow-unsigned", "--repository", repository, FEATURE);
        assertEquals(0, install.exit(), install::toString);
        assertTrue(run("plugins", "list").out().contains(FEATURE), "listed as installed");

        Path file = home.resolve("interviews.ics");
        Files.createDirectories(home.resolve("config/integrations"));
        Files.writeString(home.resolve("config/user.yaml"), "tier: paid\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("config/integrations/ics_file.yaml"), "path: " + file + "\nname: Job interviews\n",
                StandardCharsets.UTF_8);
        Run providers = run("calendar", "providers");
        assertEquals(0, providers.exit(), providers::toString);
        assertTrue(providers.out().contains("ics_file"), providers::toString);

        Run add = run("jobs", "add", "--title", "Platform Engineer", "--company", "Acme", "--stage", "phone_screen");
        assertEquals(0, add.exit(), add::toString);
        String id = add.out().strip();
        assertEquals(0, run("interview", "set", id, "2026-12-10", "--time", "15:00", "--zone", "Europe/Berlin").exit());
        Run first = run("calendar", "push", id);
        Run second = run("calendar", "push", id);
        assertEquals(0, first.exit(), first::toString);
        assertEquals(0, second.exit(), second::toString);
        assertTrue(first.out().contains("\"created\":true"), first::toString);
        assertTrue(second.out().contains("\"created\":false"), second::toString);

        Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(file)));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size(), "one VEVENT for the job after two pushes");
        assertEquals(eventId(second.out()), events.get(0).getUid().orElseThrow().getValue());

        Run uninstall = run("plugins", "uninstall", FEATURE);
        assertEquals(0, uninstall.exit(), uninstall::toString);
        assertFalse(run("calendar", "providers").out().contains("ics_file"), "gone from the calendars");
        assertFalse(run("plugins", "list").out().contains(FEATURE), "gone from the plug-ins");
        assertTrue(Files.exists(file), "the user's file stays");
    }

    private static String eventId(String json) {
        Matcher m = Pattern.compile("\"event_id\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
