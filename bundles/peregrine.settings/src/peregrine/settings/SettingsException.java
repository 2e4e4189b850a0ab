package peregrine.settings;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A settings file is unreadable or malformed, or lacks a value it must have. The message names the
 * file (and the line, where there is one) and never holds a secret from the file.
 */
public class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final OptionalInt line;

    public SettingsException(Path file, OptionalInt line, String problem) {
        super(file + line.stream().mapToObj(l -> ", line " + l).findFirst().orElse("") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** @return the file at fault */
    public Path file() {
        return file;
    }

    /** @return the 1-based line at fault, when the fault has a place in the file */
    public OptionalInt line() {
        return line;
    }
}
