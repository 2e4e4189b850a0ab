package peregrine.calendar.caldav.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;

/**
 * The values of {@code integrations/apple_calendar.yaml} as Peregrine writes them. {@link #toString()}
 * leaves the password out; so does every message built from these settings.
 *
 * @param file         the settings file, for messages
 * @param url          {@code caldav_url}: the server root, {@code /.well-known/caldav}, the principal, the
 *                     calendar home or the calendar collection itself; without user info
 * @param username     {@code username}, for iCloud the Apple ID e-mail
 * @param password     {@code app_password}, for iCloud an app-specific password: from the file when it has
 *                     one, else from Eclipse secure storage
 * @param calendarName {@code calendar_name}, the display name of the calendar to use or create
 * @param passwordFromSecureStorage whether the password came from secure storage rather than the file
 */
record CaldavSettings(Path file, URI url, String username, String password, String calendarName, boolean passwordFromSecureStorage) {

    static final String URL = "caldav_url";
    static final String USERNAME = "username";
    static final String PASSWORD = "app_password";
    static final String CALENDAR_NAME = "calendar_name";
    static final String DEFAULT_CALENDAR_NAME = "Interviews";

    /** Where a password comes from when the file has none. */
    @FunctionalInterface
    interface StoredPassword {
        /** No secure storage: the file must hold the password. */
        StoredPassword NONE = () -> Optional.empty();

        /** @return the password kept in secure storage, if any */
        Optional<String> get() throws SettingsException;
    }

    CaldavSettings(Path file, URI url, String username, String password, String calendarName) {
        this(file, url, username, password, calendarName, false);
    }

    CaldavSettings {
        Objects.requireNonNull(file);
        Objects.requireNonNull(url);
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        Objects.requireNonNull(calendarName);
    }

    /**
     * @return the settings, or a message for the user naming the file and what is missing or wrong
     */
    static Result from(IntegrationConfig config) {
        return from(config, StoredPassword.NONE);
    }

    /**
     * @param stored asked only when the file has no {@code app_password}: the file's password wins
     * @return the settings, or a message for the user naming the file and what is missing or wrong
     */
    static Result from(IntegrationConfig config, StoredPassword stored) {
        List<String> missing = new ArrayList<>();
        Optional<String> url = config.text(URL);
        Optional<String> username = config.text(USERNAME);
        Optional<String> password = config.text(PASSWORD);
        boolean fromSecureStorage = false;
        if (password.isEmpty()) {
            try {
                password = stored.get().filter(p -> !p.isBlank());
                fromSecureStorage = password.isPresent();
            } catch (SettingsException e) {
                return new Result.Invalid(config.file() + " has no " + PASSWORD + " and the password in secure storage "
                        + "could not be read. " + e.getMessage());
            }
        }
        url.ifPresentOrElse(u -> { }, () -> missing.add(URL));
        username.ifPresentOrElse(u -> { }, () -> missing.add(USERNAME));
        password.ifPresentOrElse(u -> { }, () -> missing.add(PASSWORD));
        if (!missing.isEmpty()) {
            return new Result.Invalid(config.file() + ": " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing. Add " + (missing.size() == 1 ? "a line" : "lines") + " '" + String.join(": ...', '", missing)
                    + ": ...' (for iCloud: caldav_url: https://caldav.icloud.com/, your Apple ID e-mail and an app-specific password)"
                    + (missing.contains(PASSWORD) && stored != StoredPassword.NONE
                            ? ", or save the password in secure storage (Calendar Integrations)." : "."));
        }
        Optional<URI> parsed = parseUrl(url.get());
        if (parsed.isEmpty()) {
            return new Result.Invalid(config.file() + ": " + URL + " must be an http:// or https:// address such as "
                    + "https://caldav.icloud.com/.");
        }
        return new Result.Valid(new CaldavSettings(config.file(), parsed.get(), username.get(), password.get(),
                config.text(CALENDAR_NAME).orElse(DEFAULT_CALENDAR_NAME), fromSecureStorage));
    }

    /** @return the address without user info, with a path of at least {@code /} */
    static Optional<URI> parseUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(new URI(scheme + "://" + hostPort(uri) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** @return whether the server is Apple's iCloud, whose users need an app-specific password */
    boolean isICloud() {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("icloud.com") || host.endsWith(".icloud.com");
    }

    /**
     * @return a short description for the user, e.g. {@code iCloud calendar 'Interviews' as ada@example.com},
     *         followed by {@code (password from Eclipse secure storage)} when it came from there
     */
    String describe() {
        return (isICloud() ? "iCloud calendar '" + calendarName + "'" : "CalDAV calendar '" + calendarName + "' on " + url.getHost())
                + " as " + username + (passwordFromSecureStorage ? " (password from Eclipse secure storage)" : "");
    }

    @Override
    public String toString() {
        return "CaldavSettings[file=" + file + ", url=" + url + ", username=" + username + ", calendarName=" + calendarName
                + ", passwordFromSecureStorage=" + passwordFromSecureStorage + "]";
    }

    /** The outcome of reading the settings file. */
    sealed interface Result {
        record Valid(CaldavSettings settings) implements Result {
        }

        /** The file exists but is unreadable, incomplete or invalid. */
        record Invalid(String message) implements Result {
        }

        /** There is no settings file: the user has not set the provider up. */
        record Missing(String message) implements Result {
        }
    }
}
