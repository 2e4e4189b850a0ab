package peregrine.cli.internal;

/**
 * A command cannot be carried out. The message is one line for the user; the exit status says whether
 * the command line was wrong ({@link #usage(String)}) or the request could not be met
 * ({@link #error(String)}).
 */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The command line does not have the shape of a command: exit status 2. */
    static final int USAGE = 2;
    /** The command is well formed but failed, e.g. an unknown id or an unreadable database: exit status 1. */
    static final int ERROR = 1;

    private final int exitStatus;

    private CliException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    static CliException error(String message) {
        return new CliException(ERROR, message);
    }

    int exitStatus() {
        return exitStatus;
    }
}
