package peregrine.calendar.ics.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventIdentity;

/**
 * A process pushing interviews to a calendar file as the provider does (args: file, first index, count), one
 * read-modify-write under the lock each; prints "pushed N" at the end.
 */
public final class PushMany {

    private PushMany() {
    }

    /** @return the identity of interview {@code i}: 32 base32hex digits */
    static EventIdentity identity(int i) {
        return new EventIdentity(String.format("%032d", i));
    }

    public static void main(String[] args) throws Exception {
        IcsFile calendar = new IcsFile(Path.of(args[0]), Optional.of("Interviews"), Duration.ofSeconds(60));
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        for (int i = first; i < first + count; i++) {
            CalendarEvent event = new CalendarEvent(identity(i), "Interview " + i, "https://jobs.example/" + i,
                    ZonedDateTime.of(2026, 12, 1 + i % 28, 9 + i % 8, 0, 0, 0, ZoneId.of(i % 2 == 0 ? "Europe/Berlin" : "America/New_York")),
                    Duration.ofMinutes(45));
            String uid = IcsEvents.uid(event.identity().key());
            calendar.change(events -> {
                events.removeIf(e -> IcsEvents.uidOf(e).filter(uid::equals).isPresent());
                return events.add(IcsEvents.vevent(uid, event, Instant.now()));
            });
        }
        System.out.println("pushed " + count);
    }
}
