package peregrine.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * HTTPS in front of a plain server on 127.0.0.1, as a provider's load balancer in front of its CalDAV server: it
 * terminates TLS with the given context (a {@link TestCa} certificate for the host name clients use) and relays
 * the bytes both ways, unchanged.
 */
public final class TlsFront implements AutoCloseable {

    private final SSLServerSocket server;
    private final int backendPort;
    /** TLS connections that completed their handshake and were relayed. */
    public final AtomicInteger connections = new AtomicInteger();

    public TlsFront(SSLContext tls, int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tls-front-" + port()).start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void relay(SSLSocket client) {
        try (client; Socket backend = new Socket()) {
            client.setSoTimeout(30_000);
            client.startHandshake();
            backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort), 5_000);
            connections.incrementAndGet();
            Thread up = Thread.ofVirtual().start(() -> pump(client, backend));
            pump(backend, client);
            up.join(1_000);
        } catch (IOException | InterruptedException e) {
            // a client that refused the handshake or hung up; either socket closing ends the other direction
        }
    }

    /** Copies until {@code from} ends, then closes both sockets, which ends the other direction too. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other direction closed the sockets
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
