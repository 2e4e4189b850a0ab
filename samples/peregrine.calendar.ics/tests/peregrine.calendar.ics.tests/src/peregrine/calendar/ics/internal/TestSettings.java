package peregrine.calendar.ics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/** Settings over a temporary config folder whose {@code ics_file.yaml} names {@code calendar} and {@code name}. */
final class TestSettings implements WorkbenchSettings {

    static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private final Path dir;
    private final Map<String, Object> values;

    TestSettings(Path dir, Path calendar, String name) {
        this.dir = dir;
        this.values = Map.of(IcsSettings.PATH, calendar.toString(), IcsSettings.NAME, name);
        try {
            Files.createDirectories(integrationFile(IcsCalendarProvider.ID).getParent());
            Files.writeString(integrationFile(IcsCalendarProvider.ID), "path: " + calendar + "\nname: " + name + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path configDirectory() {
        return dir;
    }

    @Override
    public Path databaseFile() {
        return dir.resolve("staging.db");
    }

    @Override
    public Tier tier() {
        return Tier.PAID;
    }

    @Override
    public Optional<IntegrationConfig> integration(String name) {
        Path file = integrationFile(name);
        return Files.exists(file) ? Optional.of(new IntegrationConfig(name, file, values)) : Optional.empty();
    }

    @Override
    public Path integrationFile(String name) {
        return dir.resolve("integrations").resolve(name + ".yaml");
    }

    @Override
    public Duration calendarTimeout() {
        return TIME_LIMIT;
    }
}
