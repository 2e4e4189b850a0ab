package peregrine.calendar.ics.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import peregrine.calendar.CalendarEvent;

/**
 * The iCalendar text (RFC 5545) of the interviews file, read and written with ical4j: one VCALENDAR, its name as
 * X-WR-CALNAME, a VTIMEZONE for every zone an event names, and a VEVENT per interview.
 */
final class IcsEvents {

    static final String PRODID = "-//Peregrine samples//iCalendar-file provider//EN";
    private static final int MAX_LINE_OCTETS = 75;
    /** By zone id, made once: a VTIMEZONE expands its rules, which costs more than the rest of a write. */
    private static final Map<String, Optional<TimeZone>> ZONES = new ConcurrentHashMap<>();
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsEvents() {
    }

    /** @return the UID of the event of identity {@code key}, the one the CalDAV provider gives it too */
    static String uid(String key) {
        return key + "@peregrine-workbench";
    }

    /** @return the UID of {@code event}, if it has one */
    static Optional<String> uidOf(VEvent event) {
        return event.getUid().map(Property::getValue);
    }

    /**
     * @return the interview as a VEVENT named {@code uid}: SUMMARY, DESCRIPTION (when not empty), LOCATION (when
     *         known) and, for a place that is a web address, an RFC 7986 CONFERENCE to join it; DTSTART and DTEND
     *         with the zone's TZID, or in UTC for a UTC start, a zone ical4j does not know, or the second pass of a
     *         repeated hour (which a local time with TZID cannot name: RFC 5545 3.3.5 reads it as the first); and a
     *         display VALARM per reminder, the title as its text. A VEVENT is written whole, so a pushed event
     *         replaces every alarm it had.
     */
    static VEvent vevent(String uid, CalendarEvent event, Instant now) {
        Optional<TimeZone> zone = isUtc(event.start().getZone()) ? Optional.empty() : zone(event.start().getZone().getId());
        VEvent vevent = new VEvent(at(event.start(), zone), at(event.end(), zone), calendarText(event.title()));
        vevent.replace(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new Uid(uid));
        String description = calendarText(event.description());
        if (!description.isEmpty()) {
            vevent.add(new Description(description));
        }
        event.location().map(IcsEvents::calendarText).filter(l -> !l.isBlank()).ifPresent(l -> vevent.add(new Location(l)));
        event.locationLink().ifPresent(link -> vevent.add(new Conference(new ParameterList(List.of(Value.URI, Feature.VIDEO)), link.toString())));
        for (Duration reminder : event.reminders()) {
            VAlarm alarm = new VAlarm(reminder.negated());
            alarm.add(new Action(Action.VALUE_DISPLAY));
            alarm.add(new Description(calendarText(event.title())));
            vevent.add(alarm);
        }
        return vevent;
    }

    private static Temporal at(ZonedDateTime time, Optional<TimeZone> zone) {
        if (zone.isEmpty() || !time.withEarlierOffsetAtOverlap().toInstant().equals(time.toInstant())) {
            return time.toInstant();
        }
        return time.withZoneSameInstant(zone.get().toZoneId());
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    private static Optional<TimeZone> zone(String id) {
        return ZONES.computeIfAbsent(id, known -> {
            try {
                return Optional.ofNullable(REGISTRY.getTimeZone(known));
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        });
    }

    /** What iCalendar text can hold: no control characters but tab and line feed; CR LF and CR become LF. */
    static String calendarText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** @return the VEVENTs of an iCalendar text, in file order */
    static List<VEvent> parse(String text) throws IOException, ParserException {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = new ArrayList<>();
        for (Component c : calendar.getComponents(Component.VEVENT)) {
            events.add((VEvent) c);
        }
        return events;
    }

    /** @return the file's text: the calendar named {@code name}, with a VTIMEZONE for each zone the events name */
    static String write(List<VEvent> events, Optional<String> name) {
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().getFluentTarget();
        name.map(IcsEvents::calendarText).filter(n -> !n.isBlank()).ifPresent(n -> calendar.add(new XProperty("X-WR-CALNAME", n)));
        Set<String> zoneIds = new TreeSet<>();
        for (VEvent event : events) {
            for (Property p : event.getProperties()) {
                p.getParameter(Parameter.TZID).map(Parameter::getValue).ifPresent(zoneIds::add);
            }
        }
        for (String id : zoneIds) {
            zone(id).map(TimeZone::getVTimeZone).map(VTimeZone.class::cast).ifPresent(calendar::add);
        }
        events.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        return foldOctets(out.toString());
    }

    /**
     * Folds content lines at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character: ical4j folds at 73
     * characters, which non-ASCII text makes longer than 75 octets.
     */
    static String foldOctets(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
                int cp = line.codePointAt(i);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + n > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += n;
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
