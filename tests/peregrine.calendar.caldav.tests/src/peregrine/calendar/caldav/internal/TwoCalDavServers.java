package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.Xandikos;

/**
 * Radicale and Xandikos, two real CalDAV servers that answer differently where the RFCs let them, started once for a
 * test class that registers this as a static {@code @RegisterExtension} and stopped after its last test.
 */
final class TwoCalDavServers implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private Radicale radicale;
    private Xandikos xandikos;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("caldav-servers");
        radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")));
        xandikos = Xandikos.start(Files.createDirectories(dir.resolve("xandikos")));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (AutoCloseable server : new AutoCloseable[] { radicale, xandikos }) {
            if (server != null) {
                server.close();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // What a server left behind stays in the temporary folder; the tests are done.
        }
    }

    /** The servers, for {@code @MethodSource}; JUnit must not close them after each test ({@code autoCloseArguments}). */
    Stream<CalDavServer> servers() {
        return Stream.of(radicale, xandikos);
    }
}
