package peregrine.calendar.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventIdentity;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.Stage;

/**
 * Builds the one event every provider receives for a job's interview.
 * <p>
 * Title and description carry no control characters but tab and line feed: no calendar format can hold the
 * others (iCalendar text forbids them, RFC 5545 3.3.11; CalDAV servers refuse or mangle them), so they are left
 * out, and CR LF or a lone CR becomes a line feed. Everything else, any Unicode text of any length, is passed on
 * exactly.
 */
final class InterviewEvents {

    private InterviewEvents() {
    }

    /**
     * @param slot          the job's interview
     * @param companySummary the one-line company research summary, if any
     * @param localZone     the zone a time without a zone is read in
     */
    static CalendarEvent of(Job job, InterviewSlot slot, Optional<String> companySummary, ZoneId localZone) {
        String label = job.stage().map(Stage::eventLabel).orElse(Stage.INTERVIEWING.eventLabel());
        String title = calendarText(label + ": " + job.title() + " @ " + job.company());
        String description = calendarText(Stream.concat(Stream.of(job.url()), companySummary.stream())
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n")));
        ZonedDateTime start = slot.time()
                .map(time -> ZonedDateTime.of(slot.date(), time, slot.zone().orElse(localZone)))
                .orElseGet(() -> ZonedDateTime.of(slot.date(), InterviewSlot.DEFAULT_START, ZoneOffset.UTC));
        return new CalendarEvent(EventIdentity.of(job), title, description, start, slot.duration().orElse(InterviewSlot.DEFAULT_DURATION));
    }

    /** @return {@code text} without the control characters calendars cannot carry; CR LF and CR as LF */
    static String calendarText(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
    }
}
