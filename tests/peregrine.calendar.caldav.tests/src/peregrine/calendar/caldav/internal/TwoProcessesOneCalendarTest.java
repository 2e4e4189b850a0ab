package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.NINE_UTC;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.event;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.randomIdentity;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;
import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.Xandikos;

/**
 * #11.3: two independent providers (two processes' worth: each its own settings, session and HTTP client) push the
 * same jobs at once to a calendar that does not exist yet, behind a server that lists calendars slowly, so that each
 * sees no calendar before either creates one.
 */
class TwoProcessesOneCalendarTest {

    static final long SLOW_LISTING_MS = 1500;
    static final int JOBS = 3;

    static Stream<String> servers() {
        return Stream.of("Radicale", "Xandikos");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void twoProcessesCreatingTheMissingCalendarAtOnceEndWithOneCalendarAndOneEventPerJob(String kind, @TempDir Path dir) throws Exception {
        String name = "Interviews " + UUID.randomUUID().toString().substring(0, 8);
        try (CalDavServer server = kind.equals("Radicale") ? Radicale.start(Files.createDirectories(dir.resolve("server")))
                : Xandikos.start(Files.createDirectories(dir.resolve("server")));
                FaultProxy proxy = new FaultProxy(URI.create(server.base).getPort())) {
            String home = URI.create(server.home()).getPath();
            // The listing of the calendar home (PROPFIND Depth: 1) is slow: both processes list before either creates.
            proxy.delay = head -> head.startsWith("PROPFIND " + home + " ") && head.toLowerCase().contains("\ndepth: 1") ? SLOW_LISTING_MS : 0;
            List<EventIdentity> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(randomIdentity());
            }
            CaldavCalendarProvider first = provider(dir.resolve("first"), proxy.base(), name);
            CaldavCalendarProvider second = provider(dir.resolve("second"), proxy.base(), name);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<RemoteEvent>>> pushes = new ArrayList<>();
            for (CaldavCalendarProvider provider : List.of(first, second)) {
                pushes.add(pool.submit(() -> {
                    start.await();
                    List<RemoteEvent> pushed = new ArrayList<>();
                    for (EventIdentity job : jobs) {
                        pushed.add(provider.create(event(job, "Interview: job " + job.key(), NINE_UTC)));
                    }
                    return pushed;
                }));
            }
            List<RemoteEvent> all = new ArrayList<>();
            for (Future<List<RemoteEvent>> push : pushes) {
                all.addAll(push.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            List<String[]> named = server.calendars().stream().filter(c -> c[1].equals(name)).toList();
            assertEquals(1, named.size(), "calendars named '" + name + "': " + named.stream().map(c -> c[0]).toList());
            String calendar = server.base + named.get(0)[0];
            List<String> events = server.events(calendar);
            Set<String> uids = new HashSet<>();
            for (String href : events) {
                uids.add(Ics.uid(Ics.event(server.get(server.base + href))));
            }
            assertEquals(JOBS, events.size(), "one event per job: " + events);
            assertEquals(jobs.stream().map(j -> j.key() + "@peregrine-workbench").collect(java.util.stream.Collectors.toSet()), uids);
            // (the providers reach the server through the proxy: compare paths)
            assertEquals(Set.of(named.get(0)[0]), all.stream().map(e -> URI.create(e.address().orElseThrow()).getPath())
                    .map(p -> p.substring(0, p.lastIndexOf('/') + 1)).collect(java.util.stream.Collectors.toSet()), "both processes write to that calendar");
            long listings = proxy.requests.stream().filter(r -> r.equals("PROPFIND " + home)).count();
            System.out.printf("Two processes, one missing calendar on %s: %d calendar named '%s', %d events for %d jobs; "
                    + "%d home listings, %d MKCALENDAR, %d requests in all; %d of %d creates found the event already there%n",
                    kind, named.size(), name, events.size(), JOBS, listings,
                    proxy.requests.stream().filter(r -> r.startsWith("MKCALENDAR")).count(), proxy.requests.size(),
                    all.stream().filter(RemoteEvent::existed).count(), all.size());
        }
    }

    private static CaldavCalendarProvider provider(Path configDir, String url, String calendarName) throws Exception {
        Files.createDirectories(configDir);
        return new CaldavCalendarProvider(new TestSettings(configDir)
                .write(TestSettings.values(url + "/", CalDavServer.USER, CalDavServer.PASSWORD, calendarName)));
    }
}
