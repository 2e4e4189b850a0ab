package peregrine.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An interview as every provider receives it. Providers write {@link #title()}, {@link #description()} and
 * {@link #location()} exactly as given.
 *
 * @param identity    the job's stable event identity; a provider names the remote event by it
 * @param title       {@code "{stage label}: {job title} @ {company}"}
 * @param description the listing's address, the place's link when {@link #location()} is one, and a one-line
 *                    company summary, each on its own line when known; may be empty
 * @param start       when the interview starts, in the zone it was entered in (UTC when only a date is known)
 * @param duration    how long it lasts; positive
 * @param location    where it takes place, free text or a video link ({@link #locationLink()}), if known
 * @param reminders   when the user wants to be reminded, each a positive time before {@link #start()}, longest
 *                    first, without repeats; empty for none
 */
public record CalendarEvent(EventIdentity identity, String title, String description, ZonedDateTime start, Duration duration,
        Optional<String> location, List<Duration> reminders) {

    public CalendarEvent {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(location, "location");
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("An event's duration must be positive: " + duration);
        }
        location = location.filter(l -> !l.isBlank());
        for (Duration reminder : Objects.requireNonNull(reminders, "reminders")) {
            if (reminder.isNegative() || reminder.isZero()) {
                throw new IllegalArgumentException("A reminder must come before the event: " + reminder);
            }
        }
        reminders = reminders.stream().distinct().sorted((a, b) -> b.compareTo(a)).toList();
    }

    /** An event with no place and no reminders. */
    public CalendarEvent(EventIdentity identity, String title, String description, ZonedDateTime start, Duration duration) {
        this(identity, title, description, start, duration, Optional.empty(), List.of());
    }

    /** @return when the interview ends */
    public ZonedDateTime end() {
        return start.plus(duration);
    }

    /**
     * @return {@link #location()} as a link, when the whole of it is an absolute {@code http} or {@code https}
     *         address with a host (a video call, say); a provider puts it where its calendar shows links
     *         (RFC 7986 {@code CONFERENCE}, say)
     */
    public Optional<URI> locationLink() {
        return location.flatMap(CalendarEvent::webAddress);
    }

    private static Optional<URI> webAddress(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }
}
