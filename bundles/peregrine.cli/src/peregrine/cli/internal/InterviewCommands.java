package peregrine.cli.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;

/** {@code interview set | clear}. */
final class InterviewCommands {

    private InterviewCommands() {
    }

    static void set(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        InterviewSlot slot = slot(args);
        try {
            JobStore store = Jobs.store(context);
            Job job = store.job(id);
            if (job.stage().filter(Stage::takesInterviewDate).isEmpty()) {
                throw CliException.error(JobCommands.capitalized(Jobs.describe(job)) + " is at " + Jobs.stageLabel(job)
                        + "; an interview can be set for jobs at " + interviewStages() + ". Move it first: "
                        + Cli.PROGRAM + " jobs move " + id + " " + Stage.PHONE_SCREEN.dbValue());
            }
            Job updated = store.setInterview(id, Optional.of(slot));
            context.out().println("Interview for " + Jobs.describe(updated) + ": "
                    + updated.interview().map(InterviewCommands::describe).orElse("none") + ".");
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
    }

    static void clear(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        try {
            Job job = Jobs.store(context).setInterview(id, Optional.empty());
            context.out().println("Interview for " + Jobs.describe(job) + " cleared.");
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
    }

    private static InterviewSlot slot(Arguments args) throws CliException {
        var date = Values.date(args.operands().get(1));
        Optional<LocalTime> time = args.value("--time").isPresent() ? Optional.of(Values.time(args.value("--time").get()))
                : Optional.empty();
        Optional<ZoneId> zone = args.value("--zone").isPresent() ? Optional.of(Values.zone(args.value("--zone").get()))
                : Optional.empty();
        Optional<Duration> duration = args.value("--duration").isPresent()
                ? Optional.of(Values.minutes(args.value("--duration").get()))
                : Optional.empty();
        Optional<String> location = args.value("--location");
        if (zone.isPresent() && time.isEmpty()) {
            throw CliException.error("--zone needs --time: a time zone applies to a time of day.");
        }
        try {
            return new InterviewSlot(date, time, zone, duration, location);
        } catch (IllegalArgumentException e) {
            // A date or an end no calendar can hold: refused before the store is opened, so the stored date stays.
            throw CliException.error(e.getMessage());
        }
    }

    /** @return e.g. {@code 2026-03-14 14:30 Europe/Berlin, 45 min, at https://meet.example/abc} */
    static String describe(InterviewSlot slot) {
        StringBuilder text = new StringBuilder(slot.date().toString());
        slot.time().ifPresent(t -> text.append(' ').append(t));
        slot.zone().ifPresent(z -> text.append(' ').append(z.getId()));
        slot.duration().ifPresent(d -> text.append(", ").append(d.toMinutes()).append(" min"));
        slot.location().ifPresent(l -> text.append(", at ").append(l));
        return text.toString();
    }

    private static String interviewStages() {
        return Arrays.stream(Stage.values()).filter(Stage::takesInterviewDate).map(Stage::dbValue)
                .collect(Collectors.joining(" or "));
    }
}
