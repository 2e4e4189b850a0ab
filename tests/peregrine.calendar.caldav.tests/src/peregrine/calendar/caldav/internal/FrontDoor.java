package peregrine.calendar.caldav.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpHandler;

import peregrine.tests.support.Radicale;
import peregrine.tests.support.RecordingServer;

/**
 * Handlers for a CalDAV front door of the tests' own, shaped like iCloud's {@code caldav.icloud.com}: it signs the
 * user in (Basic, Radicale's test user) and names the principal, whose {@code calendar-home-set} is on another
 * host; or it redirects every request elsewhere.
 */
final class FrontDoor {

    static final String PRINCIPAL = "/1234/principal/";
    private static final String EXPECTED = "Basic " + Base64.getEncoder()
            .encodeToString((Radicale.USER + ":" + Radicale.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private FrontDoor() {
    }

    /** PROPFIND {@code /} names the principal; PROPFIND of the principal names {@code home} (absolute) as its calendar home. */
    static HttpHandler namingHome(String home) {
        return exchange -> {
            if (!EXPECTED.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                RecordingServer.answer(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"front door\""), "");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (!"PROPFIND".equals(exchange.getRequestMethod())) {
                RecordingServer.answer(exchange, 405, Map.of(), "");
            } else if (path.equals("/") || path.equals("/.well-known/caldav")) {
                RecordingServer.answer(exchange, 207, Map.of("Content-Type", "application/xml; charset=utf-8"),
                        multistatus(path, "<d:current-user-principal><d:href>" + PRINCIPAL + "</d:href></d:current-user-principal>"));
            } else if (path.equals(PRINCIPAL)) {
                RecordingServer.answer(exchange, 207, Map.of("Content-Type", "application/xml; charset=utf-8"),
                        multistatus(path, "<c:calendar-home-set><d:href>" + home + "</d:href></c:calendar-home-set>"));
            } else {
                RecordingServer.answer(exchange, 404, Map.of(), "");
            }
        };
    }

    /** Every request, signed in or not, is sent on to the same path under {@code base} (307: method and body kept). */
    static HttpHandler redirectingTo(String base) {
        return exchange -> RecordingServer.answer(exchange, 307, Map.of("Location", base + exchange.getRequestURI().getRawPath()), "");
    }

    private static String multistatus(String href, String props) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:response><d:href>%s</d:href><d:propstat><d:prop>%s</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
                </d:multistatus>
                """.formatted(href, props);
    }
}
