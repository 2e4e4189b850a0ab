package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How long ago a job was applied to, as a card shows it ("applied 3 days ago"). Peregrine has written
 * {@code applied_at} in several shapes over time, so anything that starts with an ISO date is read and
 * everything else is left off the card rather than guessed at.
 */
final class AppliedAge {

    /** Date and optional time, with {@code T} or a space between them, seconds and fractions optional. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendPattern("['T'][' ']").append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .toFormatter();

    private AppliedAge() {
    }

    /**
     * @param appliedAt {@code jobs.applied_at} as Peregrine wrote it
     * @param today     the day to count from
     * @return the card's text, or empty when {@code appliedAt} is not a date this can read
     */
    static Optional<String> describe(String appliedAt, LocalDate today) {
        return parse(appliedAt.strip()).map(day -> "applied " + ago(ChronoUnit.DAYS.between(day, today)));
    }

    private static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(LocalDate.from(LENIENT.parse(text)));
        } catch (DateTimeParseException notLocal) {
            try {
                // Written by tools that keep the zone: the local date is what the user remembers.
                return Optional.of(OffsetDateTime.parse(text).toLocalDate());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String ago(long days) {
        // A date in the future comes from a clock set wrong; "today" is the least surprising reading.
        if (days <= 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 14) {
            return days + " days ago";
        }
        if (days < 60) {
            return days / 7 + " weeks ago";
        }
        if (days < 730) {
            return days / 30 + " months ago";
        }
        return days / 365 + " years ago";
    }
}
