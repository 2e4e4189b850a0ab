package peregrine.calendar.caldav.internal;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * An HTTP proxy on the loopback address in front of a real server (Radicale), one request per connection,
 * that forwards every request unchanged unless its {@link #rule} answers it instead: with a raw HTTP response,
 * or with {@link #HANG}, which accepts the request and never answers. {@link #delay} holds the server's answer back
 * before passing it on (a server that answers slowly: the answer says what the server held when it was asked).
 */
final class FaultProxy implements AutoCloseable {

    /** Decides, per request, whether the proxy answers it itself. */
    interface Rule {
        /** @return a complete raw HTTP response, {@link #HANG}, or null to forward the request to the server */
        String answer(String method, String path);
    }

    /** The rule's answer for "read the request, then say nothing until the connection is closed". */
    static final String HANG = "\0hang";

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    volatile Rule rule = (method, path) -> null;
    /** Milliseconds to hold the server's answer back, given the request line and headers. */
    volatile ToLongFunction<String> delay = head -> 0;
    /** "METHOD path" of every request, in order */
    final List<String> requests = new CopyOnWriteArrayList<>();

    FaultProxy(int targetPort) throws IOException {
        target = targetPort;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread loop = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "fault-proxy-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    // the proxy was closed
                }
            }
        }, "fault-proxy");
        loop.setDaemon(true);
        loop.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = head(in);
            if (head.length == 0) {
                return;
            }
            String headers = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = headers.substring(0, headers.indexOf("\r\n")).split(" ");
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            byte[] body = in.readNBytes(length);
            requests.add(requestLine[0] + " " + requestLine[1]);
            String answer = rule.answer(requestLine[0], requestLine[1]);
            OutputStream out = client.getOutputStream();
            if (HANG.equals(answer)) {
                while (in.read() != -1) {
                    // say nothing until the client gives up
                }
                return;
            }
            if (answer != null) {
                out.write(answer.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                // One request per connection: a server that keeps connections open (Xandikos) must close this one.
                upstream.getOutputStream().write(closing(headers).getBytes(StandardCharsets.ISO_8859_1));
                upstream.getOutputStream().write(body);
                upstream.getOutputStream().flush();
                // The answer ends when the server closes the connection.
                byte[] answered = upstream.getInputStream().readAllBytes();
                long wait = delay.applyAsLong(headers);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                out.write(answered);
                out.flush();
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // the client went away, or the proxy was closed
        } finally {
            open.remove(client);
        }
    }

    /** @return the request head with its Connection header replaced by {@code Connection: close} */
    private static String closing(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    /** @return the request line and headers up to and including the blank line; empty if the connection ended first */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        for (int c = in.read(); c != -1; c = in.read()) {
            b.write(c);
            matched = c == end[matched] ? matched + 1 : c == '\r' ? 1 : 0;
            if (matched == 4) {
                return b.toByteArray();
            }
        }
        return new byte[0];
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
