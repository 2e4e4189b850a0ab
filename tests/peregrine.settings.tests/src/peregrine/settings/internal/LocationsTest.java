package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocationsTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void theHomeIsTheShellsHomeVariableWhenItIsAnAbsolutePath() {
        assertEquals(Path.of("/tmp/elsewhere"), Locations.home(Map.of("HOME", "/tmp/elsewhere")));
        assertEquals(Path.of(System.getProperty("user.home")), Locations.home(Map.of("HOME", "relative")));
        assertEquals(Path.of(System.getProperty("user.home")), Locations.home(Map.of()));
    }

    @Test
    void withNothingSetTheXdgDefaultsUnderHomeAreUsed() {
        Locations l = Locations.resolve(List.of(), Map.of(), HOME);
        assertEquals(Path.of("/home/ada/.config/peregrine"), l.configDirectory());
        assertEquals(Path.of("/home/ada/.local/share/peregrine/staging.db"), l.databaseFile());
    }

    @Test
    void xdgVariablesMoveTheDefaultsAndRelativeOnesAreIgnoredAsTheSpecSays() {
        Locations l = Locations.resolve(List.of(), Map.of("XDG_CONFIG_HOME", "/etc/xdg-ada", "XDG_DATA_HOME", "relative"), HOME);
        assertEquals(Path.of("/etc/xdg-ada/peregrine"), l.configDirectory());
        assertEquals(Path.of("/home/ada/.local/share/peregrine/staging.db"), l.databaseFile());
    }

    @Test
    void peregrinesEnvironmentVariablesWinOverTheDefaults() {
        Locations l = Locations.resolve(List.of(), Map.of("STAGING_DB", "~/peregrine/staging.db",
                "PEREGRINE_CONFIG_DIR", "/srv/peregrine/config", "XDG_CONFIG_HOME", "/elsewhere"), HOME);
        assertEquals(Path.of("/srv/peregrine/config"), l.configDirectory());
        assertEquals(Path.of("/home/ada/peregrine/staging.db"), l.databaseFile());
    }

    @Test
    void commandLineOptionsWinOverTheEnvironmentInBothSpellings() {
        Map<String, String> env = Map.of("STAGING_DB", "/env/staging.db", "PEREGRINE_CONFIG_DIR", "/env/config");
        Locations spaced = Locations.resolve(List.of("jobs", "list", "--db", "/cli/x.db", "--config", "/cli/conf"), env, HOME);
        assertEquals(new Locations(Path.of("/cli/conf"), Path.of("/cli/x.db")), spaced);
        Locations joined = Locations.resolve(List.of("--db=/cli/y.db", "--config=~/conf"), env, HOME);
        assertEquals(new Locations(Path.of("/home/ada/conf"), Path.of("/cli/y.db")), joined);
    }

    @Test
    void anOptionWithoutAValueIsIgnored() {
        assertEquals(Path.of("/env/staging.db"),
                Locations.resolve(List.of("--db"), Map.of("STAGING_DB", "/env/staging.db"), HOME).databaseFile());
    }
}
