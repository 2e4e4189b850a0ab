package peregrine.calendar.google.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A server on 127.0.0.1 that accepts every connection, reads what it is sent, and never answers. */
final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    final AtomicInteger connections = new AtomicInteger();

    SilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread loop = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    open.add(s);
                    Thread reader = new Thread(() -> {
                        try (InputStream in = s.getInputStream()) {
                            while (in.read() != -1) {
                                // listen, never answer
                            }
                        } catch (IOException closed) {
                            // the client gave up
                        }
                    }, "silent-server-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    // closed
                }
            }
        }, "silent-server");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
