package peregrine.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a command line, picks the command from {@link Commands#ALL} and runs it. Knows the global
 * options and the exit statuses; each command knows the rest.
 * <p>
 * Exit status 0: done. 1: the command failed (one line on stderr says why). 2: the command line is
 * wrong (one line on stderr, or the usage).
 */
final class Cli {

    static final String PROGRAM = "peregrine-cli";
    static final int OK = 0;

    /**
     * The options every command accepts. The settings read them from the application's arguments
     * themselves (anywhere on the line, as {@code --db FILE} or {@code --db=FILE}); the CLI only
     * checks them and steps over them.
     */
    private static final List<String> GLOBAL_OPTIONS = List.of("--db", "--config");

    private final List<Command> commands;
    private final PrintStream out;
    private final PrintStream err;

    Cli(List<Command> commands, PrintStream out, PrintStream err) {
        this.commands = commands;
        this.out = out;
        this.err = err;
    }

    /** @return the exit status */
    int run(List<String> args, Services services) {
        try {
            List<String> words = withoutGlobalOptions(args);
            if (words.isEmpty()) {
                err.print(usage());
                return CliException.USAGE;
            }
            if (isHelp(words.get(0)) || words.get(0).equals("help")) {
                out.print(usage());
                return OK;
            }
            Command command = find(words);
            List<String> rest = words.subList(command.words().size(), words.size());
            if (rest.stream().anyMatch(Cli::isHelp)) {
                out.println("Usage: " + PROGRAM + " " + command.usage());
                out.println(command.summary());
                return OK;
            }
            command.run(rest, new Command.Context(services, out));
            return OK;
        } catch (CliException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return e.exitStatus();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h");
    }

    private static List<String> withoutGlobalOptions(List<String> args) throws CliException {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                words.addAll(args.subList(i, args.size()));
                break;
            }
            if (GLOBAL_OPTIONS.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw CliException.usage(arg + " needs a value: " + arg + (arg.equals("--db") ? " FILE" : " DIR") + ".");
                }
                i++;
            } else if (GLOBAL_OPTIONS.stream().noneMatch(o -> arg.startsWith(o + "="))) {
                words.add(arg);
            }
        }
        return words;
    }

    /** @return the command whose name opens {@code words}, the longest if several do */
    private Command find(List<String> words) throws CliException {
        Optional<Command> match = commands.stream()
                .filter(c -> c.words().size() <= words.size() && c.words().equals(words.subList(0, c.words().size())))
                .max(Comparator.comparingInt(c -> c.words().size()));
        if (match.isPresent()) {
            return match.get();
        }
        String first = words.get(0);
        List<Command> group = commands.stream().filter(c -> c.words().get(0).equals(first)).toList();
        if (group.isEmpty()) {
            throw CliException.usage("unknown command '" + first + "'. Run '" + PROGRAM + " --help' for the commands.");
        }
        String names = group.stream().map(Command::name).collect(Collectors.joining(", "));
        throw CliException.usage(words.size() == 1 ? first + " needs a command: " + names + "."
                : "unknown command '" + first + " " + words.get(1) + "'. The " + first + " commands are: " + names + ".");
    }

    /** @return the full usage text, built from the command table */
    String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(PROGRAM).append(" [--db FILE] [--config DIR] COMMAND [ARGUMENTS]\n\n");
        text.append("Commands:\n");
        for (Command command : commands) {
            text.append("  ").append(command.usage()).append('\n');
            text.append("      ").append(command.summary()).append('\n');
        }
        text.append("\nOptions:\n");
        text.append("  --db FILE     the job database (default: $STAGING_DB, else $XDG_DATA_HOME/peregrine/staging.db)\n");
        text.append("  --config DIR  the configuration folder (default: $PEREGRINE_CONFIG_DIR, else $XDG_CONFIG_HOME/peregrine)\n");
        text.append("  --help        this text; after a command, that command's usage\n");
        text.append("\nStages: ").append(Stages.names()).append('\n');
        text.append("\nExit status: 0 done, 1 the command failed (the reason is on stderr), 2 the command line is wrong.\n");
        return text.toString();
    }
}
