package peregrine.calendar.caldav.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

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

    /** Fails naming every problem ical4j's RFC 5545 validation finds in the object and its components. */
    static void assertValid(Calendar calendar) throws Exception {
        ValidationResult result = calendar.validate(true);
        if (result.hasErrors()) {
            throw new AssertionError("not valid iCalendar: " + result.getEntries() + "\n" + calendar);
        }
    }

    static String summary(VEvent e) {
        return e.getSummary().getValue();
    }

    static String description(VEvent e) {
        return e.<net.fortuna.ical4j.model.Property>getProperty("DESCRIPTION").map(net.fortuna.ical4j.model.Property::getValue).orElse("");
    }

    static String location(VEvent e) {
        return e.<Property>getProperty("LOCATION").map(Property::getValue).orElse("");
    }

    /** @return how long before the start each VALARM fires, as its TRIGGER (related to the start) says */
    static List<Duration> reminders(VEvent e) {
        return e.getAlarms().stream().map(Ics::before).toList();
    }

    private static Duration before(VAlarm alarm) {
        var trigger = alarm.getTrigger().orElseThrow(() -> new AssertionError("a VALARM without TRIGGER: " + alarm));
        if (trigger.getParameter("RELATED").map(p -> !p.getValue().equals("START")).orElse(false)) {
            throw new AssertionError("a VALARM not related to the start: " + alarm);
        }
        // ical4j reads "-P1D" as a Period: a day before the start is 24 hours here, as the writer meant it
        TemporalAmount amount = trigger.getDuration();
        Duration duration = Duration.ZERO;
        for (TemporalUnit unit : amount.getUnits()) {
            duration = duration.plus(unit.getDuration().multipliedBy(amount.get(unit)));
        }
        return duration.negated();
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
