package peregrine.calendar;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes an interview as a calendar file that any calendar application can import, registered as an OSGi
 * service by a plug-in that can (the CalDAV plug-in writes iCalendar). The file holds the event exactly as a
 * provider of that format would receive it. Local work only: no network I/O.
 */
@ConsumerType
public interface EventExporter {

    /** @return the file's media type, e.g. {@code text/calendar} */
    String mediaType();

    /** @return the usual file name extension without its dot, e.g. {@code ics} */
    String fileExtension();

    /** Writes {@code event} as one complete file to {@code out}, which it does not close. */
    void write(CalendarEvent event, OutputStream out) throws IOException;
}
