package peregrine.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the user's configuration and jobs live, and what their plan includes.
 * <p>
 * Locations are chosen, first match wins, from the command line ({@code --config DIR},
 * {@code --db FILE}), then the environment ({@code PEREGRINE_CONFIG_DIR}; Peregrine's
 * {@code STAGING_DB}), then the XDG defaults ({@code $XDG_CONFIG_HOME/peregrine},
 * {@code $XDG_DATA_HOME/peregrine/staging.db}). Each call looks at the files again, through
 * {@link SettingsFiles} (checked, and parsed again only when a file changed), so a file the user edits or
 * adds takes effect without a restart. That is quick local file I/O but still I/O: keep it off the UI thread.
 */
public interface WorkbenchSettings {

    /**
     * The OSGi event topic posted (through EventAdmin, when one is running) after a file in the
     * configuration directory or its {@code integrations/} folder was created, changed or deleted.
     * Its {@link #CHANGED_FILE} property holds the file's path as text.
     */
    String CHANGED_TOPIC = "peregrine/settings/CHANGED";

    /** The event property that names the changed file. */
    String CHANGED_FILE = "file";

    /**
     * @return the user's home, for {@code ~} in settings: {@code $HOME} as a shell has it (Java's {@code user.home}
     *         does not follow it), else {@code user.home}
     */
    default Path homeDirectory() {
        return Path.of(System.getProperty("user.home"));
    }

    /** @return the configuration directory, which holds {@code user.yaml} and {@code integrations/} */
    Path configDirectory();

    /** @return the job database file; it may not exist yet */
    Path databaseFile();

    /**
     * @return the user's tier: {@code dev_tier_override} from {@code user.yaml} when set, else its
     *         {@code tier}; {@link Tier#FREE} when the file is missing or names no known tier
     * @throws SettingsException naming {@code user.yaml} (and the line) when it exists but is not a regular
     *                           file of readable YAML: a broken file is reported, never read as "free"
     */
    Tier tier() throws SettingsException;

    /**
     * @param name the integration's name, e.g. {@code google_calendar}
     * @return the integration's settings, or empty when its file does not exist (not connected). The file is
     *         read again only when it changed (modification time, size or identity), so a provider may call
     *         this on every use; equal results mean unchanged settings.
     * @throws SettingsException when the file exists but is not a regular file, is larger than 1 MiB, cannot
     *                           be read or is not a YAML mapping; within a second, whatever the file is
     */
    Optional<IntegrationConfig> integration(String name) throws SettingsException;

    /** @return the file that holds the integration {@code name}, whether or not it exists */
    Path integrationFile(String name);

    /** How long a calendar push may wait for the calendar when {@code user.yaml} does not say. */
    Duration DEFAULT_CALENDAR_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @return how long a calendar push may wait for the calendar before it gives up:
     *         {@code calendar_timeout_seconds} from {@code user.yaml} when it is a number from 1 to 600, else
     *         {@link #DEFAULT_CALENDAR_TIMEOUT}, also when {@code user.yaml} is broken ({@link #tier()} reports that)
     */
    default Duration calendarTimeout() {
        return DEFAULT_CALENDAR_TIMEOUT;
    }

    /** The reminders of an interview when {@code user.yaml} does not say: a day and an hour before. */
    List<Duration> DEFAULT_REMINDERS = List.of(Duration.ofDays(1), Duration.ofHours(1));

    /**
     * @return the ids of the calendar providers that interviews go to, in order: {@code calendar_targets:} from
     *         {@code user.yaml}; empty when it does not say (or is broken, which {@link #tier()} reports), which
     *         means the calendar already holding a job, else the first connected one
     */
    default Optional<List<String>> calendarTargets() {
        return Optional.empty();
    }

    /**
     * @return how long before an interview to remind the user, longest first: {@code calendar_reminders:} from
     *         {@code user.yaml}, a list of {@code 15m}, {@code 1h}, {@code 2d} or {@code 1w} ({@code []}: none), else
     *         {@link #DEFAULT_REMINDERS}; values that are not such a duration, or longer than four weeks, are left out
     */
    default List<Duration> calendarReminders() {
        return DEFAULT_REMINDERS;
    }

    /** @return {@code calendar_remove_on:} from {@code user.yaml}; {@link RemovePolicy#ASK} when it does not say */
    default RemovePolicy calendarRemoveOn() {
        return RemovePolicy.ASK;
    }

    /**
     * Writes {@code calendar_targets:} into {@code user.yaml} (empty: removes it), keeping every other line of the
     * file as it was; the file is replaced atomically.
     *
     * @throws SettingsException naming the file when it cannot be read or written; then it is unchanged
     */
    default void setCalendarTargets(Optional<List<String>> providerIds) throws SettingsException {
        throw new SettingsException("These settings cannot be changed from here.");
    }

    /**
     * Writes {@code calendar_remove_on:} into {@code user.yaml}, as {@link #setCalendarTargets} does.
     *
     * @throws SettingsException naming the file when it cannot be read or written; then it is unchanged
     */
    default void setCalendarRemoveOn(RemovePolicy policy) throws SettingsException {
        throw new SettingsException("These settings cannot be changed from here.");
    }
}
