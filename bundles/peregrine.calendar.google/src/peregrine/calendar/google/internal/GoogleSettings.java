package peregrine.calendar.google.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import peregrine.settings.IntegrationConfig;

/**
 * The values of {@code integrations/google_calendar.yaml} as Peregrine writes them.
 *
 * @param file        the settings file, for messages
 * @param calendarId  {@code calendar_id}: the id of the calendar the service account writes to ({@code primary}
 *                    is the service account's own calendar, which nobody else sees)
 * @param keyFile     {@code credentials_json}: the service-account key file, {@code ~} expanded; a relative
 *                    path is read from the configuration directory
 * @param rootUrl     {@code api_root_url}, for proxies and tests: where the Calendar API is served, ending in
 *                    {@code /}; Google's public API when not set
 */
record GoogleSettings(Path file, String calendarId, Path keyFile, String rootUrl) {

    static final String CALENDAR_ID = "calendar_id";
    static final String CREDENTIALS = "credentials_json";
    static final String ROOT_URL = "api_root_url";
    /** Google's public API, as {@code Calendar.DEFAULT_ROOT_URL}. */
    static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";
    static final String PRIMARY = "primary";

    GoogleSettings {
        Objects.requireNonNull(file);
        Objects.requireNonNull(calendarId);
        Objects.requireNonNull(keyFile);
        Objects.requireNonNull(rootUrl);
    }

    /** @return whether the events go to the service account's own calendar, which the user cannot see */
    boolean primary() {
        return PRIMARY.equalsIgnoreCase(calendarId);
    }

    /** The settings, or why there are none. */
    sealed interface Result {
        record Valid(GoogleSettings settings) implements Result {
        }

        /**
         * The settings file does not exist.
         *
         * @param message for the user: which file to create, with what
         */
        record NotSetUp(String message) implements Result {
        }

        /**
         * The settings file exists but is unreadable, incomplete or invalid.
         *
         * @param message for the user: the file and what is missing or wrong
         */
        record Invalid(String message) implements Result {
        }
    }

    /**
     * @param configDirectory where a relative {@code credentials_json} is read from
     * @param home            what {@code ~} stands for
     * @return the settings, or a message naming the file and what is missing or wrong
     */
    static Result from(IntegrationConfig config, Path configDirectory, Path home) {
        Optional<String> calendarId = config.text(CALENDAR_ID);
        Optional<String> credentials = config.text(CREDENTIALS);
        List<String> missing = new ArrayList<>();
        if (calendarId.isEmpty()) {
            missing.add(CALENDAR_ID);
        }
        if (credentials.isEmpty()) {
            missing.add(CREDENTIALS);
        }
        if (!missing.isEmpty()) {
            return new Result.Invalid(config.file() + ": " + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing. Add " + (missing.size() == 1 ? "a line " : "the lines ") + String.join(" and ", missing.stream().map(GoogleSettings::example).toList())
                    + ".");
        }
        Optional<Path> keyFile = expand(credentials.get(), configDirectory, home);
        if (keyFile.isEmpty()) {
            return new Result.Invalid(config.file() + ": " + CREDENTIALS + " is not a file path. " + example(CREDENTIALS) + ".");
        }
        String rootUrl = DEFAULT_ROOT_URL;
        Optional<String> root = config.text(ROOT_URL);
        if (root.isPresent()) {
            Optional<String> parsed = parseRootUrl(root.get());
            if (parsed.isEmpty()) {
                return new Result.Invalid(config.file() + ": " + ROOT_URL + " must be an http:// or https:// address such as "
                        + DEFAULT_ROOT_URL + " (leave it out to use Google's).");
            }
            rootUrl = parsed.get();
        }
        return new Result.Valid(new GoogleSettings(config.file(), calendarId.get(), keyFile.get(), rootUrl));
    }

    private static String example(String key) {
        return switch (key) {
            case CALENDAR_ID -> "'calendar_id: <your calendar's id, e.g. ...@group.calendar.google.com>'";
            case CREDENTIALS -> "'credentials_json: <path of the service account's JSON key file>'";
            default -> "'" + key + ": ...'";
        };
    }

    /** @return the path, with a leading {@code ~} expanded and a relative path resolved against the configuration directory */
    static Optional<Path> expand(String text, Path configDirectory, Path home) {
        String value = text.strip();
        try {
            Path path;
            if (value.equals("~")) {
                path = home;
            } else if (value.startsWith("~/")) {
                path = home.resolve(value.substring(2));
            } else {
                path = Path.of(value);
            }
            return Optional.of(configDirectory.resolve(path).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** @return the address as the client's root URL wants it (scheme, host, path ending in {@code /}) */
    static Optional<String> parseRootUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path += "/";
            }
            return Optional.of(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
