package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventExporter;

/**
 * Writes an interview as an iCalendar file: the very object the CalDAV provider PUTs for it (same UID, VTIMEZONE
 * and VALARMs), so that a calendar app importing the file and a CalDAV server receiving the push hold the same
 * event.
 */
@Component(service = EventExporter.class)
public final class ICalendarExporter implements EventExporter {

    @Override
    public String mediaType() {
        return "text/calendar";
    }

    @Override
    public String fileExtension() {
        return "ics";
    }

    @Override
    public void write(CalendarEvent event, OutputStream out) throws IOException {
        out.write(ICalendarEvents.write(event, Instant.now()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
