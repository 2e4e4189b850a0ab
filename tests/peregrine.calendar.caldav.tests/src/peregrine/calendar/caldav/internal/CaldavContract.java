package peregrine.calendar.caldav.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.RemoteEvent;
import peregrine.calendar.tck.CalendarProviderContract;
import peregrine.calendar.tck.ContractSubject;
import peregrine.calendar.tck.StoredEvent;
import peregrine.tests.support.CalDavServer;

/**
 * The conformance kit against a real CalDAV server: each test gets a calendar of its own, reached through a proxy
 * that counts the requests; the events are read back with the server's own WebDAV answers and ical4j.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class CaldavContract extends CalendarProviderContract {

    @TempDir
    Path dir;
    private CalDavServer server;

    /** @return a new server of this class's kind, keeping its files in {@code dir} */
    abstract CalDavServer start(Path dir) throws Exception;

    @BeforeAll
    final void startServer(@TempDir Path serverDir) throws Exception {
        server = start(serverDir);
    }

    @AfterAll
    final void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** @return why the server alters an odd input on its own, if it does (see {@link ContractSubject#serverAlters}) */
    Optional<String> serverAlters(String oddInput) {
        return Optional.empty();
    }

    @Override
    protected ContractSubject subject() throws Exception {
        return new CaldavSubject(server, Files.createDirectories(dir.resolve(UUID.randomUUID().toString())), this::serverAlters);
    }

    private static final class CaldavSubject implements ContractSubject {

        private final CalDavServer server;
        private final Path dir;
        private final String calendarName = "Contract " + UUID.randomUUID().toString().substring(0, 8);
        private final FaultProxy proxy;
        private final CaldavCalendarProvider provider;
        private final List<AutoCloseable> resources = new ArrayList<>();
        private final Function<String, Optional<String>> alters;

        CaldavSubject(CalDavServer server, Path dir, Function<String, Optional<String>> alters) throws Exception {
            this.server = server;
            this.dir = dir;
            this.alters = alters;
            proxy = new FaultProxy(URI.create(server.base).getPort());
            resources.add(proxy);
            provider = provider(proxy, "main");
        }

        private CaldavCalendarProvider provider(FaultProxy through, String name) throws Exception {
            return new CaldavCalendarProvider(new TestSettings(Files.createDirectories(dir.resolve(name)))
                    .write(TestSettings.values(through.base() + "/", CalDavServer.USER, CalDavServer.PASSWORD, calendarName)));
        }

        @Override
        public CalendarProvider provider() {
            return provider;
        }

        @Override
        public List<StoredEvent> events() throws Exception {
            List<String> calendars = server.calendars().stream().filter(c -> c[1].equals(calendarName)).map(c -> server.base + c[0]).toList();
            List<StoredEvent> events = new ArrayList<>();
            for (String calendar : calendars) {
                for (String href : server.events(calendar)) {
                    VEvent e = Ics.event(server.get(server.base + href));
                    events.add(new StoredEvent(Ics.summary(e), Ics.description(e), Ics.start(e), Ics.end(e), Ics.location(e), Ics.reminders(e)));
                }
            }
            return events;
        }

        private String onTheServer(RemoteEvent event) {
            return server.base + URI.create(event.address().orElseThrow(() -> new AssertionError("no address: " + event))).getRawPath();
        }

        @Override
        public void deleteBehindTheProvider(RemoteEvent event) throws Exception {
            server.delete(onTheServer(event));
        }

        @Override
        public void changeBehindTheProvider(RemoteEvent event) throws Exception {
            String url = onTheServer(event);
            String changed = server.get(url).replaceFirst("(?m)^SUMMARY:.*$", "SUMMARY:Changed in another app");
            int status = server.put(url, changed);
            if (status / 100 != 2) {
                throw new IllegalStateException("PUT " + url + ": " + status);
            }
        }

        @Override
        public Optional<String> serverAlters(String oddInput) {
            return alters.apply(oddInput);
        }

        @Override
        public long requestsReceived() {
            return proxy.requests.size();
        }

        @Override
        public List<String> secrets() {
            return List.of(CalDavServer.PASSWORD);
        }

        @Override
        public CalendarProvider unanswering() throws Exception {
            FaultProxy silent = new FaultProxy(URI.create(server.base).getPort());
            silent.rule = (method, path) -> FaultProxy.HANG;
            resources.add(silent);
            return provider(silent, "unanswering");
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMillis(DavClient.CONNECT_TIMEOUT_MS + DavClient.SOCKET_TIMEOUT_MS);
        }

        @Override
        public void close() throws Exception {
            provider.deactivate();
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }
}
