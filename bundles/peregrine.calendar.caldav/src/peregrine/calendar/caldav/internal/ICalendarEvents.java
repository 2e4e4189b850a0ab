package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import peregrine.calendar.CalendarEvent;

/**
 * The iCalendar object (RFC 5545) of an interview, as stored in the CalDAV calendar. Escaping is ical4j's;
 * lines are folded at 75 octets.
 */
final class ICalendarEvents {

    static final String PRODID = "-//Peregrine//Peregrine Workbench//EN";
    private static final int MAX_LINE_OCTETS = 75;
    private static TimeZoneRegistry registry;

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

    /**
     * @return the event as an iCalendar object: a VEVENT with UID, DTSTAMP, SUMMARY, DESCRIPTION (when not
     *         empty), DTSTART and DTEND in UTC for a UTC start, else with a TZID and the zone's VTIMEZONE
     */
    static String write(CalendarEvent event, Instant now) {
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().getFluentTarget();
        Temporal start = event.start().toInstant();
        Temporal end = event.end().toInstant();
        ZoneId zone = event.start().getZone();
        if (!isUtc(zone)) {
            TimeZone tz = timeZone(zone.getId());
            if (tz != null) {
                ZoneId icalZone = tz.toZoneId();
                start = local(event.start(), icalZone);
                end = local(event.end(), icalZone);
                calendar.add(tz.getVTimeZone());
            }
            // else a bare offset or a zone ical4j does not know: UTC keeps the instant exact.
        }
        VEvent vevent = new VEvent(start, end, event.title());
        vevent.replace(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new Uid(uid(event.identity().key())));
        if (!event.description().isEmpty()) {
            vevent.add(new Description(event.description()));
        }
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        return foldOctets(out.toString());
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

    private static synchronized TimeZone timeZone(String id) {
        if (registry == null) {
            registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        }
        try {
            return registry.getTimeZone(id);
        } catch (RuntimeException unknown) {
            return null;
        }
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
