package peregrine.cli.internal;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.PushResult;

/** {@code calendar providers | push}. */
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
                ProviderStatus status = provider.status();
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
                ProviderStatus status = provider.status();
                context.out().println(provider.id() + "\t" + (status.connected() ? "connected" : "not connected") + "\t"
                        + provider.label() + "\t" + status.message());
            }
        }
    }

    /** Prints the result as one JSON line; a failure also exits 1 with its reason on stderr. */
    static void push(Arguments args, Command.Context context) throws CliException {
        long id = Values.jobId(args.operands().get(0));
        PushResult result = pushService(context).push(id);
        JsonObject line = new JsonObject();
        line.addProperty("ok", result.ok());
        switch (result) {
            case PushResult.Pushed pushed -> {
                line.addProperty("provider", pushed.providerId());
                line.addProperty("event_id", pushed.eventId());
                line.addProperty("created", pushed.created());
                pushed.link().ifPresent(link -> line.addProperty("link", link.toString()));
            }
            case PushResult.Failed failed -> line.addProperty("error", failed.message());
        }
        context.out().println(GSON.toJson(line));
        if (result instanceof PushResult.Failed failed) {
            throw CliException.error(failed.message());
        }
    }
}
