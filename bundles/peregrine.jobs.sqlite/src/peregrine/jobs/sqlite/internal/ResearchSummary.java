package peregrine.jobs.sqlite.internal;

import java.util.Optional;

/** Turns a company brief, often Markdown, into the one line an event description has room for. */
final class ResearchSummary {

    static final int MAX_LENGTH = 200;

    private ResearchSummary() {
    }

    static Optional<String> firstLine(String brief) {
        if (brief == null) {
            return Optional.empty();
        }
        return brief.lines()
                .map(line -> line.replaceFirst("^[\\s#>*+-]+", "").replace("**", "").strip())
                .filter(line -> !line.isEmpty())
                .findFirst()
                .map(line -> line.length() <= MAX_LENGTH ? line
                        : line.substring(0, line.offsetByCodePoints(0, line.codePointCount(0, MAX_LENGTH - 1))) + "…");
    }
}
