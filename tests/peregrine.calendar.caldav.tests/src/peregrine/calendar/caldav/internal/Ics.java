package peregrine.calendar.caldav.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Reading stored events back with ical4j. */
final class Ics {

    private Ics() {
    }

    static VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    static Calendar calendar(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String summary(VEvent e) {
        return e.getSummary().getValue();
    }

    static String description(VEvent e) {
        return e.<net.fortuna.ical4j.model.Property>getProperty("DESCRIPTION").map(net.fortuna.ical4j.model.Property::getValue).orElse("");
    }

    static String uid(VEvent e) {
        return e.getUid().orElseThrow().getValue();
    }

    /** Parsed values come back in an ical4j-local zone: compare instants. */
    static Instant start(VEvent e) {
        return Instant.from(e.getDateTimeStart().getDate());
    }

    static Instant end(VEvent e) {
        return Instant.from(e.getDateTimeEnd().getDate());
    }

    static int longestLineOctets(String ics) {
        int max = 0;
        for (String line : ics.split("\r\n")) {
            max = Math.max(max, line.getBytes(StandardCharsets.UTF_8).length);
        }
        return max;
    }
}
