package peregrine.calendar.ics.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Summary;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.RemoteEvent;
import peregrine.calendar.tck.CalendarProviderContract;
import peregrine.calendar.tck.ContractSubject;
import peregrine.calendar.tck.StoredEvent;

/**
 * The conformance kit against the provider and a real file. The kit's calendar "that never answers" is, for a file,
 * one whose lock another process holds; "requests the calendar received" are changes of the calendar's folder.
 */
public class IcsCalendarProviderContractTest extends CalendarProviderContract {

    @TempDir
    Path dir;

    @Override
    protected ContractSubject subject() throws Exception {
        return new FileSubject(dir);
    }

    /** The provider over {@code interviews.ics} in a folder of its own, read and changed behind it with ical4j. */
    static final class FileSubject implements ContractSubject {

        private final Path calendar;
        private final IcsCalendarProvider provider;
        private Process holder;

        FileSubject(Path dir) throws Exception {
            calendar = dir.resolve("calendars").resolve("interviews.ics");
            provider = new IcsCalendarProvider(new TestSettings(dir.resolve("config"), calendar, "Interviews"));
        }

        @Override
        public CalendarProvider provider() {
            return provider;
        }

        private Calendar parsed() throws Exception {
            return new CalendarBuilder().build(new StringReader(Files.readString(calendar)));
        }

        @Override
        public List<StoredEvent> events() throws Exception {
            if (!Files.exists(calendar)) {
                return List.of();
            }
            List<StoredEvent> events = new ArrayList<>();
            for (Component c : parsed().getComponents(Component.VEVENT)) {
                VEvent e = (VEvent) c;
                events.add(new StoredEvent(e.getSummary().getValue(),
                        e.<Property>getProperty(Property.DESCRIPTION).map(Property::getValue).orElse(""),
                        Instant.from(e.getDateTimeStart().getDate()), Instant.from(e.getDateTimeEnd().getDate()),
                        e.<Property>getProperty(Property.LOCATION).map(Property::getValue).orElse(""),
                        e.getAlarms().stream().map(FileSubject::before).toList()));
            }
            return events;
        }

        /** How long before the start an alarm fires; ical4j reads a TRIGGER in days ("-P1D") as a Period of 24-hour days. */
        private static Duration before(VAlarm alarm) {
            TemporalAmount trigger = alarm.getTrigger().orElseThrow().getDuration();
            Duration before = Duration.ZERO;
            for (TemporalUnit unit : trigger.getUnits()) {
                before = before.plus(unit.getDuration().multipliedBy(trigger.get(unit)));
            }
            return before.negated();
        }

        /** Rewrites the file with ical4j alone, as another calendar app would, keeping every event {@code edit} leaves. */
        private void rewrite(String uid, boolean remove) throws Exception {
            if (!Files.exists(calendar)) {
                return;
            }
            Calendar parsed = parsed();
            Calendar edited = new Calendar().withProdId("-//Test//Another app//EN").withDefaults().getFluentTarget();
            for (CalendarComponent c : parsed.getComponents()) {
                boolean ours = c instanceof VEvent e && e.getUid().map(Property::getValue).filter(uid::equals).isPresent();
                if (ours && !remove) {
                    ((VEvent) c).replace(new Summary("Changed in another app"));
                }
                if (!(ours && remove)) {
                    edited.add(c);
                }
            }
            StringBuilder out = new StringBuilder();
            try (var writer = new java.io.StringWriter()) {
                new CalendarOutputter(false).output(edited, writer);
                out.append(writer);
            }
            Files.writeString(calendar, out);
        }

        @Override
        public void deleteBehindTheProvider(RemoteEvent event) throws Exception {
            rewrite(event.id(), true);
        }

        @Override
        public void changeBehindTheProvider(RemoteEvent event) throws Exception {
            rewrite(event.id(), false);
        }

        /** A number that changes whenever a file of the calendar's folder is made, changed or replaced. */
        @Override
        public long requestsReceived() {
            if (!Files.isDirectory(calendar.getParent())) {
                return 0;
            }
            try (Stream<Path> files = Files.list(calendar.getParent())) {
                return files.sorted().mapToLong(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        return Objects.hash(f.getFileName(), a.fileKey(), a.size(), a.lastModifiedTime());
                    } catch (java.io.IOException e) {
                        return 0;
                    }
                }).reduce(17, (h, x) -> 31 * h + x);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }

        /** The same provider, while another process holds the calendar file's lock. */
        @Override
        public CalendarProvider unanswering() throws Exception {
            Files.createDirectories(calendar.getParent());
            holder = ChildProcesses.start(HoldLock.class, calendar.resolveSibling(calendar.getFileName() + ".lock").toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            if (!"locked".equals(out.readLine())) {
                throw new IllegalStateException("the lock holder did not start");
            }
            return provider;
        }

        @Override
        public Duration timeLimit() {
            return TestSettings.TIME_LIMIT;
        }

        @Override
        public void close() throws Exception {
            if (holder != null) {
                holder.getOutputStream().close();
                holder.waitFor();
            }
        }
    }
}
