package peregrine.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments after its name: options ({@code --name VALUE}, {@code --name=VALUE} or a
 * {@code --flag}) and positional operands. {@code --} ends the options.
 */
final class Arguments {

    private final List<String> operands;
    private final Map<String, String> values;
    private final Set<String> flags;

    private Arguments(List<String> operands, Map<String, String> values, Set<String> flags) {
        this.operands = operands;
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param args         the arguments after the command's name
     * @param valueOptions the options that take a value, e.g. {@code --stage}
     * @param flagOptions  the options that take none, e.g. {@code --json}
     * @param command      the command's name, for messages
     * @throws CliException (usage) for an unknown option, a missing value or a value given to a flag
     */
    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions, String command)
            throws CliException {
        List<String> operands = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                operands.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (valueOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw CliException.usage(command + ": " + name + " needs a value.");
                }
                if (values.put(name, value) != null) {
                    throw CliException.usage(command + ": " + name + " is given twice.");
                }
            } else if (flagOptions.contains(name)) {
                if (equals >= 0) {
                    throw CliException.usage(command + ": " + name + " takes no value.");
                }
                flags.add(name);
            } else {
                throw CliException.usage(command + ": unknown option " + name + ".");
            }
        }
        return new Arguments(List.copyOf(operands), values, flags);
    }

    List<String> operands() {
        return operands;
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
