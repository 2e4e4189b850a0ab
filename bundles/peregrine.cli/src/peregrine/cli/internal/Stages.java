package peregrine.cli.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import peregrine.jobs.Stage;

/** Reads a stage as a user types it: its database value or its label, in any case, with - or _ or a blank. */
final class Stages {

    private Stages() {
    }

    static Stage parse(String text) throws CliException {
        String key = normalize(text);
        return Arrays.stream(Stage.values())
                .filter(s -> normalize(s.dbValue()).equals(key) || normalize(s.label()).equals(key))
                .findFirst()
                .orElseThrow(() -> CliException.error("'" + text + "' is not a stage. The stages are: " + names() + "."));
    }

    /** @return the stages' names as {@link #parse} reads them, in pipeline order */
    static String names() {
        return Arrays.stream(Stage.values()).map(Stage::dbValue).collect(Collectors.joining(", "));
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
