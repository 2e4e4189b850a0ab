package peregrine.calendar;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a push or a removal: one {@link PushResult} per calendar, in the order the calendars were
 * asked (the job's first calendar first), or a single {@link PushResult.Failed} without a provider when the job
 * was refused before any calendar was asked. Each calendar's result stands on its own: one failing neither
 * stopped nor undid another.
 *
 * @param results never empty
 */
public record PushReport(List<PushResult> results) {

    public PushReport {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        if (results.isEmpty()) {
            throw new IllegalArgumentException("A push report holds at least one result");
        }
    }

    /** @return a report of a job refused before any calendar was asked */
    public static PushReport refused(String message) {
        return new PushReport(List.of(new PushResult.Failed(message)));
    }

    /** @return whether every calendar did what was asked */
    public boolean ok() {
        return results.stream().allMatch(PushResult::ok);
    }

    /** @return the first calendar's result: the job's first calendar, which Peregrine itself sees */
    public PushResult first() {
        return results.get(0);
    }

    /** @return the failures' messages, one per line; empty when {@link #ok()} */
    public String failureMessage() {
        return results.stream().filter(r -> r instanceof PushResult.Failed).map(r -> ((PushResult.Failed) r).message())
                .collect(Collectors.joining("\n"));
    }
}
