package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.calendar.PushResult;

import peregrine.tests.support.OutputCapture;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.SecretSweep;
import peregrine.tests.support.UntrustedTlsServer;

/**
 * The CalDAV password never leaves the settings file: a push with a known password, then wrong passwords, a
 * server that forbids, one that is unreachable, one that never answers and one with an untrusted certificate;
 * afterwards neither password, nor the Basic credentials made of them, is in any message, in anything printed
 * or logged, in the job database (and its journal files), or in any file of the test runtime's workspace and
 * configuration areas (the workspace {@code .metadata/.log} included).
 */
class CaldavSecretSweepTest {

    @TempDir
    Path dir;

    static String basic(String password) {
        return Base64.getEncoder().encodeToString((Radicale.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noPasswordIsInAnyMessageOutputLogOrFileTheRuntimeWrote() throws Exception {
        String wrong = "wrong-secret-" + UUID.randomUUID();
        List<String> secrets = List.of(Radicale.PASSWORD, wrong, basic(Radicale.PASSWORD), basic(wrong));
        List<String> messages = new ArrayList<>();
        String printed;
        try (CaldavWorld world = new CaldavWorld(dir); OutputCapture capture = new OutputCapture();
                FaultProxy proxy = new FaultProxy(Integer.parseInt(world.radicale.base.substring(world.radicale.base.lastIndexOf(':') + 1)));
                UntrustedTlsServer tls = new UntrustedTlsServer(dir)) {
            world.useRadicale();
            long id = world.newJob("Secret sweep", "Keeps, Secrets", "https://jobs.example.com/" + UUID.randomUUID(), CaldavFaultMatrixTest.START);
            PushResult.Pushed pushed = world.pushed(id);
            messages.add(pushed.toString());

            world.useServer(world.radicale.base + "/", wrong);
            messages.add(world.failed(id).message());

            proxy.rule = (m, p) -> m.equals("PUT") ? FakeServer.status(403, "Forbidden") : null;
            world.useServer(proxy.base() + "/", Radicale.PASSWORD);
            messages.add(world.failed(id).message());

            // a short limit only now: the first push (discovery, MKCALENDAR) may take longer on a busy machine
            world.userYaml("tier: paid\ncalendar_timeout_seconds: 2\n");
            proxy.rule = (m, p) -> FaultProxy.HANG;
            world.useServer(proxy.base() + "/", wrong);
            messages.add(world.failed(id).message());

            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            world.useServer("http://127.0.0.1:" + closed + "/", Radicale.PASSWORD);
            messages.add(world.failed(id).message());

            world.useServer("https://127.0.0.1:" + tls.port() + "/", Radicale.PASSWORD);
            messages.add(world.failed(id).message());
            assertEquals(0, tls.requests.get(), "nothing was sent to the untrusted server");

            messages.add(world.job(id).toString());
            printed = capture.text();
            messages.forEach(m -> System.out.println("SECRET-SWEEP caldav message: " + m));
        }

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            leaks.addAll(SecretSweep.inText("message " + i, messages.get(i), secrets));
        }
        leaks.addAll(SecretSweep.inText("System.out/System.err/log records", printed, secrets));

        // the runtime's own files: the database and its journals, the workspace (.metadata/.log), the configuration area
        Path db = pushServiceDatabase();
        List<Path> roots = new ArrayList<>(List.of(db.getParent()));
        SecretSweep.area("osgi.instance.area").ifPresent(roots::add);
        SecretSweep.area("osgi.configuration.area").ifPresent(roots::add);
        // the settings file holds the password by design; nothing else may
        List<Path> files = SecretSweep.files(roots, List.of(configDirectory().resolve("integrations")));
        leaks.addAll(SecretSweep.inFiles(files, secrets));

        System.out.println("SECRET-SWEEP caldav: " + messages.size() + " messages, " + printed.length() + " characters of output, "
                + files.size() + " files under " + roots + " (database " + db + " and " + files.stream().filter(f -> f.getFileName().toString()
                        .startsWith(db.getFileName().toString())).map(f -> f.getFileName().toString()).toList() + ", workspace log present: "
                + files.stream().anyMatch(f -> f.endsWith(Path.of(".metadata", ".log"))) + "): " + (leaks.isEmpty() ? "no secret found" : leaks));
        assertTrue(files.stream().anyMatch(f -> f.equals(db)), "the database itself was swept");
        assertTrue(leaks.isEmpty(), "secrets leaked: " + leaks);
    }

    private static Path pushServiceDatabase() throws Exception {
        return service().databaseFile();
    }

    private static Path configDirectory() throws Exception {
        return service().configDirectory();
    }

    private static peregrine.settings.WorkbenchSettings service() throws Exception {
        var context = org.osgi.framework.FrameworkUtil.getBundle(CaldavSecretSweepTest.class).getBundleContext();
        var tracker = new org.osgi.util.tracker.ServiceTracker<peregrine.settings.WorkbenchSettings, peregrine.settings.WorkbenchSettings>(context, peregrine.settings.WorkbenchSettings.class, null);
        tracker.open();
        try {
            return tracker.waitForService(10_000);
        } finally {
            tracker.close();
        }
    }
}
