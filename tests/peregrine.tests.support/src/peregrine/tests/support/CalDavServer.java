package peregrine.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real CalDAV server the tests start on 127.0.0.1 (Radicale, Xandikos), with a small, independent WebDAV
 * client (the JDK's) with which the tests look at what the provider stored and change it behind its back.
 * Every request carries user {@link #USER}'s credentials; a server without authentication ignores them.
 */
public abstract class CalDavServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret-app-pw-0042";

    /** The server's root address, e.g. {@code http://127.0.0.1:5232} */
    public final String base;
    private final Process process;
    private final Path log;

    /**
     * Starts the server's process and waits (up to 20 s) until it accepts connections on {@code port}.
     *
     * @param command the command line; its output goes to {@code log}
     */
    protected CalDavServer(List<String> command, int port, Path log) throws Exception {
        this.base = "http://127.0.0.1:" + port;
        this.log = log;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException(command.get(0) + " did not start: " + Files.readString(log), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** @return the user's calendar home (the calendar-home-set), ending in {@code /} */
    public abstract String home();

    /** @return the server's name, for test names */
    @Override
    public abstract String toString();

    protected static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @return the calendars under the user's home: href to display name */
    public List<String[]> calendars() throws Exception {
        String xml = propfind(home(), "1", "<d:prop><d:resourcetype/><d:displayname/></d:prop>");
        List<String[]> result = new ArrayList<>();
        for (String response : responses(xml)) {
            if (response.contains("calendar") && response.matches("(?s).*<[^>]*:?calendar\\s*/>.*")) {
                result.add(new String[] { href(response), tag(response, "displayname") });
            }
        }
        return result;
    }

    /** @return the hrefs of the {@code .ics} resources in a calendar collection */
    public List<String> events(String calendarUrl) throws Exception {
        String xml = propfind(calendarUrl, "1", "<d:prop><d:getetag/></d:prop>");
        return responses(xml).stream().map(CalDavServer::href).filter(h -> h.endsWith(".ics")).toList();
    }

    /** Radicale speaks HTTP/1.0 and closes every connection: a fresh client per request never reuses a closed one. */
    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(request, body);
        }
    }

    public String get(String url) throws Exception {
        HttpResponse<String> r = send(request(url).GET().build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode());
        }
        return r.body();
    }

    /** @return the resource's current ETag, as the server reports it (PROPFIND getetag) */
    public String etag(String url) throws Exception {
        return tag(propfind(url, "0", "<d:prop><d:getetag/></d:prop>"), "getetag");
    }

    public int delete(String url) throws Exception {
        return send(request(url).DELETE().build(), BodyHandlers.discarding()).statusCode();
    }

    public int put(String url, String ics) throws Exception {
        return send(request(url).header("Content-Type", "text/calendar; charset=utf-8")
                .PUT(BodyPublishers.ofString(ics, StandardCharsets.UTF_8)).build(), BodyHandlers.discarding()).statusCode();
    }

    public int mkcalendar(String url, String displayName) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:set><d:prop><d:displayname>" + displayName + "</d:displayname></d:prop></d:set></c:mkcalendar>";
        return send(request(url).method("MKCALENDAR", BodyPublishers.ofString(body)).build(), BodyHandlers.discarding()).statusCode();
    }

    private String propfind(String url, String depth, String prop) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\">" + prop + "</d:propfind>";
        HttpResponse<String> r = send(request(url).header("Depth", depth).header("Content-Type", "application/xml")
                .method("PROPFIND", BodyPublishers.ofString(body)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 207) {
            throw new IllegalStateException("PROPFIND " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private HttpRequest.Builder request(String url) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + auth);
    }

    private static List<String> responses(String xml) {
        List<String> list = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<(?:\\w+:)?response[ >].*?</(?:\\w+:)?response>").matcher(xml);
        while (m.find()) {
            list.add(m.group());
        }
        return list;
    }

    private static String href(String response) {
        return tag(response, "href");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("(?s)<(?:\\w+:)?" + name + "(?:\\s[^>]*)?>(.*?)</(?:\\w+:)?" + name + ">").matcher(xml);
        return m.find() ? m.group(1).strip() : "";
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server (and waits for it to end), so that requests to {@link #base} are refused. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
