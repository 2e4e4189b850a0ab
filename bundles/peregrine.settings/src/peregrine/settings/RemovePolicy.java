package peregrine.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What to do with a job's calendar events when the job is rejected, its interview date is cleared, or it moves
 * on to offer or hired: {@code calendar_remove_on:} in {@code user.yaml}. Events are never removed silently.
 */
public enum RemovePolicy {
    /** Ask each time; the user may remember the answer. */
    ASK,
    /** Remove them without asking. */
    ALWAYS,
    /** Keep them without asking. */
    NEVER;

    /** @return the value as {@code user.yaml} writes it, e.g. {@code ask} */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the policy {@code user.yaml} names, ignoring case and surrounding blanks; empty for anything else */
    public static Optional<RemovePolicy> fromYaml(String value) {
        return Arrays.stream(values()).filter(p -> p.yamlName().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
