package peregrine.settings.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.RemovePolicy;
import peregrine.settings.SettingsException;
import peregrine.settings.SettingsFiles;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/** {@link WorkbenchSettings} over Peregrine's configuration directory, located from the application's arguments and environment. */
@Component(service = WorkbenchSettings.class)
public final class FileWorkbenchSettings implements WorkbenchSettings {

    private final Locations locations;
    private final Path home;

    @Activate
    public FileWorkbenchSettings(@Reference(cardinality = ReferenceCardinality.OPTIONAL) EnvironmentInfo environment) {
        this(Locations.resolve(environment == null ? List.of() : Arrays.asList(environment.getNonFrameworkArgs()),
                System.getenv(), Locations.home(System.getenv())), Locations.home(System.getenv()));
    }

    public FileWorkbenchSettings(Locations locations) {
        this(locations, Locations.home(System.getenv()));
    }

    private FileWorkbenchSettings(Locations locations, Path home) {
        this.locations = locations;
        this.home = home;
    }

    @Override
    public Path homeDirectory() {
        return home;
    }

    @Override
    public Path configDirectory() {
        return locations.configDirectory();
    }

    @Override
    public Path databaseFile() {
        return locations.databaseFile();
    }

    /** The {@code user.yaml} key of {@link #calendarTimeout()}. */
    static final String CALENDAR_TIMEOUT = "calendar_timeout_seconds";
    static final int MAX_CALENDAR_TIMEOUT_SECONDS = 600;

    /** {@code user.yaml} and every integration file, each read again only when it changed. */
    private final SettingsFiles<Map<String, Object>> yaml = new SettingsFiles<>(YamlFiles::mapping);

    /** {@code user.yaml}'s own text, for an edit, read with the same checks. */
    private final SettingsFiles<String> text = new SettingsFiles<>((file, content) -> content);
    /** Edits of {@code user.yaml} by this process, one at a time, so that none is lost. */
    private final Object edits = new Object();

    private Path userFile() {
        return configDirectory().resolve("user.yaml");
    }

    /** @return {@code user.yaml}'s mapping; empty when the file is missing */
    private Map<String, Object> user() throws SettingsException {
        return yaml.read(userFile()).orElse(Map.of());
    }

    /** @return the value of {@code key} in {@code user.yaml}; null when it is missing or the file is broken ({@link #tier()} reports that) */
    private Object userValue(String key) {
        try {
            return user().get(key);
        } catch (SettingsException broken) {
            return null;
        }
    }

    @Override
    public Duration calendarTimeout() {
        // Whatever needs the timeout needs the tier first, and tier() names a broken file.
        Object value = userValue(CALENDAR_TIMEOUT);
        double seconds;
        try {
            seconds = value instanceof Number n ? n.doubleValue() : value == null ? Double.NaN : Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException notANumber) {
            return DEFAULT_CALENDAR_TIMEOUT;
        }
        if (!(seconds >= 1 && seconds <= MAX_CALENDAR_TIMEOUT_SECONDS)) {
            return DEFAULT_CALENDAR_TIMEOUT;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Override
    public Tier tier() throws SettingsException {
        Map<String, Object> user = user();
        return tierNamed(user.get("dev_tier_override")).or(() -> tierNamed(user.get("tier"))).orElse(Tier.FREE);
    }

    private static Optional<Tier> tierNamed(Object value) {
        return value == null ? Optional.empty() : Tier.fromYamlName(value.toString());
    }

    @Override
    public Optional<IntegrationConfig> integration(String name) throws SettingsException {
        Path file = integrationFile(name);
        return yaml.read(file).map(values -> new IntegrationConfig(name, file, values));
    }

    @Override
    public Path integrationFile(String name) {
        return configDirectory().resolve("integrations").resolve(name + ".yaml");
    }

    @Override
    public Optional<List<String>> calendarTargets() {
        return CalendarValues.targets(userValue(CalendarValues.TARGETS));
    }

    @Override
    public List<Duration> calendarReminders() {
        return CalendarValues.reminders(userValue(CalendarValues.REMINDERS));
    }

    @Override
    public RemovePolicy calendarRemoveOn() {
        return CalendarValues.removeOn(userValue(CalendarValues.REMOVE_ON));
    }

    @Override
    public void setCalendarTargets(Optional<List<String>> providerIds) throws SettingsException {
        // An empty list reads as no list (see CalendarValues.targets), so it is written as none.
        setUserValue(CalendarValues.TARGETS, providerIds.filter(ids -> !ids.isEmpty()).map(CalendarValues::yamlList));
    }

    @Override
    public void setCalendarRemoveOn(RemovePolicy policy) throws SettingsException {
        setUserValue(CalendarValues.REMOVE_ON, Optional.of(policy.yamlName()));
    }

    /**
     * Sets ({@code value} present) or removes a top-level key of {@code user.yaml}, leaving every other line as it
     * was. A file that cannot be read as settings now is not edited: the edit could not be checked.
     */
    private void setUserValue(String key, Optional<String> value) throws SettingsException {
        Path file = userFile();
        synchronized (edits) {
            user(); // refuses a file that is not a regular file of valid YAML, naming it
            String before = text.read(file).orElse("");
            String after = UserYamlEdit.withKey(before, key, value);
            Map<String, Object> check = YamlFiles.mapping(file, after);
            if (value.isPresent() != check.containsKey(key)) {
                throw new SettingsException(file, OptionalInt.empty(), "could not be changed safely: " + key
                        + " is written in a form this editor does not know. Change it in a text editor.");
            }
            AtomicFiles.write(file, after);
        }
    }
}
