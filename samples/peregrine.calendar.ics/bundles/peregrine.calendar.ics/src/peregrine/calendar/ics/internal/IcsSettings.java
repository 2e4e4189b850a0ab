package peregrine.calendar.ics.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;

/**
 * The provider's settings, from {@code integrations/ics_file.yaml}: {@code path:} (absolute, or starting with
 * {@code ~/}; by default {@code $XDG_DATA_HOME/peregrine/interviews.ics}, which is
 * {@code ~/.local/share/peregrine/interviews.ics} when XDG_DATA_HOME is unset) and an optional {@code name:},
 * the calendar's name as calendar apps show it (X-WR-CALNAME).
 *
 * @param file the calendar file
 * @param name the calendar's name, if set
 */
record IcsSettings(Path file, Optional<String> name) {

    static final String PATH = "path";
    static final String NAME = "name";

    /**
     * @param config      the settings file's values
     * @param environment the process environment (XDG_DATA_HOME) and {@code user.home} as {@code HOME}
     * @throws SettingsException naming the file when {@code path:} is not an absolute path
     */
    static IcsSettings of(IntegrationConfig config, Map<String, String> environment) throws SettingsException {
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        Optional<String> configured = config.text(PATH);
        Path file;
        try {
            file = configured.isPresent() ? expand(configured.get(), home) : defaultFile(environment, home);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file == null || !file.isAbsolute()) {
            throw new SettingsException(config.file(), OptionalInt.empty(), "'" + PATH + ": " + configured.orElse("")
                    + "' is not an absolute path. Write a full path, such as path: ~/Calendars/interviews.ics");
        }
        return new IcsSettings(file.normalize(), config.text(NAME));
    }

    private static Path expand(String path, Path home) {
        return path.equals("~") || path.startsWith("~/") ? home.resolve(path.substring(Math.min(2, path.length()))) : Path.of(path);
    }

    private static Path defaultFile(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec: a relative XDG_DATA_HOME is invalid and ignored.
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local/share");
        return data.resolve("peregrine").resolve("interviews.ics");
    }
}
