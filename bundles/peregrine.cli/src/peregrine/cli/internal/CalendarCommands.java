package peregrine.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.EventExporter;
import peregrine.calendar.PushReport;
import peregrine.jobs.JobStoreException;

/** {@code calendar providers | push | remove | export}. */
final class CalendarCommands {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private CalendarCommands() {
    }

    private static CalendarPushService pushService(Command.Context context) throws CliException {
        return context.services().get(CalendarPushService.class, "the calendar push service");
    }

    static void providers(Arguments args, Command.Context context) throws CliException {
        List<CalendarProvider> providers = pushService(context).providers();
        if (args.flag("--json")) {
            JsonArray array = new JsonArray();
            for (CalendarProvider provider : providers) {
                ProviderStatus status = ProviderStatus.of(provider);
                JsonObject o = new JsonObject();
                o.addProperty("id", provider.id());
                o.addProperty("label", provider.label());
                o.addProperty("connected", status.connected());
                o.addProperty("message", status.message());
                array.add(o);
            }
            context.out().println(GSON.toJson(array));
        } else if (providers.isEmpty()) {
            context.out().println("No calendar integration is installed. " + PluginCommands.HOW_TO_INSTALL);
        } else {
            for (CalendarProvider provider : providers) {
                ProviderStatus status = ProviderStatus.of(provider);
                context.out().println(provider.id() + "\t" + (status.connected() ? "connected" : "not connected") + "\t"
                        + provider.label() + "\t" + status.message());
            }
        }
    }

    /** Prints the report as one JSON line ({@link ReportJson}); a failure at any calendar also exits 1 with its reason on stderr. */
    static void push(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        print(pushService(context).push(id), context);
    }

    /** Removes the job's events from every calendar that holds them; prints and exits as {@link #push} does. */
    static void remove(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        print(pushService(context).remove(id), context);
    }

    static void print(PushReport report, Command.Context context) throws CliException {
        context.out().println(GSON.toJson(ReportJson.of(report)));
        if (!report.ok()) {
            throw CliException.error(ReportJson.failures(report));
        }
    }

    /**
     * Writes the event a push of the job would send as a calendar file, to {@code --out FILE} (replaced as a whole,
     * never left half-written) or to standard output.
     */
    static void export(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        Optional<Path> out = args.value("--out").map(Path::of);
        CalendarEvent event;
        try {
            event = pushService(context).event(id).orElseThrow(() -> CliException.error(
                    "Job " + id + " has no interview date to export. Set one with: " + Cli.PROGRAM + " interview set " + id + " DATE"));
        } catch (JobStoreException e) {
            throw Jobs.failed(e);
        }
        EventExporter exporter = context.services().get(EventExporter.class,
                "a calendar file writer (the CalDAV calendar plug-in, peregrine.calendar.caldav.feature, writes .ics files)");
        if (out.isEmpty()) {
            try {
                exporter.write(event, context.out());
                context.out().flush();
            } catch (IOException e) {
                throw CliException.error("The event could not be written: " + e.getMessage());
            }
            return;
        }
        Path file = out.get();
        try {
            exporter.export(event, file);
        } catch (IOException e) {
            throw CliException.error("Could not write " + file + ": " + e.getMessage() + ". Nothing was changed there.");
        }
        context.out().println("Wrote the interview of job " + id + " to " + file + ".");
    }
}
