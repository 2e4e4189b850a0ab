package peregrine.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import peregrine.p2.Plugin;
import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;
import peregrine.p2.UnsignedContent;

/** {@code plugins list | install | uninstall}: the product's plug-ins (calendar providers), through its p2 profile. */
final class PluginCommands {

    /** How to install one, for the messages that find none. */
    static final String HOW_TO_INSTALL = "Install one with: " + Cli.PROGRAM + " plugins install --repository URL|FOLDER|ZIP FEATURE";

    private PluginCommands() {
    }

    private static PluginInstaller installer(Command.Context context) throws CliException {
        return context.services().get(PluginInstaller.class, "the plug-in installer");
    }

    static void list(Arguments args, Command.Context context) throws CliException {
        List<Plugin> plugins = installer(context).installed();
        if (args.flag("--json")) {
            JsonArray array = new JsonArray();
            for (Plugin plugin : plugins) {
                JsonObject o = new JsonObject();
                o.addProperty("id", plugin.id());
                o.addProperty("version", plugin.version());
                o.addProperty("name", plugin.name());
                o.addProperty("vendor", plugin.vendor());
                array.add(o);
            }
            context.out().println(array);
        } else if (plugins.isEmpty()) {
            context.out().println("No plug-ins are installed. " + HOW_TO_INSTALL);
        } else {
            plugins.forEach(p -> context.out().println(p.id() + "\t" + p.version() + "\t" + p.name() + "\t" + p.vendor()));
        }
    }

    /** Refuses unsigned content unless --allow-unsigned; a refusal says what was unsigned and how to go on. */
    static void install(Arguments args, Command.Context context) throws CliException {
        String repository = args.value("--repository")
                .orElseThrow(() -> CliException.usage("plugins install needs --repository URL|FOLDER|ZIP. Usage: " + Cli.PROGRAM
                        + " plugins install --repository URL|FOLDER|ZIP [--allow-unsigned] FEATURE"));
        boolean allowUnsigned = args.flag("--allow-unsigned");
        List<String> refused = new ArrayList<>();
        UnsignedContent unsigned = artifacts -> {
            if (!allowUnsigned) {
                refused.addAll(artifacts);
            }
            return allowUnsigned;
        };
        PluginResult result = installer(context).install(repository, args.operands().get(0), unsigned, new NullProgressMonitor());
        if (!result.ok()) {
            String hint = refused.isEmpty() ? ""
                    : " Refused: " + String.join("; ", refused.subList(0, Math.min(3, refused.size())))
                            + (refused.size() > 3 ? " and " + (refused.size() - 3) + " more" : "")
                            + ". Run it again with --allow-unsigned to install it anyway.";
            throw CliException.error(result.message() + hint);
        }
        context.out().println(result.message());
    }

    static void uninstall(Arguments args, Command.Context context) throws CliException {
        PluginResult result = installer(context).uninstall(args.operands().get(0), new NullProgressMonitor());
        if (!result.ok()) {
            throw CliException.error(result.message());
        }
        context.out().println(result.message());
    }
}
