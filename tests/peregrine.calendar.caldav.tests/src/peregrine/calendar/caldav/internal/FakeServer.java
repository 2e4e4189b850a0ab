package peregrine.calendar.caldav.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP/1.1 server on the loopback address, one request per connection, for server behaviour Radicale does not show. */
final class FakeServer implements AutoCloseable {

    /** Answers one request with a complete raw HTTP response (status line, headers, blank line, body). */
    interface Handler {
        String answer(String method, String path, Map<String, String> headers, String body);
    }

    private final ServerSocket server;
    private final Thread loop;
    /** "METHOD /path" of each request, with If-Match / If-None-Match / Authorization presence when sent. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        loop = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    handle(s, handler);
                } catch (IOException | RuntimeException e) {
                    // closed, or a broken request: the client sees the connection end
                }
            }
        }, "fake-caldav");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void handle(Socket socket, Handler handler) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String requestLine = line(in);
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        String[] parts = requestLine.split(" ");
        requests.add(parts[0] + " " + parts[1]
                + (headers.containsKey("if-match") ? " If-Match: " + headers.get("if-match") : "")
                + (headers.containsKey("if-none-match") ? " If-None-Match: " + headers.get("if-none-match") : ""));
        String response = handler.answer(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(response.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String multistatus(String responses) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + responses + "</d:multistatus>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: " + bytes.length + "\r\n\r\n" + xml;
    }

    static String response(String href, String props) {
        return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop>" + props
                + "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
    }

    static String status(int code, String reason) {
        return "HTTP/1.1 " + code + " " + reason + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
        server.close();
        loop.join(2000);
    }
}
