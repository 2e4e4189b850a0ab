package peregrine.jobs.sqlite.internal;

import java.util.List;
import java.util.Optional;

/** Turns a company brief, often Markdown, into the one line an event description has room for. */
final class ResearchSummary {

    static final int MAX_LENGTH = 200;

    private ResearchSummary() {
    }

    /** @return the brief's first line of prose (a heading only when there is nothing else), shortened to {@link #MAX_LENGTH} */
    static Optional<String> firstLine(String brief) {
        if (brief == null) {
            return Optional.empty();
        }
        List<String> lines = brief.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.stream().filter(line -> !line.startsWith("#")).findFirst().or(() -> lines.stream().findFirst())
                .map(line -> line.replaceFirst("^[#>*+\\-\\s]+", "").replace("**", "").strip())
                .filter(line -> !line.isEmpty())
                .map(ResearchSummary::shorten);
    }

    private static String shorten(String line) {
        if (line.codePointCount(0, line.length()) <= MAX_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
