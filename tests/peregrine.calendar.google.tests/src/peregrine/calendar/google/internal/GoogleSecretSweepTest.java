package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.tests.support.OutputCapture;
import peregrine.tests.support.SecretSweep;
import peregrine.tests.support.UntrustedTlsServer;

/**
 * The service account's private key, its key id and the access tokens never leave the key file and memory: a
 * push, then a key Google refuses, a 403, an unreachable server, one that never answers and one with an untrusted
 * certificate; afterwards none of them is in any message, in anything printed or logged, in the job database
 * (and its journal files), or in any file of the test runtime's workspace and configuration areas.
 */
class GoogleSecretSweepTest {

    @TempDir
    Path dir;

    @Test
    void noKeyOrTokenIsInAnyMessageOutputLogOrFileTheRuntimeWrote() throws Exception {
        List<String> messages = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        String printed;
        Path db;
        Path integrations;
        try (GoogleFixture google = new GoogleFixture(dir); OutputCapture capture = new OutputCapture();
                SilentServer silent = new SilentServer(); UntrustedTlsServer tls = new UntrustedTlsServer(dir)) {
            String[] pem = google.serviceAccountKey().get("private_key").getAsString().split("\n");
            for (int i = 1; i < Math.min(pem.length - 1, 8); i++) {
                secrets.add(pem[i]);
            }
            secrets.add(google.serviceAccountKey().get("private_key_id").getAsString());
            secrets.add("ya29.");
            db = google.settings.databaseFile();
            integrations = google.configFile.getParent();
            long job = google.interviewOn(LocalDate.of(2031, 5, 6));
            messages.add(google.pushed(job).toString());
            GoogleFixture.write(google.settings.configDirectory().resolve("user.yaml"), "tier: paid\ncalendar_timeout_seconds: 2\n");

            google.fake.refuseTokensWith = "invalid_grant";
            GoogleFixture.touch(google.keyFile);
            messages.add(google.failed(job).message());
            google.fake.refuseTokensWith = null;
            GoogleFixture.touch(google.keyFile);

            google.fake.failNext(403, "requiredAccessLevel", "You need to have writer access to this calendar.", 100);
            messages.add(google.failed(job).message());
            google.fake.clearFaults();

            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            for (String root : List.of("http://127.0.0.1:" + closed + "/", "http://127.0.0.1:" + silent.port() + "/",
                    "https://127.0.0.1:" + tls.port() + "/")) {
                google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile + "\napi_root_url: " + root + "\n");
                messages.add(google.failed(job).message());
            }
            assertEquals(0, tls.requests.get(), "nothing was sent to the untrusted server");
            messages.add(google.store.job(job).toString());
            printed = capture.text();
            messages.forEach(m -> System.out.println("SECRET-SWEEP google message: " + m));
        }

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            leaks.addAll(SecretSweep.inText("message " + i, messages.get(i), secrets));
        }
        leaks.addAll(SecretSweep.inText("System.out/System.err/log records", printed, secrets));
        List<Path> roots = new ArrayList<>(List.of(db.getParent()));
        SecretSweep.area("osgi.instance.area").ifPresent(roots::add);
        SecretSweep.area("osgi.configuration.area").ifPresent(roots::add);
        List<Path> files = SecretSweep.files(roots, List.of(integrations));
        leaks.addAll(SecretSweep.inFiles(files, secrets));

        System.out.println("SECRET-SWEEP google: " + messages.size() + " messages, " + printed.length() + " characters of output, "
                + files.size() + " files under " + roots + " (database files " + files.stream().filter(f -> f.getFileName().toString()
                        .startsWith(db.getFileName().toString())).map(f -> f.getFileName().toString()).toList() + ", workspace log present: "
                + files.stream().anyMatch(f -> f.endsWith(Path.of(".metadata", ".log"))) + "): " + (leaks.isEmpty() ? "no secret found" : leaks));
        assertTrue(files.contains(db), "the database itself was swept");
        assertTrue(leaks.isEmpty(), "secrets leaked: " + leaks);
    }
}
