package peregrine.cli.internal;

import java.util.List;
import java.util.Optional;

import peregrine.calendar.CalendarPushService;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

/** {@code jobs list | add | move | reject}. */
final class JobCommands {

    private JobCommands() {
    }

    static void list(Arguments args, Command.Context context) throws CliException {
        Optional<Stage> stage = args.value("--stage").isPresent() ? Optional.of(Stages.parse(args.value("--stage").get()))
                : Optional.empty();
        JobStore store = Jobs.store(context);
        List<Job> jobs;
        try {
            jobs = store.list(stage);
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
        if (args.flag("--json")) {
            context.out().println(JobJson.toJson(jobs));
        } else if (jobs.isEmpty()) {
            context.out().println("No jobs" + stage.map(s -> " at " + s.label()).orElse("") + " in " + store.location() + ".");
        } else {
            JobTable.print(jobs, context.out());
        }
    }

    static void add(Arguments args, Command.Context context) throws CliException {
        String title = args.value("--title").orElseThrow(() -> missing("--title TITLE"));
        String company = args.value("--company").orElseThrow(() -> missing("--company COMPANY"));
        Stage stage = args.value("--stage").isPresent() ? Stages.parse(args.value("--stage").get()) : Stage.APPLIED;
        NewJob job;
        try {
            job = new NewJob(title, company, args.value("--url").orElse(""), stage);
        } catch (IllegalArgumentException e) {
            throw CliException.error(e.getMessage() + ": give a --title and a --company that are not blank.");
        }
        try {
            context.out().println(Jobs.store(context).add(job));
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
    }

    private static CliException missing(String option) {
        return CliException.usage("jobs add: " + option + " is missing. Usage: " + Cli.PROGRAM
                + " jobs add --title TITLE --company COMPANY [--url URL] [--stage STAGE]");
    }

    static void move(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        Stage stage = Stages.parse(args.operands().get(1));
        try {
            JobStore store = Jobs.store(context);
            Job before = store.job(id);
            Job after = store.move(id, stage);
            context.out().println(capitalized(Jobs.describe(after)) + " moved from " + Jobs.stageLabel(before) + " to "
                    + Jobs.stageLabel(after) + ".");
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
    }

    static void reject(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        Job job;
        try {
            job = Jobs.store(context).reject(id);
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
        context.out().println(capitalized(Jobs.describe(job)) + " is rejected"
                + job.rejectionStage().map(s -> " (at " + Stage.fromDbValue(s).map(Stage::label).orElse(s) + ")").orElse("")
                + ".");
        if (args.flag("--remove-events") && !job.calendarLinks().isEmpty()) {
            CalendarCommands.print(context.services().get(CalendarPushService.class, "the calendar push service").remove(id), context);
        }
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
