package peregrine.settings.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import peregrine.settings.RemovePolicy;
import peregrine.settings.WorkbenchSettings;

/** What the calendar keys of {@code user.yaml} mean, read from the values YAML made of them, and how they are written. */
final class CalendarValues {

    static final String TARGETS = "calendar_targets";
    static final String REMINDERS = "calendar_reminders";
    static final String REMOVE_ON = "calendar_remove_on";

    /** The longest time before an interview a reminder may come. */
    static final Duration MAX_REMINDER = Duration.ofDays(28);

    private static final Pattern REMINDER = Pattern.compile("(\\d{1,6})\\s*([mhdw])");
    /** What a provider id is written as without quotes: an integration's file name that YAML reads as that text. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    /** Words YAML reads as a boolean or as nothing, not as text. */
    private static final Pattern YAML_WORD = Pattern.compile("(?i)y|yes|n|no|true|false|on|off|null");

    private CalendarValues() {
    }

    /** @return the ids of a list, without blanks and repeats, in its order; empty for anything but a list with an id */
    static Optional<List<String>> targets(Object value) {
        if (!(value instanceof List<?> items)) {
            return Optional.empty();
        }
        List<String> ids = items.stream().filter(item -> item instanceof String || item instanceof Number)
                .map(item -> item.toString().strip()).filter(id -> !id.isEmpty()).distinct().toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    /**
     * @return the reminders of a list (or of a single value), longest first, without repeats; the values that are
     *         not {@code <number><m|h|d|w>} of at most {@link #MAX_REMINDER} left out; the default when the key is
     *         missing or holds neither a list nor a single value
     */
    static List<Duration> reminders(Object value) {
        if (value == null || value instanceof Map<?, ?>) {
            return WorkbenchSettings.DEFAULT_REMINDERS;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(CalendarValues::reminder).flatMap(Optional::stream).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    private static Optional<Duration> reminder(Object item) {
        if (!(item instanceof String text)) {
            return Optional.empty();
        }
        Matcher m = REMINDER.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration reminder = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        return reminder.isZero() || reminder.compareTo(MAX_REMINDER) > 0 ? Optional.empty() : Optional.of(reminder);
    }

    static RemovePolicy removeOn(Object value) {
        return value == null ? RemovePolicy.ASK : RemovePolicy.fromYaml(value.toString()).orElse(RemovePolicy.ASK);
    }

    /** @return {@code ids} as a YAML flow list, each id quoted unless it is a plain name */
    static String yamlList(List<String> ids) {
        StringBuilder out = new StringBuilder("[");
        for (String id : ids) {
            if (id.isBlank() || id.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("A calendar provider id must be a name on one line, not " + id.strip());
            }
            out.append(out.length() > 1 ? ", " : "").append(PLAIN_ID.matcher(id).matches() && !YAML_WORD.matcher(id).matches() ? id : "'" + id.replace("'", "''") + "'");
        }
        return out.append(']').toString();
    }
}
