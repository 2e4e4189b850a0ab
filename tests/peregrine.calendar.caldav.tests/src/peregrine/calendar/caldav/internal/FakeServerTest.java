package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;

/**
 * Server behaviour Radicale does not show: 204 without ETag, iCloud-style discovery onto another host, 503, 429, and
 * connections kept open.
 */
class FakeServerTest {

    @TempDir
    Path configDir;

    private CaldavCalendarProvider provider(String url) {
        return new CaldavCalendarProvider(new TestSettings(configDir).write(TestSettings.values(url, "bob", "pw-fake", "Interviews")));
    }

    @Test
    void a204WithoutEtagIsSuccessAndTheEtagIsReadBeforeTheNextUpdate() throws Exception {
        Map<String, String> stored = new ConcurrentHashMap<>();
        AtomicInteger version = new AtomicInteger();
        try (FakeServer server = new FakeServer((method, path, headers, body) -> {
            if (method.equals("PROPFIND") && path.equals("/cal/")) {
                return FakeServer.multistatus(FakeServer.response("/cal/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"));
            }
            if (method.equals("PROPFIND")) {
                return stored.containsKey(path) ? FakeServer.multistatus(FakeServer.response(path, "<d:getetag>\"v" + version.get() + "\"</d:getetag>"))
                        : FakeServer.status(404, "Not Found");
            }
            if (method.equals("PUT")) {
                boolean exists = stored.containsKey(path);
                if ("*".equals(headers.get("if-none-match")) && exists
                        || headers.containsKey("if-match") && (!exists || !headers.get("if-match").equals("\"v" + version.get() + "\""))) {
                    return FakeServer.status(412, "Precondition Failed");
                }
                stored.put(path, body);
                version.incrementAndGet();
                return "HTTP/1.1 204 No Content\r\n\r\n";
            }
            return FakeServer.status(405, "Method Not Allowed");
        })) {
            String base = "http://127.0.0.1:" + server.port();
            CaldavCalendarProvider provider = provider(base + "/cal/");
            EventIdentity id = CaldavCalendarProviderTest.randomIdentity();

            RemoteEvent created = provider.create(CaldavCalendarProviderTest.event(id, "Interview: 204", CaldavCalendarProviderTest.NINE_UTC));
            RemoteEvent updated = provider.update(created, CaldavCalendarProviderTest.event(id, "Interview: 204 again", CaldavCalendarProviderTest.NINE_UTC));
            String path = "/cal/" + id.key() + ".ics";
            assertEquals(Optional.of(base + path), created.address());
            assertEquals(created.address(), updated.address());
            assertEquals(created.id(), updated.id());
            assertEquals(Optional.empty(), created.version(), "no ETag in the answer: none is kept");
            assertEquals(Optional.empty(), updated.version());
            assertEquals(List.of("PROPFIND /cal/", "PUT " + path + " If-None-Match: *", "PROPFIND " + path, "PUT " + path + " If-Match: \"v1\""),
                    server.requests);
            assertTrue(stored.get(path).contains("SUMMARY:Interview: 204 again"), stored.get(path));
        }
    }

    @Test
    void aServerThatKeepsConnectionsOpenGetsEveryRequestOnOne() throws Exception {
        String raw = FakeServer.multistatus(FakeServer.response("/cal/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"));
        byte[] calendar = raw.substring(raw.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
        Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            connections.add(exchange.getRemoteAddress());
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PROPFIND")) {
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
                exchange.sendResponseHeaders(207, calendar.length);
                exchange.getResponseBody().write(calendar);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"e" + requests.size() + "\"");
                exchange.sendResponseHeaders(201, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            CaldavCalendarProvider provider = provider("http://127.0.0.1:" + server.getAddress().getPort() + "/cal/");
            EventIdentity id = CaldavCalendarProviderTest.randomIdentity();
            RemoteEvent event = provider.create(CaldavCalendarProviderTest.event(id, "Interview: kept open", CaldavCalendarProviderTest.NINE_UTC));
            provider.update(event, CaldavCalendarProviderTest.event(id, "Interview: kept open again", CaldavCalendarProviderTest.NINE_UTC));
            provider.create(CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "Interview: another",
                    CaldavCalendarProviderTest.NINE_UTC));

            assertEquals(4, requests.size(), requests.toString());
            assertEquals(1, connections.size(), "HTTP/1.1 keep-alive: one connection for " + requests);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void discoveryFollowsAbsoluteHrefsOntoTheAccountsOwnHostAsICloudAnswers() throws Exception {
        try (FakeServer partition = new FakeServer((method, path, headers, body) -> {
            if (method.equals("PROPFIND") && path.equals("/1234/calendars/")) {
                return FakeServer.multistatus(FakeServer.response("/1234/calendars/", "<d:resourcetype><d:collection/></d:resourcetype>")
                        + FakeServer.response("/1234/calendars/home/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Home</d:displayname>")
                        + FakeServer.response("/1234/calendars/tasks/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Interviews</d:displayname>"
                                + "<c:supported-calendar-component-set><c:comp name=\"VTODO\"/></c:supported-calendar-component-set>")
                        + FakeServer.response("/1234/calendars/8A9B/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Interviews</d:displayname>"
                                + "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/></c:supported-calendar-component-set>"));
            }
            if (method.equals("PUT")) {
                return "HTTP/1.1 201 Created\r\nETag: \"e1\"\r\nContent-Length: 0\r\n\r\n";
            }
            return FakeServer.status(404, "Not Found");
        })) {
            String partitionBase = "http://localhost:" + partition.port();
            try (FakeServer front = new FakeServer((method, path, headers, body) -> {
                if (!headers.containsKey("authorization")) {
                    return FakeServer.status(401, "Unauthorized");
                }
                if (path.equals("/.well-known/caldav")) {
                    return "HTTP/1.1 301 Moved Permanently\r\nLocation: /\r\nContent-Length: 0\r\n\r\n";
                }
                if (path.equals("/")) {
                    return FakeServer.multistatus(FakeServer.response("/", "<d:current-user-principal><d:href>/1234/principal/</d:href></d:current-user-principal>"));
                }
                if (path.equals("/1234/principal/")) {
                    return FakeServer.multistatus(FakeServer.response("/1234/principal/",
                            "<c:calendar-home-set><d:href>" + partitionBase + "/1234/calendars/</d:href></c:calendar-home-set>"));
                }
                return FakeServer.status(404, "Not Found");
            })) {
                CaldavCalendarProvider provider = provider("http://127.0.0.1:" + front.port() + "/.well-known/caldav");
                EventIdentity id = CaldavCalendarProviderTest.randomIdentity();

                String eventId = provider.create(CaldavCalendarProviderTest.event(id, "Interview: iCloud-like", CaldavCalendarProviderTest.NINE_UTC))
                        .address().orElseThrow();

                assertEquals(partitionBase + "/1234/calendars/8A9B/" + id.key() + ".ics", eventId);
                assertEquals(List.of("PROPFIND /.well-known/caldav", "PROPFIND /", "PROPFIND /1234/principal/"), front.requests);
                assertEquals(List.of("PROPFIND /1234/calendars/", "PUT /1234/calendars/8A9B/" + id.key() + ".ics If-None-Match: *"),
                        partition.requests);
            }
        }
    }

    @Test
    void aBusyServerIsUnavailableAndSaysWhenToRetry() throws Exception {
        try (FakeServer server = new FakeServer((method, path, headers, body) ->
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\nContent-Length: 0\r\n\r\n")) {
            CalendarException e = assertThrows(CalendarException.class, () -> provider("http://127.0.0.1:" + server.port() + "/")
                    .create(CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "x", CaldavCalendarProviderTest.NINE_UTC)));
            assertEquals(Kind.UNAVAILABLE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("120 s"), e.getMessage());
        }
    }

    @Test
    void tooManyRequestsIsUnavailableAndOtherClientErrorsAreRejected() throws Exception {
        String calendar = FakeServer.multistatus(FakeServer.response("/cal/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"));
        try (FakeServer server = new FakeServer((method, path, headers, body) -> method.equals("PROPFIND") ? calendar
                : path.contains("busy") ? FakeServer.status(429, "Too Many Requests") : FakeServer.status(415, "Unsupported Media Type"))) {
            CaldavCalendarProvider provider = provider("http://127.0.0.1:" + server.port() + "/cal/");
            CalendarException rejected = assertThrows(CalendarException.class, () -> provider.create(
                    CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "x", CaldavCalendarProviderTest.NINE_UTC)));
            assertEquals(Kind.REJECTED, rejected.kind(), rejected.getMessage());
            CalendarException busy = assertThrows(CalendarException.class, () -> provider.update(RemoteEvent.of("http://127.0.0.1:" + server.port() + "/cal/busy.ics"),
                    CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "x", CaldavCalendarProviderTest.NINE_UTC)));
            assertEquals(Kind.UNAVAILABLE, busy.kind(), busy.getMessage());
        }
    }

    /** @return a 207 answer that no WebDAV server sends and a hostile one might */
    static String hostileMultistatus(String kind) {
        String xml = switch (kind) {
        case "entity expansion" -> "<?xml version=\"1.0\"?><!DOCTYPE d:multistatus [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/x.ics</d:href><d:propstat><d:prop><d:getetag>&e;</d:getetag></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
        case "external entity" -> "<?xml version=\"1.0\"?><!DOCTYPE d:multistatus [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/x.ics</d:href><d:propstat><d:prop><d:getetag>&x;</d:getetag></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
        case "deep nesting" -> "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/x.ics</d:href><d:propstat><d:prop><d:getetag>"
                + "<d:x>".repeat(200_000) + "</d:x>".repeat(200_000) + "</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
                + "</d:response></d:multistatus>";
        case "huge body" -> "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/x.ics</d:href><d:propstat><d:prop><d:getetag>\""
                + "x".repeat(20 << 20) + "\"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
        default -> throw new IllegalArgumentException(kind);
        };
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: " + bytes.length + "\r\n\r\n" + xml;
    }

    /** The event's ETag is read (an update without one) and the server answers with hostile XML: refused, nothing written. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "entity expansion", "external entity", "deep nesting", "huge body" })
    void aHostileMultistatusIsRefusedAndNothingIsWritten(String kind) throws Exception {
        String calendar = FakeServer.multistatus(FakeServer.response("/cal/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"));
        String hostile = hostileMultistatus(kind);
        try (FakeServer server = new FakeServer((method, path, headers, body) -> method.equals("PROPFIND") && path.equals("/cal/") ? calendar
                : method.equals("PROPFIND") ? hostile : FakeServer.status(201, "Created"))) {
            String base = "http://127.0.0.1:" + server.port();
            CaldavCalendarProvider provider = provider(base + "/cal/");
            long start = System.nanoTime();

            CalendarException e = assertThrows(CalendarException.class, () -> provider.update(
                    new RemoteEvent("x@peregrine-workbench", Optional.of(base + "/cal/x.ics"), Optional.empty()),
                    CaldavCalendarProviderTest.event(CaldavCalendarProviderTest.randomIdentity(), "x", CaldavCalendarProviderTest.NINE_UTC)));

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Kind.REJECTED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("not WebDAV"), e.getMessage());
            assertEquals(List.of("PROPFIND /cal/", "PROPFIND /cal/x.ics"), server.requests, "no PUT after a refused answer");
            assertTrue(e.getMessage().length() < 600, "the message does not quote the answer: " + e.getMessage().length() + " characters");
            System.out.printf("Hostile 207 (%s): refused as %s in %d ms%n", kind, e.kind(), millis);
        }
    }
}
