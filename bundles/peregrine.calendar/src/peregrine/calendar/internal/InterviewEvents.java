package peregrine.calendar.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
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
     * @param slot           the job's interview
     * @param companySummary the one-line company research summary, if any
     * @param localZone      the zone a time without a zone is read in
     * @param reminders      the user's reminders
     */
    static CalendarEvent of(Job job, InterviewSlot slot, Optional<String> companySummary, ZoneId localZone, List<Duration> reminders) {
        String label = job.stage().map(Stage::eventLabel).orElse(Stage.INTERVIEWING.eventLabel());
        String title = calendarText(label + ": " + job.title() + " @ " + job.company());
        ZonedDateTime start = slot.time()
                .map(time -> ZonedDateTime.of(slot.date(), time, slot.zone().orElse(localZone)))
                .orElseGet(() -> ZonedDateTime.of(slot.date(), InterviewSlot.DEFAULT_START, ZoneOffset.UTC));
        CalendarEvent withoutDescription = new CalendarEvent(EventIdentity.of(job), title, "", start,
                slot.duration().orElse(InterviewSlot.DEFAULT_DURATION), slot.location().map(InterviewEvents::calendarText), reminders);
        // A video link also goes into the description: not every calendar makes a link of the place.
        String description = calendarText(Stream.of(Optional.of(job.url()), withoutDescription.locationLink().map(URI::toString), companySummary)
                .flatMap(Optional::stream).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n")));
        return new CalendarEvent(withoutDescription.identity(), title, description, start, withoutDescription.duration(),
                withoutDescription.location(), withoutDescription.reminders());
    }

    /** @return {@code text} without the control characters calendars cannot carry; CR LF and CR as LF */
    static String calendarText(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
    }
}
