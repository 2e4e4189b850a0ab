package peregrine.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Xandikos (Debian's {@code xandikos} 0.2.8) on 127.0.0.1 and a free port, serving a temporary folder with
 * user {@link #USER}'s principal at {@code /alice/} and calendar home {@code /alice/calendars/}, made on start.
 * Xandikos has no authentication: it accepts every request and ignores the credentials the provider sends.
 * Where RFCs leave a choice it chooses otherwise than Radicale: a {@code 207 Multi-Status} whose response says
 * 404 for a PROPFIND of a missing resource, a 207 holding 403 for a MKCALENDAR of an existing collection, a 207
 * holding 412 for a UID already used by another resource, 204 for DELETE.
 */
public final class Xandikos extends CalDavServer {

    private Xandikos(List<String> command, int port, Path log) throws Exception {
        super(command, port, log);
    }

    public static Xandikos start(Path dir) throws Exception {
        int port = freePort();
        Path root = Files.createDirectories(dir.resolve("xandikos"));
        return new Xandikos(List.of("xandikos", "-d", root.toString(), "-l", "127.0.0.1", "-p", String.valueOf(port), "--autocreate",
                "--current-user-principal", "/" + USER + "/"), port, dir.resolve("xandikos.log"));
    }

    @Override
    public String home() {
        return base + "/" + USER + "/calendars/";
    }

    @Override
    public String toString() {
        return "Xandikos";
    }
}
