package peregrine.settings.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configuration directory and the job database are, decided from the command line, the
 * environment and the XDG defaults, in that order.
 *
 * @param configDirectory the configuration directory
 * @param databaseFile    the job database
 */
public record Locations(Path configDirectory, Path databaseFile) {

    static final String CONFIG_OPTION = "--config";
    static final String DB_OPTION = "--db";
    static final String CONFIG_VARIABLE = "PEREGRINE_CONFIG_DIR";
    static final String DB_VARIABLE = "STAGING_DB";

    /**
     * @param args the application's arguments; {@code --config DIR} and {@code --db FILE} (or
     *             {@code --config=DIR}, {@code --db=FILE}) are looked for anywhere in them
     * @param env  the environment
     * @param home the user's home directory
     */
    public static Locations resolve(List<String> args, Map<String, String> env, Path home) {
        Path config = option(args, CONFIG_OPTION).or(() -> variable(env, CONFIG_VARIABLE))
                .map(p -> expandHome(p, home))
                .orElseGet(() -> xdg(env, "XDG_CONFIG_HOME", home, ".config").resolve("peregrine"));
        Path db = option(args, DB_OPTION).or(() -> variable(env, DB_VARIABLE))
                .map(p -> expandHome(p, home))
                .orElseGet(() -> xdg(env, "XDG_DATA_HOME", home, ".local/share").resolve("peregrine/staging.db"));
        return new Locations(config.toAbsolutePath().normalize(), db.toAbsolutePath().normalize());
    }

    /**
     * @return the user's home as a shell sees it: {@code $HOME} when it is an absolute path, else Java's
     *         {@code user.home} (which Java takes from the password database, not from {@code $HOME})
     */
    public static Path home(Map<String, String> env) {
        return variable(env, "HOME").map(Path::of).filter(Path::isAbsolute).orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    /** @return {@code path} with a leading {@code ~} replaced by {@code home}, as a shell would */
    public static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }

    private static Optional<String> option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(name) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (arg.startsWith(name + "=")) {
                return Optional.of(arg.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> variable(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static Path xdg(Map<String, String> env, String variable, Path home, String fallback) {
        return variable(env, variable).map(Path::of).filter(Path::isAbsolute).orElseGet(() -> home.resolve(fallback));
    }
}
