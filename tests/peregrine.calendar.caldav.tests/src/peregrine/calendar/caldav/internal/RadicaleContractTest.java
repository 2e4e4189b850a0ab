package peregrine.calendar.caldav.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Radicale;

/** The CalDAV provider passes the conformance kit against a real Radicale. */
class RadicaleContractTest extends CaldavContract {

    @TempDir
    static Path serverDir;
    static Radicale server;

    @BeforeAll
    static void startServer() throws Exception {
        server = Radicale.start(Files.createDirectories(serverDir.resolve("server")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    CalDavServer server() {
        return server;
    }
}
