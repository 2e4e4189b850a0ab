package peregrine.settings.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import peregrine.settings.SettingsException;
import peregrine.settings.SettingsFiles;

/**
 * The top-level mapping of a YAML settings file, read safely: only YAML's own types (no tag builds an object of
 * another class), and limits that make an alias bomb or a deeply nested document fail at once.
 */
final class YamlFiles {

    /** Settings files have no use for many anchors; a few keep a hand-written file working. */
    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 20;

    private YamlFiles() {
    }

    /**
     * @return the text's top-level mapping, unmodifiable, in the file's order, without null keys or values; an
     *         empty document is an empty mapping
     * @throws SettingsException naming the file and the line when the text is not YAML or not a mapping
     */
    static Map<String, Object> mapping(Path file, String text) throws SettingsException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(SettingsFiles.MAX_SIZE);
        options.setAllowRecursiveKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            // The problem's own text only: the snippet snakeyaml adds may quote a password.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            OptionalInt line = mark == null ? OptionalInt.empty() : OptionalInt.of(mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            throw new SettingsException(file, line, "not valid YAML: " + problem + ".");
        } catch (YAMLException e) {
            // The limits above (aliases, nesting, size) end here; their messages quote nothing from the file.
            throw new SettingsException(file, OptionalInt.empty(), "not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
        if (document == null) {
            return Map.of();
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
        return Collections.unmodifiableMap(values);
    }
}
