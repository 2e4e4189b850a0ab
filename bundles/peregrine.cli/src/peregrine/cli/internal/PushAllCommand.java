package peregrine.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushReport;
import peregrine.calendar.PushResult;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;

/**
 * {@code calendar push-all [--concurrency N] [--json]}: pushes the interview of every job at a stage that
 * takes an interview date and has one, at most N at a time, each through
 * {@link CalendarPushService#push(long)} (which serializes pushes of the same job). Prints what each push
 * did that the user must see (failures) and a summary; exits 1 when any push failed.
 * <p>
 * {@code --json} prints one object instead: the summary's counts, the elapsed time, and per job its
 * outcome and how long its push took ({@code ms}), so that scripts and the benchmarks can read it.
 */
final class PushAllCommand {

    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 64;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** One job's push: what happened and how long it took. */
    private record Outcome(Job job, PushReport result, long nanos) {
    }

    private PushAllCommand() {
    }

    static void run(Arguments args, Command.Context context) throws CliException {
        int concurrency = args.value("--concurrency").isPresent()
                ? Values.count(args.value("--concurrency").get(), "--concurrency", MAX_CONCURRENCY)
                : DEFAULT_CONCURRENCY;
        List<Job> jobs = withInterview(Jobs.store(context));
        CalendarPushService service = context.services().get(CalendarPushService.class, "the calendar push service");

        long start = System.nanoTime();
        List<Outcome> outcomes = pushAll(service, jobs, concurrency);
        long elapsed = System.nanoTime() - start;

        long created = outcomes.stream().filter(o -> o.result().ok() && o.result().first() instanceof PushResult.Pushed p && p.created()).count();
        long failed = outcomes.stream().filter(o -> !o.result().ok()).count();
        long updated = outcomes.size() - created - failed;
        double perSecond = elapsed > 0 ? (created + updated) / (elapsed / 1e9) : 0;

        if (args.flag("--json")) {
            context.out().println(GSON.toJson(json(outcomes, created, updated, failed, elapsed, perSecond, concurrency)));
        } else if (outcomes.isEmpty()) {
            context.out().println("No job at " + Stage.PHONE_SCREEN.label() + " or " + Stage.INTERVIEWING.label()
                    + " has an interview date: nothing to push.");
        } else {
            for (Outcome o : outcomes) {
                if (!o.result().ok()) {
                    context.out().println(Jobs.describe(o.job()) + ": " + ReportJson.failures(o.result()));
                }
            }
            context.out().println(String.format(Locale.ROOT,
                    "%d pushed (%d created, %d updated), %d failed, in %.2f s: %.1f pushes/s with %d at a time.",
                    created + updated, created, updated, failed, elapsed / 1e9, perSecond, concurrency));
        }
        if (failed > 0) {
            throw CliException.error(failed + " of " + outcomes.size() + " pushes failed"
                    + (args.flag("--json") ? " (see \"error\" in the output)." : " (listed above)."));
        }
    }

    /** @return the jobs whose interview can be pushed: at a stage that takes a date, with one set; by id */
    private static List<Job> withInterview(JobStore store) throws CliException {
        List<Job> jobs = new ArrayList<>();
        try {
            for (Stage stage : Stage.values()) {
                if (stage.takesInterviewDate()) {
                    store.list(Optional.of(stage)).stream().filter(j -> j.interview().isPresent()).forEach(jobs::add);
                }
            }
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
        jobs.sort(Comparator.comparingLong(Job::id));
        return jobs;
    }

    /** Pushes every job, at most {@code concurrency} at a time; the outcomes in the order of {@code jobs}. */
    private static List<Outcome> pushAll(CalendarPushService service, List<Job> jobs, int concurrency) throws CliException {
        Map<Long, Long> nanos = new ConcurrentHashMap<>();
        Map<Long, PushReport> results = new TimedPushes(service, nanos).pushAll(
                jobs.stream().map(Job::id).toList(), concurrency, (id, result) -> { }, () -> false);
        if (Thread.currentThread().isInterrupted()) {
            throw CliException.error("push-all was interrupted; pushing again never makes a second event.");
        }
        return jobs.stream().map(job -> new Outcome(job, results.get(job.id()), nanos.get(job.id()))).toList();
    }

    /** The push service, timing each push it makes. */
    private record TimedPushes(CalendarPushService service, Map<Long, Long> nanos) implements CalendarPushService {

        @Override
        public List<CalendarProvider> providers() {
            return service.providers();
        }

        @Override
        public PushReport push(long jobId) {
            long start = System.nanoTime();
            try {
                return service.push(jobId);
            } finally {
                nanos.put(jobId, System.nanoTime() - start);
            }
        }

        @Override
        public PushReport remove(long jobId) {
            return service.remove(jobId);
        }

        @Override
        public CalendarOffer offer(Job job) {
            return service.offer(job);
        }

        @Override
        public Map<Long, CalendarOffer> offers(Collection<Job> jobs) {
            return service.offers(jobs);
        }

        @Override
        public Optional<CalendarEvent> event(long jobId) throws JobStoreException {
            return service.event(jobId);
        }
    }

    private static JsonObject json(List<Outcome> outcomes, long created, long updated, long failed, long elapsed,
            double perSecond, int concurrency) {
        JsonObject summary = new JsonObject();
        summary.addProperty("pushed", created + updated);
        summary.addProperty("created", created);
        summary.addProperty("updated", updated);
        summary.addProperty("failed", failed);
        summary.addProperty("concurrency", concurrency);
        summary.addProperty("elapsed_ms", round(elapsed / 1e6));
        summary.addProperty("pushes_per_s", round(perSecond));
        JsonArray jobs = new JsonArray(outcomes.size());
        for (Outcome o : outcomes) {
            JsonObject line = new JsonObject();
            line.addProperty("id", o.job().id());
            ReportJson.of(o.result()).entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
            line.addProperty("ms", round(o.nanos() / 1e6));
            jobs.add(line);
        }
        summary.add("jobs", jobs);
        return summary;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
