package peregrine.cli.internal;

import java.util.List;
import java.util.Set;

/**
 * The command table: every command {@code peregrine-cli} knows, in the order {@code --help} lists them.
 * A command is an entry here and a method that does the work.
 */
final class Commands {

    static final List<Command> ALL = List.of(
            new Command("jobs list", List.of(), Set.of("--stage"), Set.of("--json"), "[--stage STAGE] [--json]",
                    "List the jobs, all or those at STAGE, as a table or as one JSON array.", JobCommands::list),
            new Command("jobs add", List.of(), Set.of("--title", "--company", "--url", "--stage"), Set.of(),
                    "--title TITLE --company COMPANY [--url URL] [--stage STAGE]",
                    "Add a job (at stage applied unless STAGE is given) and print its id.", JobCommands::add),
            new Command("jobs move", List.of("ID", "STAGE"), Set.of(), Set.of(), "",
                    "Move a job to STAGE, stamping when it got there.", JobCommands::move),
            new Command("jobs reject", List.of("ID"), Set.of(), Set.of("--remove-events"), "[--remove-events]",
                    "Reject a job, recording the stage it was at; with --remove-events also remove its events from the calendars "
                            + "that hold them.", JobCommands::reject),
            new Command("interview set", List.of("ID", "DATE"), Set.of("--time", "--zone", "--duration", "--location"), Set.of(),
                    "[--time HH:MM] [--zone ZONE] [--duration MINUTES] [--location TEXT]",
                    "Set the interview of a job at phone_screen or interviewing: DATE is YYYY-MM-DD (years 1900 to 9999), "
                            + "ZONE e.g. Europe/Berlin, TEXT a place or a video link.",
                    InterviewCommands::set),
            new Command("interview clear", List.of("ID"), Set.of(), Set.of(), "",
                    "Remove a job's interview date, time, zone, duration and place (its calendar events stay; see calendar remove).", InterviewCommands::clear),
            new Command("calendar providers", List.of(), Set.of(), Set.of("--json"), "[--json]",
                    "List the calendar providers that are installed, preferred first, and whether each is connected.",
                    CalendarCommands::providers),
            new Command("calendar push", List.of("ID"), Set.of(), Set.of(), "",
                    "Add the job's interview to its calendars, or update the events it has; prints one JSON line.",
                    CalendarCommands::push),
            new Command("calendar remove", List.of("ID"), Set.of(), Set.of(), "",
                    "Remove the job's events from every calendar that holds them; prints one JSON line.",
                    CalendarCommands::remove),
            new Command("calendar export", List.of("ID"), Set.of("--out"), Set.of(), "[--out FILE]",
                    "Write the job's interview as an iCalendar (.ics) file, the event a push would send, to FILE or standard output.",
                    CalendarCommands::export),
            new Command("calendar push-all", List.of(), Set.of("--concurrency"), Set.of("--json"), "[--concurrency N] [--json]",
                    "Push the interview of every job at Phone Screen or Interviewing that has a date, N at a time (default "
                            + PushAllCommand.DEFAULT_CONCURRENCY + "); prints a summary, exits 1 if any push failed.",
                    PushAllCommand::run),
            new Command("plugins list", List.of(), Set.of(), Set.of("--json"), "[--json]", "List the plug-ins (calendar providers) installed on their own, by feature id.", PluginCommands::list),
            new Command("plugins install", List.of("FEATURE"), Set.of("--repository"), Set.of("--allow-unsigned"), "--repository URL|FOLDER|ZIP [--allow-unsigned]", "Install feature FEATURE from a p2 repository into this installation (refusing unsigned content unless allowed); restart to use it.", PluginCommands::install),
            new Command("plugins uninstall", List.of("FEATURE"), Set.of(), Set.of(), "", "Uninstall plug-in FEATURE from this installation; restart to drop it.", PluginCommands::uninstall),
            new Command("demo", List.of(), Set.of("--jobs"), Set.of(), "[--jobs N]",
                    "Fill an empty database with N sample jobs across the board (default " + DemoCommand.DEFAULT_JOBS
                            + "); refuses a database that has jobs.",
                    DemoCommand::run));

    private Commands() {
    }
}
