package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/**
 * Settings over a temporary config directory: {@link #write} puts a real {@code apple_calendar.yaml} there
 * (so the provider sees its modification time change) and hands the same values to the provider.
 */
final class TestSettings implements WorkbenchSettings {

    private final Path dir;
    private volatile Map<String, Object> values = Map.of();
    private volatile String malformed;
    int reads;

    TestSettings(Path dir) {
        this.dir = dir;
    }

    static Map<String, Object> values(String url, String user, String password, String calendar) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("caldav_url", url);
        v.put("username", user);
        v.put("app_password", password);
        if (calendar != null) {
            v.put("calendar_name", calendar);
        }
        return v;
    }

    TestSettings write(Map<String, Object> v) {
        try {
            Files.createDirectories(integrationFile("x").getParent());
            String yaml = v.entrySet().stream().map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining("\n"));
            Files.writeString(integrationFile(CaldavCalendarProvider.ID), yaml + "\n# " + System.nanoTime() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        values = Map.copyOf(v);
        malformed = null;
        return this;
    }

    TestSettings writeMalformed(String problem) {
        write(Map.of());
        malformed = problem;
        return this;
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
    public Optional<IntegrationConfig> integration(String name) throws SettingsException {
        reads++;
        Path file = integrationFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (malformed != null) {
            throw new SettingsException(file, OptionalInt.of(3), malformed);
        }
        return Optional.of(new IntegrationConfig(name, file, values));
    }

    @Override
    public Path integrationFile(String name) {
        return dir.resolve("integrations").resolve(name + ".yaml");
    }
}
