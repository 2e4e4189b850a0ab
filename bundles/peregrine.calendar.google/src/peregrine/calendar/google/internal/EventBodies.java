package peregrine.calendar.google.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;

import peregrine.calendar.CalendarEvent;

/** The Calendar API's event for a {@link CalendarEvent}. */
final class EventBodies {

    /** An event that exists; an event deleted through the API stays, as {@code cancelled}. */
    static final String CONFIRMED = "confirmed";
    static final String CANCELLED = "cancelled";

    private EventBodies() {
    }

    /**
     * @return the whole event as an update sends it: title and description exactly as given, start and end as
     *         RFC 3339 times with their zone, and status {@code confirmed}, which also brings back an event that was
     *         deleted (cancelled) on the server
     */
    static Event of(CalendarEvent event) {
        return new Event()
                .setSummary(event.title())
                .setDescription(event.description())
                .setStart(time(event.start()))
                .setEnd(time(event.end()))
                .setStatus(CONFIRMED);
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
