package peregrine.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTP or HTTPS server of the test's own on 127.0.0.1 (the JDK's {@code com.sun.net.httpserver}) that records
 * every request it receives, and whether it carried an {@code Authorization} header, before its handler answers.
 * A test plays a CalDAV front door with it, or a foreign host that must never receive a password.
 */
public final class RecordingServer implements AutoCloseable {

    /**
     * A request as it arrived: its method, {@code Host} header, path, and the scheme of its {@code Authorization}
     * header ({@code Basic}, {@code Digest}), empty when it had none. The credentials themselves are not kept.
     */
    public record Request(String method, String host, String path, Optional<String> authScheme) {
        /** @return whether the request carried credentials */
        public boolean authorization() {
            return authScheme.isPresent();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RecordingServer(HttpServer server, HttpHandler handler) {
        this.server = server;
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
                        exchange.getRequestURI().getRawPath(), Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                                .map(value -> value.strip().split("\\s+", 2)[0])));
                handler.handle(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** @return a plain-HTTP server */
    public static RecordingServer http(HttpHandler handler) throws IOException {
        return new RecordingServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50), handler);
    }

    /** @return an HTTPS server presenting {@code tls}'s certificate (see {@link TestCa#serverContext}) */
    public static RecordingServer https(SSLContext tls, HttpHandler handler) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new RecordingServer(server, handler);
    }

    /** A handler that asks every request for a password (401 with a Basic challenge), as a harvester would. */
    public static HttpHandler challenging() {
        return exchange -> answer(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"Calendar\""), "");
    }

    /** Sends a complete answer. */
    public static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** @return every request received so far, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return how many requests carried an {@code Authorization} header */
    public long withAuthorization() {
        return requests.stream().filter(Request::authorization).count();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
