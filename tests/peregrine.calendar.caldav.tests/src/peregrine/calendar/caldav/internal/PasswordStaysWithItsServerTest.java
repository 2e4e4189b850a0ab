package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpHandler;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.RecordingServer;
import peregrine.tests.support.TestCa;

/**
 * A server at {@code caldav_url} that sends Peregrine to a foreign host, by a redirect or a {@code calendar-home-set},
 * over HTTP or HTTPS: the foreign host, which asks every request for a password, counts the {@code Authorization}
 * headers it receives, and must receive none; the push ends with a message that names it and says the password was
 * not sent there. Host names resolve to 127.0.0.1 through the module's hosts file only; HTTPS certificates chain to
 * the run's {@link TestCa}.
 */
class PasswordStaysWithItsServerTest {

    static final String FRONT_HOST = "caldav.peregrine-test.com";
    static final String SIBLING_HOST = "p42-caldav.peregrine-test.com";
    static final String FOREIGN_HOST = "evil-calendar.net";

    static SSLContext frontTls;
    static SSLContext foreignTls;

    @TempDir
    Path configDir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCa ca = TestCa.get();
        frontTls = ca.serverContext(FRONT_HOST);
        foreignTls = ca.serverContext(FOREIGN_HOST);
    }

    private static RecordingServer server(String scheme, SSLContext tls, HttpHandler handler) throws Exception {
        return scheme.equals("https") ? RecordingServer.https(tls, handler) : RecordingServer.http(handler);
    }

    private static String base(String scheme, String host, RecordingServer server) {
        return scheme + "://" + host + ":" + server.port();
    }

    private CalendarException push(String caldavUrl) {
        CaldavCalendarProvider provider = new CaldavCalendarProvider(new TestSettings(configDir)
                .write(TestSettings.values(caldavUrl, Radicale.USER, Radicale.PASSWORD, "Interviews " + UUID.randomUUID())));
        return assertThrows(CalendarException.class, () -> provider.create(CaldavCalendarProviderTest.event(
                CaldavCalendarProviderTest.randomIdentity(), "Interview: Engineer @ ACME", CaldavCalendarProviderTest.NINE_UTC)));
    }

    private static void assertNotSentTo(String host, CalendarException e) {
        assertEquals(Kind.CONFIGURATION, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(host + " asked for the password") && e.getMessage().contains("Peregrine did not send it there"),
                e.getMessage());
        assertFalse(e.getMessage().contains(Radicale.PASSWORD), "the message holds no password");
    }

    @ParameterizedTest(name = "caldav_url over {0}, calendar home on the foreign host over {1}")
    @CsvSource({ "http, http", "http, https", "https, http", "https, https" })
    void aCalendarHomeOnAForeignHostReceivesNoPassword(String frontScheme, String foreignScheme) throws Exception {
        try (RecordingServer foreign = server(foreignScheme, foreignTls, RecordingServer.challenging());
                RecordingServer front = server(frontScheme, frontTls,
                        FrontDoor.namingHome(base(foreignScheme, FOREIGN_HOST, foreign) + "/" + Radicale.USER + "/"))) {

            CalendarException e = push(base(frontScheme, FRONT_HOST, front) + "/");

            assertNotSentTo(FOREIGN_HOST, e);
            assertFalse(foreign.requests().isEmpty(), "the foreign host was asked, without credentials");
            assertEquals(0, foreign.withAuthorization(), "Authorization headers the foreign host received: " + foreign.requests());
            assertTrue(front.withAuthorization() > 0, "the configured server itself did get the password: " + front.requests());
        }
    }

    @ParameterizedTest(name = "caldav_url over {0}, redirected to the foreign host over {1}")
    @CsvSource({ "http, https", "https, https" }) // http to http: the reported attack, below
    void aRedirectToAForeignHostReceivesNoPassword(String frontScheme, String foreignScheme) throws Exception {
        try (RecordingServer foreign = server(foreignScheme, foreignTls, RecordingServer.challenging());
                RecordingServer front = server(frontScheme, frontTls, FrontDoor.redirectingTo(base(foreignScheme, FOREIGN_HOST, foreign)))) {

            CalendarException e = push(base(frontScheme, FRONT_HOST, front) + "/");

            assertNotSentTo(FOREIGN_HOST, e);
            assertFalse(foreign.requests().isEmpty(), "the redirect was followed, without credentials");
            assertEquals(0, foreign.withAuthorization(), "Authorization headers the foreign host received: " + foreign.requests());
        }
    }

    @Test
    void aPlainHttpServerRedirectingPropfindToAnotherHostSendsItNothingOfThePassword() throws Exception {
        // The reported attack: the 401 there used to be answered with the password, in clear text.
        try (RecordingServer foreign = RecordingServer.http(RecordingServer.challenging());
                RecordingServer front = RecordingServer.http(FrontDoor.redirectingTo(base("http", FOREIGN_HOST, foreign)))) {

            CalendarException e = push(base("http", FRONT_HOST, front) + "/");

            assertNotSentTo(FOREIGN_HOST, e);
            assertEquals("PROPFIND", foreign.requests().get(0).method());
            assertEquals(FOREIGN_HOST + ":" + foreign.port(), foreign.requests().get(0).host());
            assertEquals(0, foreign.withAuthorization(), "Authorization headers the foreign host received: " + foreign.requests());
        }
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsNotFollowedAtAll() throws Exception {
        try (RecordingServer foreign = RecordingServer.http(RecordingServer.challenging());
                RecordingServer front = RecordingServer.https(frontTls, FrontDoor.redirectingTo(base("http", FOREIGN_HOST, foreign)))) {

            CalendarException e = push(base("https", FRONT_HOST, front) + "/");

            assertEquals(Kind.CONFIGURATION, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("redirected from HTTPS to the unencrypted address http://" + FOREIGN_HOST), e.getMessage());
            assertEquals(0, foreign.requests().size(), "nothing was sent to the plain-HTTP address");
        }
    }

    @Test
    void aHostOfTheSameDomainOverPlainHttpReceivesNoPassword() throws Exception {
        // Over HTTPS the other hosts of the domain are trusted with the password; in clear text only the configured origin is.
        try (RecordingServer sibling = RecordingServer.http(RecordingServer.challenging());
                RecordingServer front = RecordingServer.https(frontTls,
                        FrontDoor.namingHome(base("http", SIBLING_HOST, sibling) + "/" + Radicale.USER + "/"))) {

            CalendarException e = push(base("https", FRONT_HOST, front) + "/");

            assertNotSentTo(SIBLING_HOST, e);
            assertFalse(sibling.requests().isEmpty(), "the sibling was asked, without credentials");
            assertEquals(0, sibling.withAuthorization(), "Authorization headers the plain-HTTP sibling received: " + sibling.requests());
        }
    }
}
