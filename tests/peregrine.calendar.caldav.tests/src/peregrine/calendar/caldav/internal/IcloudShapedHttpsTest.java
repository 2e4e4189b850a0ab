package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.RecordingServer;
import peregrine.tests.support.TestCa;
import peregrine.tests.support.TlsFront;

/**
 * iCloud's shape over real HTTPS: a front door at {@code https://caldav.peregrine-test.com} names a calendar home on
 * {@code https://p42-caldav.peregrine-test.com}, a second host of the same registrable domain, which is a real
 * Radicale behind a TLS front. Both names resolve to 127.0.0.1 through the module's hosts file only, and their
 * certificates chain to the run's {@link TestCa}.
 */
class IcloudShapedHttpsTest {

    static final String FRONT_HOST = "caldav.peregrine-test.com";
    static final String HOME_HOST = "p42-caldav.peregrine-test.com";

    @TempDir
    static Path serverDir;
    static TestCa ca;
    static Radicale radicale;
    static TlsFront home;
    static RecordingServer frontDoor;

    @TempDir
    Path configDir;

    @BeforeAll
    static void start() throws Exception {
        ca = TestCa.get();
        radicale = Radicale.start(serverDir);
        home = new TlsFront(ca.serverContext(HOME_HOST), URI.create(radicale.base).getPort());
        frontDoor = RecordingServer.https(ca.serverContext(FRONT_HOST), FrontDoor.namingHome(homeUrl()));
    }

    private static String homeUrl() {
        return "https://" + HOME_HOST + ":" + home.port() + "/" + Radicale.USER + "/";
    }

    @AfterAll
    static void stop() throws Exception {
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (home != null) {
            home.close();
        }
        if (radicale != null) {
            radicale.close();
        }
    }

    private CaldavCalendarProvider provider(RecordingServer door, String calendarName) {
        return new CaldavCalendarProvider(new TestSettings(configDir).write(
                TestSettings.values("https://" + FRONT_HOST + ":" + door.port() + "/", Radicale.USER, Radicale.PASSWORD, calendarName)));
    }

    private CaldavCalendarProvider provider(String calendarName) {
        return provider(frontDoor, calendarName);
    }

    private static String calendarUrl(String name) throws Exception {
        return radicale.calendars().stream().filter(c -> c[1].equals(name)).map(c -> radicale.base + c[0]).findFirst()
                .orElseThrow(() -> new AssertionError("Radicale has no calendar named " + name));
    }

    @Test
    void pushesUpdatesAndRediscoversThroughAFrontDoorThatNamesAHomeOnAnotherHostOfItsDomain() throws Exception {
        String name = "Interviews " + UUID.randomUUID().toString().substring(0, 8);
        EventIdentity identity = CaldavCalendarProviderTest.randomIdentity();
        int frontRequestsBefore = frontDoor.requests().size();

        CaldavCalendarProvider provider = provider(name);
        RemoteEvent created = provider.create(CaldavCalendarProviderTest.event(identity, "Interview: first", CaldavCalendarProviderTest.NINE_UTC));

        String calendar = calendarUrl(name);
        List<String> events = radicale.events(calendar);
        assertEquals(1, events.size(), "one event in the new calendar on the home host: " + events);
        String address = created.address().orElse(created.id());
        assertTrue(address.startsWith("https://" + HOME_HOST + ":" + home.port() + "/"), "the event lives on the home host: " + address);
        assertEquals(CaldavCalendarProviderTest.NINE_UTC.toInstant(), Ics.start(Ics.event(radicale.get(radicale.base + events.get(0)))));
        List<RecordingServer.Request> discovery = frontDoor.requests().subList(frontRequestsBefore, frontDoor.requests().size());
        assertTrue(discovery.stream().anyMatch(r -> r.path().equals(FrontDoor.PRINCIPAL) && r.authorization()),
                "the front door, the configured origin, was asked for the principal with the password: " + discovery);
        assertTrue(home.connections.get() > 0, "the home host was reached over TLS");

        // The same provider updates in place; a new one (another process) discovers through the front door again.
        RemoteEvent updated = provider.update(created,
                CaldavCalendarProviderTest.event(identity, "Interview: moved", CaldavCalendarProviderTest.NINE_UTC.plusHours(2)));
        assertEquals(List.of(events.get(0)), radicale.events(calendar), "updated in place");
        assertEquals(CaldavCalendarProviderTest.NINE_UTC.plusHours(2).toInstant(),
                Ics.start(Ics.event(radicale.get(radicale.base + events.get(0)))));
        int frontRequestsBeforeRediscovery = frontDoor.requests().size();
        CaldavCalendarProvider restarted = provider(name);
        restarted.update(updated, CaldavCalendarProviderTest.event(identity, "Interview: moved again", CaldavCalendarProviderTest.NINE_UTC.plusHours(3)));

        assertTrue(frontDoor.requests().size() > frontRequestsBeforeRediscovery, "the new provider discovered through the front door");
        events = radicale.events(calendar);
        assertEquals(1, events.size(), "still one event: " + events);
        assertEquals(1, radicale.calendars().stream().filter(c -> c[1].equals(name)).count(), "and one calendar of that name");
        assertEquals(CaldavCalendarProviderTest.NINE_UTC.plusHours(3).toInstant(),
                Ics.start(Ics.event(radicale.get(radicale.base + events.get(0)))));
    }

    @Test
    void aDigestChallengeFromTheConfiguredServerIsAnsweredWithThePassword() throws Exception {
        try (RecordingServer digestDoor = RecordingServer.https(ca.serverContext(FRONT_HOST), FrontDoor.namingHomeBehindDigest(homeUrl()))) {

            provider(digestDoor, "Interviews " + UUID.randomUUID()).testConnection();

            List<RecordingServer.Request> seen = digestDoor.requests();
            assertEquals(Optional.of("Basic"), seen.get(0).authScheme(), "the password went preemptively to the configured server: " + seen);
            assertTrue(seen.stream().anyMatch(r -> r.path().equals(FrontDoor.PRINCIPAL) && r.authScheme().equals(Optional.of("Digest"))),
                    "its Digest challenge was answered, and discovery went on to the principal: " + seen);
        }
    }
}
