package peregrine.calendar.google.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;

import peregrine.calendar.CalendarEvent;

/** The Calendar API's event for a {@link CalendarEvent}. */
final class EventBodies {

    /** An event that exists; an event deleted through the API stays, as {@code cancelled}. */
    static final String CONFIRMED = "confirmed";
    static final String CANCELLED = "cancelled";
    /** Google keeps at most this many reminders on an event (Events resource, {@code reminders.overrides}). */
    static final int MAX_REMINDERS = 5;
    /** The longest reminder Google takes: four weeks ({@code EventReminder.minutes}, 0 to 40320). */
    static final int MAX_REMINDER_MINUTES = 40_320;

    private EventBodies() {
    }

    /**
     * @return the whole event as an update sends it: title, description and location exactly as given (no location
     *         when there is none), start and end as RFC 3339 times with their zone, the reminders (see
     *         {@link #reminders}), and status {@code confirmed}, which also brings back an event that was deleted
     *         (cancelled) on the server
     */
    static Event of(CalendarEvent event) {
        return new Event()
                .setSummary(event.title())
                .setDescription(event.description())
                .setLocation(event.location().orElse(null))
                .setStart(time(event.start()))
                .setEnd(time(event.end()))
                .setReminders(reminders(event.reminders()))
                .setStatus(CONFIRMED);
    }

    /**
     * @return the reminders as pop-ups that override the calendar's defaults, in whole minutes; at most
     *         {@link #MAX_REMINDERS}, the ones nearest the start, each at most {@link #MAX_REMINDER_MINUTES} (a longer
     *         one is sent as four weeks). Without reminders, the calendar's default notifications
     *         ({@code useDefault}), as for an event its owner adds.
     */
    static Event.Reminders reminders(List<Duration> reminders) {
        if (reminders.isEmpty()) {
            return new Event.Reminders().setUseDefault(true);
        }
        List<EventReminder> overrides = reminders.stream()
                .map(r -> (int) Math.min(r.toMinutes(), MAX_REMINDER_MINUTES))
                .distinct()
                .sorted()
                .limit(MAX_REMINDERS)
                .map(minutes -> new EventReminder().setMethod("popup").setMinutes(minutes))
                .toList();
        return new Event.Reminders().setUseDefault(false).setOverrides(overrides);
    }

    static EventDateTime time(ZonedDateTime time) {
        int offsetMinutes = time.getOffset().getTotalSeconds() / 60;
        EventDateTime value = new EventDateTime().setDateTime(new DateTime(false, time.toInstant().toEpochMilli(), offsetMinutes));
        String zone = timeZone(time.getZone());
        return zone == null ? value : value.setTimeZone(zone);
    }

    /**
     * @return the IANA name Google expects for {@code zone}: the region's id, {@code UTC} for UTC, {@code Etc/GMT±h}
     *         for a whole-hour offset, or {@code null} for another fixed offset (the RFC 3339 offset then says it all)
     */
    static String timeZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            if (seconds % 3600 == 0 && Math.abs(seconds / 3600) <= 12) {
                int hours = seconds / 3600;
                // POSIX style: Etc/GMT-2 is two hours ahead of UTC
                return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
            }
            return null;
        }
        return zone.getId();
    }
}
