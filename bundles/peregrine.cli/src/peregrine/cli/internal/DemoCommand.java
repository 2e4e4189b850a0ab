package peregrine.cli.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;

/**
 * {@code demo [--jobs N]}: fills an empty database with sample jobs, so that the board can be tried
 * (or measured) without real data. It refuses a database that has any job, so a user's real
 * database is never seeded.
 */
final class DemoCommand {

    static final int DEFAULT_JOBS = 24;
    static final int MAX_JOBS = 100_000;

    private DemoCommand() {
    }

    static void run(Arguments args, Command.Context context) throws CliException {
        int count = args.value("--jobs").isPresent() ? Values.count(args.value("--jobs").get(), "--jobs", MAX_JOBS)
                : DEFAULT_JOBS;
        JobStore store = Jobs.store(context);
        try {
            int existing = store.list(Optional.empty()).size();
            if (existing > 0) {
                throw CliException.error(store.location() + " already holds " + existing + (existing == 1 ? " job" : " jobs")
                        + "; demo fills only an empty database, so that sample jobs never mix with real ones. "
                        + "Give it a new file with --db.");
            }
            context.out().println(fill(store, count));
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
    }

    /** @return what was added, for the user */
    private static String fill(JobStore store, int count) throws JobStoreException {
        Map<Stage, Integer> added = new EnumMap<>(Stage.class);
        int interviews = 0;
        for (DemoJobs.Sample sample : new DemoJobs(LocalDate.now(Clock.systemDefaultZone())).samples(count)) {
            long id = store.add(sample.job());
            if (sample.interview().isPresent()) {
                store.setInterview(id, sample.interview());
                interviews++;
            }
            if (sample.then().isPresent()) {
                store.move(id, sample.then().get());
            }
            added.merge(sample.stage(), 1, Integer::sum);
        }
        return "Added " + count + " sample jobs to " + store.location() + ": "
                + added.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "))
                + "; " + interviews + " with an interview date.";
    }
}
