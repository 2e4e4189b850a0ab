package peregrine.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Radicale (Debian's {@code radicale}) on 127.0.0.1 and a free port, with plain htpasswd users,
 * owner-only rights and its storage in a temporary folder.
 */
public final class Radicale extends CalDavServer {

    private Radicale(List<String> command, int port, Path log) throws Exception {
        super(command, port, log);
    }

    public static Radicale start(Path dir) throws Exception {
        int port = freePort();
        Path users = Files.writeString(dir.resolve("users"), USER + ":" + PASSWORD + "\n");
        Path storage = Files.createDirectories(dir.resolve("collections"));
        return new Radicale(List.of("radicale", "--server-hosts", "127.0.0.1:" + port,
                "--auth-type", "htpasswd", "--auth-htpasswd-filename", users.toString(),
                "--auth-htpasswd-encryption", "plain", "--rights-type", "owner_only",
                "--storage-filesystem-folder", storage.toString()), port, dir.resolve("radicale.log"));
    }

    @Override
    public String home() {
        return base + "/" + USER + "/";
    }

    @Override
    public String toString() {
        return "Radicale";
    }
}
