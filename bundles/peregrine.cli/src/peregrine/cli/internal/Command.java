package peregrine.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * One entry of the command table: the words that name it ({@code jobs list}), what it accepts, and
 * what it does. A new command is a new entry in {@link Commands#ALL}.
 *
 * @param name         the words that select the command, e.g. {@code jobs list}
 * @param operands     the names of its positional operands, all required, e.g. {@code ID STAGE}
 * @param valueOptions its options that take a value, e.g. {@code --stage}
 * @param flagOptions  its options that take none, e.g. {@code --json}
 * @param synopsis     the rest of its usage line after the name and operands
 * @param summary      one line saying what it does
 * @param action       what it does
 */
record Command(String name, List<String> operands, Set<String> valueOptions, Set<String> flagOptions, String synopsis,
        String summary, Action action) {

    /** What a command does once its arguments are parsed. */
    @FunctionalInterface
    interface Action {
        void run(Arguments args, Context context) throws CliException;
    }

    /**
     * What a command works with.
     *
     * @param services the OSGi services, found on demand
     * @param out      the command's output (stdout)
     */
    record Context(Services services, PrintStream out) {
    }

    /** @return the words of the name, e.g. {@code [jobs, list]} */
    List<String> words() {
        return List.of(name.split(" "));
    }

    /** @return the usage line, e.g. {@code jobs move ID STAGE} */
    String usage() {
        StringBuilder line = new StringBuilder(name);
        operands.forEach(o -> line.append(' ').append(o));
        if (!synopsis.isEmpty()) {
            line.append(' ').append(synopsis);
        }
        return line.toString();
    }

    /**
     * Parses {@code args} (the words after the name) and runs the command.
     *
     * @throws CliException (usage) when the arguments do not fit the command
     */
    void run(List<String> args, Context context) throws CliException {
        Arguments parsed = Arguments.parse(args, valueOptions, flagOptions, name);
        if (parsed.operands().size() < operands.size()) {
            throw CliException.usage(name + ": " + operands.get(parsed.operands().size()) + " is missing. Usage: "
                    + Cli.PROGRAM + " " + usage());
        }
        if (parsed.operands().size() > operands.size()) {
            throw CliException.usage(name + ": unexpected argument '" + parsed.operands().get(operands.size())
                    + "'. Usage: " + Cli.PROGRAM + " " + usage());
        }
        action.run(parsed, context);
    }
}
