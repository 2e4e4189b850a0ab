package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.NINE_UTC;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.event;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.randomIdentity;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;
import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Radicale;
import peregrine.tests.support.Xandikos;

/**
 * The provider's events against two real CalDAV servers that answer differently where the RFCs let them (Radicale
 * and Xandikos, both from Debian). Each test uses its own calendar name, so counts are its own.
 */
class CaldavServersTest {

    @RegisterExtension
    static final TwoCalDavServers SERVERS = new TwoCalDavServers();

    @TempDir
    Path configDir;

    static Stream<CalDavServer> servers() {
        return SERVERS.servers();
    }

    private static String calendarName() {
        return "Interviews " + UUID.randomUUID().toString().substring(0, 8);
    }

    private CaldavCalendarProvider provider(CalDavServer server, String calendarName) {
        return provider(server.base + "/", calendarName);
    }

    private CaldavCalendarProvider provider(String url, String calendarName) {
        return new CaldavCalendarProvider(new TestSettings(configDir)
                .write(TestSettings.values(url, CalDavServer.USER, CalDavServer.PASSWORD, calendarName)));
    }

    private static String calendarUrl(CalDavServer server, String name) throws Exception {
        return server.calendars().stream().filter(c -> c[1].equals(name)).map(c -> server.base + c[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no calendar named " + name + " on " + server));
    }

    private static String url(RemoteEvent event) {
        return event.address().orElseThrow(() -> new AssertionError("no address: " + event));
    }

    /** An event written by another program (as python-caldav does): its own UID, its own resource name. */
    private static String foreignEvent(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Elsewhere//EN\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20300101T000000Z\r\n"
                + "DTSTART:20300110T120000Z\r\nDTEND:20300110T130000Z\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void firstCreateMakesTheCalendarUnderItsDerivedNameAndOneEventWhoseIdIsItsUid(CalDavServer server) throws Exception {
        String name = calendarName();
        EventIdentity id = randomIdentity();

        RemoteEvent created = provider(server, name).create(event(id, "Interview: Engineer @ ACME", NINE_UTC));

        String calendar = calendarUrl(server, name);
        assertEquals(server.home() + CaldavSession.collectionName(name) + "/", calendar, "the collection is named after the display name");
        assertEquals(id.key() + "@peregrine-workbench", created.id(), "the id is the UID");
        assertEquals(calendar + id.key() + ".ics", url(created), "the address is the resource's URL");
        assertFalse(created.existed());
        assertEquals(Optional.of(server.etag(url(created))), created.version(), "the version is the ETag");
        assertEquals(List.of(id.key() + ".ics"), server.events(calendar).stream().map(h -> h.substring(h.lastIndexOf('/') + 1)).toList());
        VEvent stored = Ics.event(server.get(url(created)));
        assertEquals(created.id(), Ics.uid(stored));
        assertEquals(NINE_UTC.toInstant(), Ics.start(stored));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void anUpdateWithTheAddressAndEtagItWasGivenIsOnePutEvenInANewProcess(CalDavServer server) throws Exception {
        String name = calendarName();
        EventIdentity id = randomIdentity();
        RemoteEvent created = provider(server, name).create(event(id, "Phone Screen: Engineer @ ACME", NINE_UTC));

        CaldavCalendarProvider restarted = provider(server, name);
        restarted.testConnection(); // discovery, which a new process does once whatever it pushes
        long before = restarted.requestCount();
        RemoteEvent updated = restarted.update(created, event(id, "Interview: Engineer @ ACME", NINE_UTC.plusDays(2)));

        assertEquals(1, restarted.requestCount() - before, "one PUT with If-Match");
        assertEquals(created.id(), updated.id());
        assertEquals(created.address(), updated.address());
        assertEquals(Optional.of(server.etag(url(created))), updated.version());
        assertNotEquals(created.version(), updated.version());
        assertEquals(1, server.events(calendarUrl(server, name)).size());
        VEvent stored = Ics.event(server.get(url(created)));
        assertEquals("Interview: Engineer @ ACME", Ics.summary(stored));
        assertEquals(NINE_UTC.plusDays(2).toInstant(), Ics.start(stored));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void aCreateThatFindsItsEventAlreadyThereUpdatesItAndSaysSo(CalDavServer server) throws Exception {
        String name = calendarName();
        EventIdentity id = randomIdentity();
        RemoteEvent first = provider(server, name).create(event(id, "Interview: before the crash", NINE_UTC));

        RemoteEvent second = provider(server, name).create(event(id, "Interview: after the crash", NINE_UTC.plusHours(1)));

        assertTrue(second.existed(), "the create found the event");
        assertEquals(first.id(), second.id());
        assertEquals(first.address(), second.address());
        assertEquals(1, server.events(calendarUrl(server, name)).size());
        assertEquals("Interview: after the crash", Ics.summary(Ics.event(server.get(url(first)))));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void aStaleEtagIsReadAgainAndTheUpdateLandsOnTheSameEvent(CalDavServer server) throws Exception {
        String name = calendarName();
        EventIdentity id = randomIdentity();
        RemoteEvent known = provider(server, name).create(event(id, "Interview: v1", NINE_UTC));
        String changed = server.get(url(known)).replace("SUMMARY:Interview: v1", "SUMMARY:edited elsewhere");
        assertEquals(2, server.put(url(known), changed) / 100);
        assertNotEquals(known.version(), Optional.of(server.etag(url(known))));

        CaldavCalendarProvider restarted = provider(server, name);
        restarted.testConnection();
        long before = restarted.requestCount();
        RemoteEvent updated = restarted.update(known, event(id, "Interview: v2", NINE_UTC));

        assertEquals(3, restarted.requestCount() - before, "PUT (412), PROPFIND getetag, PUT");
        assertEquals(Optional.of(server.etag(url(known))), updated.version());
        assertEquals("Interview: v2", Ics.summary(Ics.event(server.get(url(known)))));
        assertEquals(1, server.events(calendarUrl(server, name)).size(), "no second event");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void anUpdateWithoutAVersionReadsTheEtagFirst(CalDavServer server) throws Exception {
        String name = calendarName();
        EventIdentity id = randomIdentity();
        RemoteEvent created = provider(server, name).create(event(id, "Interview: v1", NINE_UTC));

        CaldavCalendarProvider restarted = provider(server, name);
        restarted.testConnection();
        long before = restarted.requestCount();
        RemoteEvent updated = restarted.update(new RemoteEvent(created.id(), created.address(), Optional.empty()), event(id, "Interview: v2", NINE_UTC));

        assertEquals(2, restarted.requestCount() - before, "PROPFIND getetag, PUT");
        assertEquals(Optional.of(server.etag(url(created))), updated.version());
        assertEquals("Interview: v2", Ics.summary(Ics.event(server.get(url(created)))));
    }

    /** Xandikos answers the PROPFIND of a deleted event with a 207 whose response says 404: gone, as a bare 404 is. */
    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void anEventDeletedOnTheServerIsNotFoundWithOrWithoutItsEtagAndACreateMakesItAgain(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        EventIdentity id = randomIdentity();
        RemoteEvent created = provider.create(event(id, "Interview: soon gone", NINE_UTC));
        assertEquals(2, server.delete(url(created)) / 100);

        CalendarException withEtag = assertThrows(CalendarException.class, () -> provider.update(created, event(id, "Interview: again", NINE_UTC)));
        assertEquals(Kind.NOT_FOUND, withEtag.kind(), withEtag.getMessage());
        CalendarException withoutEtag = assertThrows(CalendarException.class,
                () -> provider.update(new RemoteEvent(created.id(), created.address(), Optional.empty()), event(id, "Interview: again", NINE_UTC)));
        assertEquals(Kind.NOT_FOUND, withoutEtag.kind(), withoutEtag.getMessage());
        CalendarException byUid = assertThrows(CalendarException.class, () -> provider.update(RemoteEvent.of(created.id()), event(id, "x", NINE_UTC)));
        assertEquals(Kind.NOT_FOUND, byUid.kind(), byUid.getMessage());

        RemoteEvent again = provider.create(event(id, "Interview: again", NINE_UTC));

        assertFalse(again.existed());
        assertEquals(created.address(), again.address());
        assertEquals(1, server.events(calendarUrl(server, name)).size());
        assertEquals("Interview: again", Ics.summary(Ics.event(server.get(url(again)))));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void anEventAnotherProgramMadeIsFoundByItsUidAndUpdatedInPlaceKeepingItsUidAndName(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        provider.create(event(randomIdentity(), "Interview: makes the calendar", NINE_UTC));
        String calendar = calendarUrl(server, name);
        String uid = "peregrine-job-" + (1000 + (int) (Math.random() * 9000)) + "@circuitforge.tech";
        String foreign = calendar + UUID.randomUUID() + ".ics";
        assertEquals(2, server.put(foreign, foreignEvent(uid, "Interview: as Peregrine wrote it")) / 100);
        long before = provider.requestCount();

        RemoteEvent adopted = provider.update(RemoteEvent.of(uid), event(randomIdentity(), "Interview: as the workbench writes it", NINE_UTC.plusDays(1)));

        assertEquals(2, provider.requestCount() - before, "REPORT by UID, PUT");
        assertEquals(uid, adopted.id());
        assertEquals(Optional.of(foreign), adopted.address());
        assertEquals(Optional.of(server.etag(foreign)), adopted.version());
        assertEquals(2, server.events(calendar).size(), "updated in place: no event added");
        VEvent stored = Ics.event(server.get(foreign));
        assertEquals(uid, Ics.uid(stored));
        assertEquals("Interview: as the workbench writes it", Ics.summary(stored));
        assertEquals(NINE_UTC.plusDays(1).toInstant(), Ics.start(stored));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void aUidThatMatchesOnlyInPartOrInAnotherCaseIsNotFoundAndNothingIsWritten(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        provider.create(event(randomIdentity(), "Interview: makes the calendar", NINE_UTC));
        String calendar = calendarUrl(server, name);
        String foreign = calendar + "peregrine-job-17.ics";
        assertEquals(2, server.put(foreign, foreignEvent("peregrine-job-17@circuitforge.tech", "Untouched")) / 100);
        String etag = server.etag(foreign);

        for (String uid : List.of("peregrine-job-1", "PEREGRINE-JOB-17@circuitforge.tech", "job-17@circuitforge.tech", "uxpyeuevfbw76wq7")) {
            CalendarException e = assertThrows(CalendarException.class, () -> provider.update(RemoteEvent.of(uid), event(randomIdentity(), "x", NINE_UTC)));
            assertEquals(Kind.NOT_FOUND, e.kind(), e.getMessage());
        }
        assertEquals(etag, server.etag(foreign), "the other event is untouched");
        assertEquals(2, server.events(calendar).size(), "nothing was created");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void deleteByAddressOrByUidRemovesTheEventAndDeletingAgainIsFine(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        RemoteEvent byAddress = provider.create(event(randomIdentity(), "Interview: to delete", NINE_UTC));
        RemoteEvent byUid = RemoteEvent.of(provider.create(event(randomIdentity(), "Interview: to delete by UID", NINE_UTC)).id());

        provider.delete(byAddress);
        provider.delete(byUid);
        provider.delete(byAddress);
        provider.delete(byUid);

        assertEquals(List.of(), server.events(calendarUrl(server, name)));
    }

    static Stream<Arguments> addressesOutsideTheCalendar() {
        List<String> forms = List.of("{cal}../{other}copy.ics", "{cal}%2e%2e/{other}copy.ics", "{cal}%2E%2E/{other}copy.ics",
                "{cal}.%2e/{other}copy.ics", "{cal}..%2f{other}copy.ics", "{cal}x/../../{other}copy.ics", "../{other}copy.ics",
                "{home}{other}copy.ics", "http://localhost:{port}{otherPath}copy.ics", "https://127.0.0.1:{port}{otherPath}copy.ics",
                "http://127.0.0.1:1{otherPath}copy.ics", "http://127.0.0.1:{port}{otherPath}copy.ics?x", "//localhost:{port}{otherPath}copy.ics");
        return servers().flatMap(s -> forms.stream().map(f -> Arguments.of(s, f)));
    }

    /** #11.2: a stored address (or a legacy URL id) outside the configured calendar never reaches the event it names. */
    @ParameterizedTest(name = "{0}: {1}", autoCloseArguments = false)
    @MethodSource("addressesOutsideTheCalendar")
    void anAddressOutsideTheCalendarIsIgnoredAndTheOtherCalendarsEventIsUntouched(CalDavServer server, String form) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        EventIdentity id = randomIdentity();
        provider.create(event(randomIdentity(), "Interview: makes the calendar", NINE_UTC));
        String calendar = calendarUrl(server, name);
        String other = "personal-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        assertEquals(2, server.mkcalendar(server.home() + other, "Personal") / 100);
        String copy = server.home() + other + "copy.ics";
        String copyUid = "copy-" + UUID.randomUUID();
        assertEquals(2, server.put(copy, foreignEvent(copyUid, "My own appointment")) / 100);
        String etag = server.etag(copy);
        String address = form.replace("{cal}", calendar).replace("{home}", server.home()).replace("{other}", other)
                .replace("{port}", String.valueOf(java.net.URI.create(server.base).getPort()))
                .replace("{otherPath}", java.net.URI.create(server.home()).getPath() + other);

        for (RemoteEvent hostile : List.of(new RemoteEvent(copyUid, Optional.of(address), Optional.of(etag)),
                new RemoteEvent(id.key() + "@peregrine-workbench", Optional.of(address), Optional.empty()), RemoteEvent.of(address))) {
            CalendarException e = assertThrows(CalendarException.class, () -> provider.update(hostile, event(id, "Interview: overwrites?", NINE_UTC)),
                    () -> "wrote to " + address);
            assertEquals(Kind.NOT_FOUND, e.kind(), e.getMessage());
            provider.delete(hostile);
        }

        assertEquals(etag, server.etag(copy), "the other calendar's event is unchanged");
        assertEquals("My own appointment", Ics.summary(Ics.event(server.get(copy))));
        assertEquals(1, server.events(calendar).size(), "nothing was written in the configured calendar either");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void anAddressInsideTheCalendarSpelledDifferentlyIsUsed(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        EventIdentity id = randomIdentity();
        RemoteEvent created = provider.create(event(id, "Interview: v1", NINE_UTC));
        String calendar = calendarUrl(server, name);
        String spelled = calendar.replace("http://", "HTTP://") + "x/%2E%2e/" + id.key() + ".ics";

        RemoteEvent updated = provider.update(new RemoteEvent(created.id(), Optional.of(spelled), created.version()), event(id, "Interview: v2", NINE_UTC));

        assertEquals(created.address(), updated.address());
        assertEquals("Interview: v2", Ics.summary(Ics.event(server.get(url(created)))));
        assertEquals(1, server.events(calendar).size());
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void aLegacyLinkWhoseIdIsTheEventsUrlIsUpdatedThereAndGetsItsUid(CalDavServer server) throws Exception {
        String name = calendarName();
        CaldavCalendarProvider provider = provider(server, name);
        EventIdentity id = randomIdentity();
        RemoteEvent created = provider.create(event(id, "Interview: v1", NINE_UTC));
        long before = provider.requestCount();

        RemoteEvent updated = provider.update(new RemoteEvent(url(created), created.version()), event(id, "Interview: v2", NINE_UTC));

        assertEquals(1, provider.requestCount() - before, "one PUT at the address the id names");
        assertEquals(created.id(), updated.id(), "the link now records the UID");
        assertEquals(created.address(), updated.address());
        assertEquals("Interview: v2", Ics.summary(Ics.event(server.get(url(created)))));
    }

    /** #11.7: each test of the connection asks the server; one that stopped is unavailable at once. */
    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void testConnectionReachesTheServerEveryTimeAndAStoppedServerIsUnavailable(CalDavServer kind, @TempDir Path dir) throws Exception {
        String name = calendarName();
        CalDavServer server = kind instanceof Radicale ? Radicale.start(dir) : Xandikos.start(dir);
        CaldavCalendarProvider provider;
        try (server) {
            provider = provider(server, name);
            provider.create(event(randomIdentity(), "Interview: warm session", NINE_UTC));
            long before = provider.requestCount();
            provider.testConnection();
            provider.testConnection();
            assertTrue(provider.requestCount() - before >= 4, "each test asks the server: " + (provider.requestCount() - before) + " requests");
        }
        long start = System.nanoTime();
        CalendarException e = assertThrows(CalendarException.class, provider::testConnection);
        assertEquals(Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        System.out.printf("testConnection against a stopped %s: %s after %.0f ms%n", kind, e.kind(), (System.nanoTime() - start) / 1e6);
    }
}
