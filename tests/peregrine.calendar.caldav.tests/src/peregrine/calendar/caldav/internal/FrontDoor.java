package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import peregrine.tests.support.Radicale;
import peregrine.tests.support.RecordingServer;

/**
 * Handlers for a CalDAV front door of the tests' own, shaped like iCloud's {@code caldav.icloud.com}: it signs the
 * user in (Radicale's test user, by Basic or by Digest) and names the principal, whose {@code calendar-home-set} is
 * on another host; or it redirects every request elsewhere.
 */
final class FrontDoor {

    static final String PRINCIPAL = "/1234/principal/";
    private static final String REALM = "front door";
    private static final String NONCE = UUID.randomUUID().toString();
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((Radicale.USER + ":" + Radicale.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private FrontDoor() {
    }

    /** PROPFIND {@code /} names the principal; PROPFIND of the principal names {@code home} (absolute) as its calendar home. */
    static HttpHandler namingHome(String home) {
        return exchange -> {
            if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                RecordingServer.answer(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\""), "");
            } else {
                discovery(exchange, home);
            }
        };
    }

    /**
     * As {@link #namingHome}, but the user signs in with HTTP Digest only (RFC 7616: MD5, {@code qop=auth}): a Basic
     * header is answered with a Digest challenge, which only a client that answers challenges gets past.
     */
    static HttpHandler namingHomeBehindDigest(String home) {
        return exchange -> {
            if (!digestValid(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"))) {
                RecordingServer.answer(exchange, 401, Map.of("WWW-Authenticate",
                        "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + NONCE + "\", algorithm=MD5"), "");
            } else {
                discovery(exchange, home);
            }
        };
    }

    private static boolean digestValid(String method, String header) {
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String ha1 = md5(Radicale.USER + ":" + REALM + ":" + Radicale.PASSWORD);
        String ha2 = md5(method + ":" + p.get("uri"));
        return Radicale.USER.equals(p.get("username")) && NONCE.equals(p.get("nonce"))
                && md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2).equals(p.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a signed-in user's discovery: the principal, then its calendar home. */
    private static void discovery(HttpExchange exchange, String home) throws IOException {
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
