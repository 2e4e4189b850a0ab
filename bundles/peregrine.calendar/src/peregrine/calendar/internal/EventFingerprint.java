package peregrine.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import peregrine.calendar.CalendarEvent;

/**
 * The digest of what a user sees change in an interview's event: its title, start (local date and time, and the
 * zone's id, so that a move to another zone at the same instant counts), duration, place and reminders. Not the
 * description: it holds the company research summary, which is not the user's edit and needs the database, while
 * a card's "out of date" must be worked out from the job alone.
 */
final class EventFingerprint {

    private EventFingerprint() {
    }

    /** @return the SHA-256 of the event's canonical text, in lowercase hex */
    static String of(CalendarEvent event) {
        // Each field with its length first: a title holding a line feed cannot pass for two fields.
        String canonical = Stream.of("peregrine-event-v1", event.title(), event.start().toLocalDateTime().toString(),
                event.start().getZone().getId(), event.duration().toString(), event.location().orElse(""),
                event.reminders().stream().map(Duration::toString).collect(Collectors.joining(",")))
                .map(field -> field.length() + ":" + field).collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
