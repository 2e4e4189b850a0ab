package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import peregrine.calendar.CalendarEvent;

/**
 * The iCalendar object (RFC 5545) of an interview, as stored in the CalDAV calendar. Escaping is ical4j's;
 * lines are folded at 75 octets.
 */
final class ICalendarEvents {

    static final String PRODID = "-//Peregrine//Peregrine Workbench//EN";
    private static final int MAX_LINE_OCTETS = 75;
    private static final String VEVENT_START = "BEGIN:VEVENT\r\n";
    /** By zone id; empty for a zone ical4j does not know. */
    private static final Map<String, Optional<Zone>> ZONES = new ConcurrentHashMap<>();
    private static TimeZoneRegistry registry;

    /**
     * A zone as events name it: ical4j's {@link ZoneId} for it and its VTIMEZONE text, made once per zone because
     * writing a VTIMEZONE expands its recurrence rules, which cost a push more than everything else it writes.
     */
    private record Zone(ZoneId icalZone, String vtimezone) {
    }

    private ICalendarEvents() {
    }

    /** @return the resource name of the event of {@code key} in its calendar collection */
    static String resourceName(String key) {
        return key + ".ics";
    }

    /** @return the UID of the event of {@code key} */
    static String uid(String key) {
        return key + "@peregrine-workbench";
    }

    /** @return the event as an iCalendar object with the UID the workbench derives from its identity */
    static String write(CalendarEvent event, Instant now) {
        return write(event, uid(event.identity().key()), now);
    }

    /**
     * @param uid the event's UID: the derived one for the workbench's own events, the one found for an event
     *            another program made (a UID never changes, RFC 4791 5.3.2)
     * @return the event as an iCalendar object: a VEVENT with UID, DTSTAMP, SUMMARY, DESCRIPTION (when not
     *         empty), LOCATION (when known), an RFC 7986 CONFERENCE for a place that is a link, DTSTART and DTEND
     *         in UTC for a UTC start, else with a TZID and the zone's VTIMEZONE, and one display VALARM per reminder
     *         (a TRIGGER before the start, the title as its DESCRIPTION). The object is whole: PUT over an earlier
     *         one, it leaves none of that one's alarms behind.
     */
    static String write(CalendarEvent event, String uid, Instant now) {
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().getFluentTarget();
        Temporal start = event.start().toInstant();
        Temporal end = event.end().toInstant();
        ZoneId zoneId = event.start().getZone();
        // A bare offset or a zone ical4j does not know has none: UTC keeps the instant exact.
        Optional<Zone> zone = isUtc(zoneId) ? Optional.empty() : ZONES.computeIfAbsent(zoneId.getId(), ICalendarEvents::zone);
        if (zone.isPresent()) {
            start = local(event.start(), zone.get().icalZone());
            end = local(event.end(), zone.get().icalZone());
        }
        VEvent vevent = new VEvent(start, end, event.title());
        vevent.replace(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new Uid(uid));
        if (!event.description().isEmpty()) {
            vevent.add(new Description(event.description()));
        }
        event.location().ifPresent(location -> vevent.add(new Location(location)));
        event.locationLink().ifPresent(link -> vevent.add(conference(link)));
        for (Duration reminder : event.reminders()) {
            vevent.add(alarm(reminder, event.title()));
        }
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        String ics = out.toString();
        if (zone.isPresent()) {
            // The VTIMEZONE goes where ical4j puts a zone it is given, before the event that names it.
            int at = ics.indexOf(VEVENT_START);
            ics = ics.substring(0, at) + zone.get().vtimezone() + ics.substring(at);
        }
        return foldOctets(ics);
    }

    /**
     * A link to join the interview (RFC 7986 5.11). FEATURE=VIDEO because a place given as a web address is, in
     * practice, a video call; calendar apps show such a property as a join button.
     */
    private static Conference conference(URI link) {
        return new Conference(new ParameterList(List.of(Value.URI, Feature.VIDEO)), link.toString());
    }

    /** A display alarm {@code before} the start (TRIGGER's RELATED defaults to START), saying the title. */
    private static VAlarm alarm(Duration before, String title) {
        VAlarm alarm = new VAlarm(before.negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(title));
        return alarm;
    }

    /**
     * @return the UIDs of the components of an iCalendar object as the server holds it; empty when it is not one
     *         (the text comes from the server and is not trusted to parse)
     */
    static Set<String> uids(String ics) {
        Set<String> uids = new HashSet<>();
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            for (CalendarComponent component : calendar.getComponents()) {
                component.getProperty(Property.UID).ifPresent(p -> uids.add(p.getValue()));
            }
        } catch (IOException | ParserException | RuntimeException e) {
            return Set.of();
        }
        return uids;
    }

    /**
     * @return the time in the calendar's zone; in UTC when it falls in the second pass of an hour that is repeated
     *         (the fall-back change), which a local time with TZID cannot name: RFC 5545 3.3.5 reads it as the first
     */
    static Temporal local(ZonedDateTime time, ZoneId icalZone) {
        if (!time.withEarlierOffsetAtOverlap().toInstant().equals(time.toInstant())) {
            return time.toInstant();
        }
        return time.withZoneSameInstant(icalZone);
    }

    static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    private static synchronized Optional<Zone> zone(String id) {
        if (registry == null) {
            registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        }
        TimeZone tz;
        try {
            tz = registry.getTimeZone(id);
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
        // Component.toString() is the component's content lines, unfolded: write() folds them with the rest.
        return tz == null ? Optional.empty() : Optional.of(new Zone(tz.toZoneId(), tz.getVTimeZone().toString()));
    }

    /**
     * Folds content lines at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character: ical4j folds at
     * 75 characters, so non-ASCII text would give longer lines.
     */
    static String foldOctets(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3 + 8);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length();) {
                int cp = line.codePointAt(i);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + n > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += n;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
