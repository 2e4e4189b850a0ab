package peregrine.settings.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/** {@link WorkbenchSettings} over Peregrine's configuration directory, located from the application's arguments and environment. */
@Component(service = WorkbenchSettings.class)
public final class FileWorkbenchSettings implements WorkbenchSettings {

    private final Locations locations;

    @Activate
    public FileWorkbenchSettings(@Reference(cardinality = ReferenceCardinality.OPTIONAL) EnvironmentInfo environment) {
        this(Locations.resolve(environment == null ? List.of() : Arrays.asList(environment.getNonFrameworkArgs()),
                System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public FileWorkbenchSettings(Locations locations) {
        this.locations = locations;
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

    /**
     * A file whose last change is not older than this when it is read may change again with the same
     * last-modified time and size (the clock the file system stamps with is coarse): it is read again
     * on the next call until it is (Git's "racily clean" index entries).
     */
    private static final long SETTLE_MILLIS = 2_000;

    /**
     * {@code user.yaml} as last read, with the last-modified time (null: the file did not exist) and
     * size it had then; {@code settled} when that time was older than {@link #SETTLE_MILLIS} at the read.
     */
    private record UserFile(FileTime modified, long size, Map<String, Object> values, boolean settled) {
    }

    /** Replaced whole, never changed: a race between two readers only costs a second read. */
    private volatile UserFile userFile;

    /** @return {@code user.yaml}'s mapping, read again only when its last-modified time or size changed; empty when missing or unreadable */
    private Map<String, Object> user() {
        Path file = configDirectory().resolve("user.yaml");
        FileTime modified;
        long size;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            modified = attributes.lastModifiedTime();
            size = attributes.size();
        } catch (NoSuchFileException missing) {
            modified = null;
            size = -1;
        } catch (IOException unreadable) {
            return Map.of();
        }
        UserFile known = userFile;
        if (known != null && known.settled() && Objects.equals(known.modified(), modified) && known.size() == size) {
            return known.values();
        }
        long readAt = System.currentTimeMillis();
        Map<String, Object> values;
        try {
            values = Map.copyOf(YamlFiles.readMapping(file).orElse(Map.of()));
        } catch (SettingsException unreadable) {
            values = Map.of();
        }
        userFile = new UserFile(modified, size, values, modified == null || modified.toMillis() < readAt - SETTLE_MILLIS);
        return values;
    }

    @Override
    public Duration calendarTimeout() {
        Object value = user().get(CALENDAR_TIMEOUT);
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
    public Tier tier() {
        Map<String, Object> user = user();
        return tierNamed(user.get("dev_tier_override")).or(() -> tierNamed(user.get("tier"))).orElse(Tier.FREE);
    }

    private static Optional<Tier> tierNamed(Object value) {
        return value == null ? Optional.empty() : Tier.fromYamlName(value.toString());
    }

    @Override
    public Optional<IntegrationConfig> integration(String name) throws SettingsException {
        Path file = integrationFile(name);
        return YamlFiles.readMapping(file).map(values -> new IntegrationConfig(name, file, values));
    }

    @Override
    public Path integrationFile(String name) {
        return configDirectory().resolve("integrations").resolve(name + ".yaml");
    }
}
