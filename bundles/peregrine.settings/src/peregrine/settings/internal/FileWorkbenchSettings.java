package peregrine.settings.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import peregrine.settings.IntegrationConfig;
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

    /** @return {@code user.yaml}'s mapping; empty when the file is missing */
    private Map<String, Object> user() throws SettingsException {
        return yaml.read(configDirectory().resolve("user.yaml")).orElse(Map.of());
    }

    @Override
    public Duration calendarTimeout() {
        Object value;
        try {
            value = user().get(CALENDAR_TIMEOUT);
        } catch (SettingsException broken) {
            // Whatever needs the timeout needs the tier first, and tier() names the broken file.
            return DEFAULT_CALENDAR_TIMEOUT;
        }
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
}
