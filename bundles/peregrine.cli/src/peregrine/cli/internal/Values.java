package peregrine.cli.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

import peregrine.jobs.InterviewSlot;

/** Reads the values of operands and options; a value that does not read is a user error (exit 1). */
final class Values {

    /** ISO dates of four-digit years without a sign: {@code uuuu} alone would read {@code +10000-01-01} and {@code -0001-01-01}. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final int MAX_DURATION_MINUTES = 24 * 60;

    private Values() {
    }

    static long jobId(String text) throws CliException {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw CliException.error("'" + text + "' is not a job id; an id is a whole number such as 12 (see 'jobs list').");
    }

    static LocalDate date(String text) throws CliException {
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw CliException.error("'" + text + "' is not a date; write it as YYYY-MM-DD with a year from "
                    + InterviewSlot.MIN_YEAR + " to " + InterviewSlot.MAX_YEAR + ", e.g. 2026-03-14.");
        }
    }

    static LocalTime time(String text) throws CliException {
        String t = text.strip();
        if (TIME.matcher(t).matches()) {
            try {
                return LocalTime.of(Integer.parseInt(t.substring(0, t.indexOf(':'))),
                        Integer.parseInt(t.substring(t.indexOf(':') + 1)));
            } catch (DateTimeException e) {
                // fall through
            }
        }
        throw CliException.error("'" + text + "' is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:30.");
    }

    static ZoneId zone(String text) throws CliException {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw CliException.error("'" + text + "' is not a time zone; use a name such as Europe/Berlin or UTC, or an offset such as +02:00.");
        }
    }

    static Duration minutes(String text) throws CliException {
        try {
            int minutes = Integer.parseInt(text.strip());
            if (minutes > 0 && minutes <= MAX_DURATION_MINUTES) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw CliException.error("'" + text + "' is not a duration; give whole minutes from 1 to " + MAX_DURATION_MINUTES + ", e.g. 45.");
    }

    static int count(String text, String option, int max) throws CliException {
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw CliException.error(option + " takes a whole number from 1 to " + max + "; '" + text + "' is not one.");
    }
}
