package peregrine.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
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

    /**
     * @param secretKeys the keys whose values are secrets, e.g. {@code app_password}
     * @return a warning for the user when the file holds one of those secrets and other users of the
     *         computer may read it; reads the file's permissions
     */
    public Optional<String> exposureWarning(String... secretKeys) {
        if (Arrays.stream(secretKeys).noneMatch(key -> text(key).isPresent())) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return Optional.of(file + " holds a password and other users of this computer can read it. Run: chmod 600 " + file);
        }
        return Optional.empty();
    }
}
