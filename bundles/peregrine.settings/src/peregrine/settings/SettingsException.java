package peregrine.settings;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A settings file is unreadable or malformed, or lacks a value it must have; or secure storage could not
 * be read or written. The message names the file (and the line, where there is one) and never holds a
 * secret.
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

    /**
     * A fault that has no place in a settings file, such as secure storage that cannot be read.
     *
     * @param problem a sentence for the user; it must not hold a secret
     */
    public SettingsException(String problem) {
        super(problem);
        this.file = null;
        this.line = OptionalInt.empty();
    }

    /** @return the file at fault, or {@code null} when the fault is not in a file (see {@link #SettingsException(String)}) */
    public Path file() {
        return file;
    }

    /** @return the 1-based line at fault, when the fault has a place in the file */
    public OptionalInt line() {
        return line;
    }
}
