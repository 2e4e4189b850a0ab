package peregrine.calendar.ics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.RemoteEvent;
import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;

/** The interviews file itself: concurrent writers, crashes, files it must not touch, zones and settings. */
public class IcsFileTest {

    @TempDir
    Path dir;

    private Calendar parse(Path file) throws Exception {
        return new CalendarBuilder().build(new StringReader(Files.readString(file)));
    }

    private static Set<String> uids(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT).stream()
                .map(c -> ((VEvent) c).getUid().orElseThrow().getValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> uids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> IcsEvents.uid(PushMany.identity(i).key())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    public void twoProcessesPushingAtOnceLoseNoEvent() throws Exception {
        Path file = dir.resolve("interviews.ics");
        Process a = ChildProcesses.start(PushMany.class, file.toString(), "0", "40");
        Process b = ChildProcesses.start(PushMany.class, file.toString(), "40", "40");
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, a.waitFor(), outA);
        assertEquals(0, b.waitFor(), outB);
        assertEquals("pushed 40", outA);
        assertEquals("pushed 40", outB);

        assertEquals(uids(0, 80), uids(parse(file)), "every event of both processes is in the file");
    }

    @Test
    public void aWriterKilledAtAnyMomentLeavesAWholeFile() throws Exception {
        Path file = dir.resolve("interviews.ics");
        for (int round = 0; round < 6; round++) {
            Object before = state(file);
            Process p = ChildProcesses.start(PushMany.class, file.toString(), Integer.toString(round * 1000), "1000");
            // killed while it writes, however long its start took: once it changed the file, a moment later
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (state(file).equals(before) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(37L * round);
            p.destroyForcibly().waitFor();
            if (Files.exists(file)) {
                Calendar calendar = parse(file);
                for (Component c : calendar.getComponents(Component.VEVENT)) {
                    VEvent e = (VEvent) c;
                    assertTrue(e.getSummary().getValue().startsWith("Interview "), e.toString());
                    assertTrue(e.getDateTimeEnd() != null, "every event is whole: " + e);
                }
            }
        }
        assertTrue(Files.exists(file), "the writers pushed something before they were killed");
        int before = uids(parse(file)).size();
        Process last = ChildProcesses.start(PushMany.class, file.toString(), "900000", "1");
        assertEquals(0, last.waitFor());
        assertEquals(before + 1, uids(parse(file)).size(), "the next push adds to what the killed writers left");
        try (var leftovers = Files.list(dir)) {
            assertEquals(List.of(), leftovers.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "the next write removes temporary files killed writers left");
        }
    }

    /** @return what tells one version of the file from the next: its modification time and size, or that it is missing */
    private static Object state(Path file) throws IOException {
        return Files.exists(file) ? List.of(Files.getLastModifiedTime(file), Files.size(file)) : "missing";
    }

    @Test
    public void aFileThatIsNotICalendarIsNamedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("interviews.ics");
        Files.writeString(file, "BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");
        IcsCalendarProvider provider = new IcsCalendarProvider(new TestSettings(dir.resolve("config"), file, "Interviews"));
        CalendarException e = assertThrows(CalendarException.class, () -> provider.create(event("00000000000000000000000000000001",
                ZonedDateTime.of(2026, 12, 10, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")))));
        assertEquals(CalendarException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n", Files.readString(file));
    }

    private static CalendarEvent event(String key, ZonedDateTime start) {
        return new CalendarEvent(new peregrine.calendar.EventIdentity(key), "Interview: Engineer @ Acme \u00e9\u4e2d", "https://jobs.example/1",
                start, Duration.ofHours(1));
    }

    @Test
    public void eachZoneHasOneVtimezoneAndEarlierEventsKeepTheirInstants() throws Exception {
        Path file = dir.resolve("interviews.ics");
        IcsCalendarProvider provider = new IcsCalendarProvider(new TestSettings(dir.resolve("config"), file, "My interviews"));
        List<ZonedDateTime> starts = List.of(ZonedDateTime.of(2026, 12, 10, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")),
                ZonedDateTime.of(2027, 3, 14, 2, 30, 0, 0, ZoneId.of("America/New_York")),
                ZonedDateTime.of(2027, 1, 5, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")),
                ZonedDateTime.of(2027, 6, 1, 8, 0, 0, 0, ZoneId.of("UTC")));
        for (int i = 0; i < starts.size(); i++) {
            provider.create(event(String.format("%032d", i), starts.get(i)));
        }
        Calendar calendar = parse(file);
        String text = Files.readString(file);

        assertEquals(2, calendar.getComponents(Component.VTIMEZONE).size(), text);
        assertEquals("My interviews", calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue());
        Map<String, Instant> stored = calendar.getComponents(Component.VEVENT).stream().map(VEvent.class::cast)
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> Instant.from(e.getDateTimeStart().getDate())));
        for (int i = 0; i < starts.size(); i++) {
            assertEquals(starts.get(i).toInstant(), stored.get(IcsEvents.uid(String.format("%032d", i))), "event " + i);
        }
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "a line longer than 75 octets: " + line);
        }
        provider.delete(RemoteEvent.of(IcsEvents.uid(String.format("%032d", 1))));
        assertEquals(1, parse(file).getComponents(Component.VTIMEZONE).size(), "a zone no event names any more goes");
    }

    @Test
    public void aRewrittenFileKeepsItsPermissionsAndANewOneIsTheUsersAlone() throws Exception {
        Path file = dir.resolve("interviews.ics");
        IcsCalendarProvider provider = new IcsCalendarProvider(new TestSettings(dir.resolve("config"), file, "Interviews"));
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 10, 15, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        provider.create(event("00000000000000000000000000000001", start));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        provider.create(event("00000000000000000000000000000002", start));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "a file served for subscription stays readable");
        assertEquals(2, uids(parse(file)).size());
    }

    @Test
    public void theDefaultFileHonoursXdgDataHomeAndARelativePathIsRefusedNamingTheFile() throws Exception {
        Path settingsFile = dir.resolve("ics_file.yaml");
        IntegrationConfig empty = new IntegrationConfig("ics_file", settingsFile, Map.of());
        assertEquals(Path.of("/data/peregrine/interviews.ics"), IcsSettings.of(empty, Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/ada")).file());
        assertEquals(Path.of("/home/ada/.local/share/peregrine/interviews.ics"), IcsSettings.of(empty, Map.of("HOME", "/home/ada")).file());
        assertEquals(Path.of("/home/ada/cal/i.ics"),
                IcsSettings.of(new IntegrationConfig("ics_file", settingsFile, Map.of("path", "~/cal/i.ics")), Map.of("HOME", "/home/ada")).file());
        assertEquals(Optional.of("Job hunt"),
                IcsSettings.of(new IntegrationConfig("ics_file", settingsFile, Map.of("name", "Job hunt")), Map.of("HOME", "/home/ada")).name());
        SettingsException e = assertThrows(SettingsException.class,
                () -> IcsSettings.of(new IntegrationConfig("ics_file", settingsFile, Map.of("path", "cal/i.ics")), Map.of("HOME", "/home/ada")));
        assertTrue(e.getMessage().contains(settingsFile.toString()) && e.getMessage().contains("cal/i.ics"), e.getMessage());
    }
}
