package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.stream.Collectors;

import peregrine.calendar.PushReport;
import peregrine.calendar.PushResult;

/** Says what a {@link PushReport} of a push or a removal means, one sentence per calendar, for the user. */
final class ReportWords {

    /** Follows a failed removal's message: the job still knows the event. */
    static final String LINK_STAYS = "The job keeps its link to that calendar's event.";

    private ReportWords() {
    }

    /** @return one sentence per calendar, e.g. "Added to Fake Calendar." and a failure's own message */
    static List<String> each(PushReport report) {
        return report.results().stream().map(ReportWords::sentence).toList();
    }

    /** @return {@link #each} in one line */
    static String line(PushReport report) {
        return each(report).stream().collect(Collectors.joining(" "));
    }

    private static String sentence(PushResult result) {
        return switch (result) {
            case PushResult.Pushed pushed -> (pushed.created() ? "Added to " : "Updated on ") + pushed.providerLabel() + ".";
            case PushResult.Removed removed -> "Removed from " + removed.providerLabel() + ".";
            case PushResult.Failed failed -> failed.message();
        };
    }

    /** @return what a removal did at each calendar; each failure at a calendar says that its link stays */
    static String removal(PushReport report) {
        return report.results().stream().map(result -> result instanceof PushResult.Failed failed && !failed.providerId().isEmpty()
                ? failed.message() + " " + LINK_STAYS : sentence(result)).collect(Collectors.joining(" "));
    }
}
