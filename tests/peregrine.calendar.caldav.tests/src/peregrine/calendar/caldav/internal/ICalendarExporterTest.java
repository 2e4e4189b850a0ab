package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.calendar.caldav.internal.CaldavCalendarProviderTest.randomIdentity;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventExporter;
import peregrine.tests.support.CalDavServer;

/**
 * The DS {@link EventExporter} writes the iCalendar object the provider PUTs, and a calendar server takes the file
 * as a user importing it would send it: unchanged, in one raw HTTP PUT.
 */
class ICalendarExporterTest {

    @RegisterExtension
    static final TwoCalDavServers SERVERS = new TwoCalDavServers();

    @TempDir
    Path dir;

    static Stream<CalDavServer> servers() {
        return SERVERS.servers();
    }

    private static final ZonedDateTime BERLIN_TEN = ZonedDateTime.of(2030, 3, 12, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    private static CalendarEvent interview(String location) {
        return new CalendarEvent(randomIdentity(), "Interview: Engineer @ Acme", "https://jobs.example/1\nMakes anvils.", BERLIN_TEN,
                Duration.ofMinutes(45), Optional.of(location), List.of(Duration.ofDays(1), Duration.ofHours(1)));
    }

    private static EventExporter exporter() throws InterruptedException {
        ServiceTracker<EventExporter, EventExporter> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ICalendarExporterTest.class).getBundleContext(), EventExporter.class, null);
        tracker.open();
        try {
            EventExporter exporter = tracker.waitForService(10_000);
            assertNotNull(exporter, "no EventExporter is registered");
            return exporter;
        } finally {
            tracker.close();
        }
    }

    private Path export(CalendarEvent event) throws Exception {
        EventExporter exporter = exporter();
        Path file = dir.resolve("interview." + exporter.fileExtension());
        try (OutputStream out = Files.newOutputStream(file)) {
            exporter.write(event, out);
        }
        return file;
    }

    @Test
    void theExporterIsAnICalendarServiceNamingItsTypeAndExtension() throws Exception {
        EventExporter exporter = exporter();
        assertEquals("text/calendar", exporter.mediaType());
        assertEquals("ics", exporter.fileExtension());
    }

    @Test
    void theExportedFileIsValidICalendarWithTheZoneTheAlarmsAndThePlace() throws Exception {
        CalendarEvent event = interview("https://meet.example.com/abc-defg-hij");
        Calendar calendar = Ics.calendar(Files.readString(export(event), StandardCharsets.UTF_8));
        Ics.assertValid(calendar);

        assertTrue(calendar.getComponent("VTIMEZONE").isPresent(), "the zone the event names is in the file");
        VEvent vevent = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals(ICalendarEvents.uid(event.identity().key()), Ics.uid(vevent), "the UID the provider gives the event");
        assertEquals("https://meet.example.com/abc-defg-hij", Ics.location(vevent));
        Property conference = vevent.<Property>getProperty("CONFERENCE").orElseThrow();
        assertEquals("https://meet.example.com/abc-defg-hij", conference.getValue());
        assertEquals(Optional.of("URI"), conference.getParameter("VALUE").map(p -> p.getValue()));
        assertEquals(Optional.of("VIDEO"), conference.getParameter("FEATURE").map(p -> p.getValue()));
        assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(1)), Ics.reminders(vevent));
        for (VAlarm alarm : vevent.getAlarms()) {
            assertEquals("DISPLAY", alarm.getAction().orElseThrow().getValue());
            assertEquals(event.title(), alarm.<Property>getProperty("DESCRIPTION").orElseThrow().getValue());
        }
    }

    @Test
    void aPlaceThatIsNoLinkIsOnlyTheLocation() throws Exception {
        VEvent vevent = Ics.event(Files.readString(export(interview("Acme HQ, Room 4")), StandardCharsets.UTF_8));
        assertEquals("Acme HQ, Room 4", Ics.location(vevent));
        assertTrue(vevent.getProperty("CONFERENCE").isEmpty(), "no CONFERENCE for a place that is not a link");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    void theExportedFilePutUnchangedIntoACalendarServerReadsBackWithAlarmsPlaceAndZone(CalDavServer server) throws Exception {
        CalendarEvent event = interview("https://meet.example.com/abc-defg-hij");
        String file = Files.readString(export(event), StandardCharsets.UTF_8);
        String calendar = server.home() + "import-" + UUID.randomUUID() + "/";
        assertEquals(201, server.mkcalendar(calendar, "Imported"), "MKCALENDAR");
        String url = calendar + event.identity().key() + ".ics";

        int status = server.put(url, file);
        assertTrue(status == 201 || status == 204, "PUT of the exported file: " + status);

        String stored = server.get(url);
        VEvent vevent = Ics.event(stored);
        assertEquals(event.title(), Ics.summary(vevent));
        assertEquals(event.location().orElseThrow(), Ics.location(vevent));
        assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(1)), Ics.reminders(vevent));
        assertEquals(Optional.of("Europe/Berlin"), vevent.getDateTimeStart().getParameter("TZID").map(p -> p.getValue()),
                "DTSTART keeps its zone: " + stored);
        assertEquals(BERLIN_TEN.toInstant(), Ics.start(vevent));
        assertEquals(BERLIN_TEN.plusMinutes(45).toInstant(), Ics.end(vevent));
        assertTrue(vevent.getProperty("CONFERENCE").isPresent(), server + " keeps CONFERENCE: " + stored);
        Ics.assertValid(Ics.calendar(stored));
    }
}
