package peregrine.settings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One top-level key of a YAML settings file set or removed by editing its text, so that every other line, comment
 * and blank line of a file the user wrote by hand stays exactly as it was.
 * <p>
 * The key's lines are its own line and the lines that continue its value: indented lines, and block-list items
 * ({@code - x}) at the left margin. Comments and blank lines among them are kept, as they may be about what
 * follows. A key written twice (YAML reads the last) is set at its first place and removed from the others.
 */
final class UserYamlEdit {

    private UserYamlEdit() {
    }

    /**
     * @param text  the file's text; empty for a file that does not exist
     * @param key   a plain top-level key
     * @param value the YAML text of the new value, on one line; empty to remove the key
     * @return the text with {@code key: value} in place of the key's lines, or appended when the key is not there
     */
    static String withKey(String text, String key, Optional<String> value) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        Pattern keyLine = Pattern.compile(Pattern.quote(key) + "\\s*:(\\s.*)?");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
        if (endsWithNewline) {
            lines.remove(lines.size() - 1); // the empty text after the last line end
        }
        List<String> out = new ArrayList<>(lines.size() + 1);
        boolean placed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!keyLine.matcher(content(line)).matches()) {
                out.add(line);
                continue;
            }
            if (!placed && value.isPresent()) {
                out.add(key + ": " + value.get() + (line.endsWith("\r") ? "\r" : ""));
            }
            placed = true;
            while (i + 1 < lines.size() && continuesValue(content(lines.get(i + 1)))) {
                i++;
                if (isBlankOrComment(content(lines.get(i)))) {
                    out.add(lines.get(i));
                }
            }
        }
        StringBuilder result = new StringBuilder(text.length() + 64);
        for (int i = 0; i < out.size(); i++) {
            result.append(out.get(i));
            if (i < out.size() - 1 || endsWithNewline) {
                result.append('\n');
            }
        }
        if (!placed && value.isPresent()) {
            if (!result.isEmpty() && !endsWithNewline) {
                result.append(newline);
            }
            result.append(key).append(": ").append(value.get()).append(newline);
        }
        return result.toString();
    }

    /** @return the line without the carriage return of a CR LF line end */
    private static String content(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    /** @return whether a line after a key's line still belongs to its value (or is a comment or blank among it) */
    private static boolean continuesValue(String line) {
        if (line.equals("---") || line.equals("...") || line.startsWith("--- ")) {
            return false; // a document marker, not a list item
        }
        return isBlankOrComment(line) || line.startsWith(" ") || line.startsWith("\t") || line.equals("-") || line.startsWith("- ");
    }
}
