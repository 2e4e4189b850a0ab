package peregrine.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of one integration, read from {@code integrations/<name>.yaml}.
 *
 * @param name   the integration's name, e.g. {@code apple_calendar}
 * @param file   the file the values came from
 * @param values the file's top-level keys and their values, as the YAML library read them
 */
public record IntegrationConfig(String name, Path file, Map<String, Object> values) {

    public IntegrationConfig {
        values = Map.copyOf(values);
    }

    /** @return the value of {@code key} as text, if it is set and not blank */
    public Optional<String> text(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().strip()).filter(s -> !s.isEmpty());
    }

    /**
     * @return the value of {@code key} as text
     * @throws SettingsException naming the file and the key when the value is missing or blank
     */
    public String required(String key) throws SettingsException {
        return text(key).orElseThrow(() -> new SettingsException(file, OptionalInt.empty(),
                "'" + key + "' is missing. Add a line '" + key + ": ...' to this file."));
    }
}
