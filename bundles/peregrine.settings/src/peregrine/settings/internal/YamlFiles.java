package peregrine.settings.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import peregrine.settings.SettingsException;

/** Reads the top-level mapping of a YAML settings file, safely (no arbitrary types) and with errors a user can act on. */
public final class YamlFiles {

    private YamlFiles() {
    }

    /**
     * @return the file's top-level mapping; an empty file is an empty mapping; empty when the file does not exist
     * @throws SettingsException naming the file and the line when it cannot be read or is not a mapping
     */
    public static Optional<Map<String, Object>> readMapping(Path file) throws SettingsException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (MalformedInputException e) {
            throw new SettingsException(file, OptionalInt.empty(), "the file is not UTF-8 text.");
        } catch (IOException e) {
            throw new SettingsException(file, OptionalInt.empty(), "cannot be read (" + describe(e) + ").");
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            // The problem's own text only: the snippet snakeyaml adds may quote a password.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            OptionalInt line = mark == null ? OptionalInt.empty() : OptionalInt.of(mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            throw new SettingsException(file, line, "not valid YAML: " + problem + ".");
        } catch (YAMLException e) {
            throw new SettingsException(file, OptionalInt.empty(), "not valid YAML.");
        }
        if (document == null) {
            return Optional.of(Map.of());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException(file, OptionalInt.of(1), "expected 'key: value' lines, found a "
                    + (document instanceof Iterable<?> ? "list" : "single value") + ".");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                values.put(k.toString(), v);
            }
        });
        return Optional.of(values);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }
}
