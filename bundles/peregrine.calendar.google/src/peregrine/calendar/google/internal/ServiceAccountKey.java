package peregrine.calendar.google.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/**
 * A service account's JSON key file, as Google Cloud console downloads it. Nothing read from the file
 * but the account's e-mail address ever reaches a message.
 *
 * @param file        the key file
 * @param clientEmail the service account's e-mail address, which the user shares their calendar with
 * @param credentials the account's credentials, scoped to calendar events
 */
record ServiceAccountKey(Path file, String clientEmail, GoogleCredentials credentials) {

    /** The narrowest scope that can write events. */
    static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";
    static final String TYPE = "service_account";
    private static final long MAX_SIZE = 1 << 20;

    /**
     * Reads and checks the key file; makes no network request.
     *
     * @param settingsFile the settings file that names the key file, for messages
     * @param transport    what the credentials' token requests go through
     * @throws CalendarException of kind {@code CONFIGURATION} naming the file when it is missing, unreadable or
     *                           not a service-account key
     */
    static ServiceAccountKey read(Path file, Path settingsFile, HttpTransport transport) throws CalendarException {
        JsonObject json = parse(file, settingsFile);
        String clientEmail = json.get("client_email").getAsString();
        ServiceAccountCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)),
                    () -> transport);
        } catch (IOException | RuntimeException e) {
            // The library's message may quote the file's content: say only what is wrong.
            throw new CalendarException(Kind.CONFIGURATION, file + " is not a usable service-account key: its private_key or token_uri cannot be read. "
                    + "Download a new JSON key for " + clientEmail + " in Google Cloud console (IAM & Admin > Service accounts > Keys).");
        }
        return new ServiceAccountKey(file, clientEmail, credentials.createScoped(List.of(SCOPE)));
    }

    /** @return the account's e-mail address from the key file, if it is a readable service-account key; for status messages */
    static Optional<String> clientEmail(Path file) {
        try {
            return Optional.of(parse(file, file).get("client_email").getAsString());
        } catch (CalendarException e) {
            return Optional.empty();
        }
    }

    private static JsonObject parse(Path file, Path settingsFile) throws CalendarException {
        String named = " (credentials_json in " + settingsFile + ")";
        String fix = " Download a JSON key for your service account in Google Cloud console (IAM & Admin > Service accounts > Keys > Add key) and put its path in "
                + settingsFile + ".";
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new CalendarException(Kind.CONFIGURATION, file + named + " is not a service-account key file: it is far too large." + fix);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " does not exist." + fix);
        } catch (AccessDeniedException e) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " cannot be read: permission denied. Let your user account read it.");
        } catch (IOException e) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " cannot be read (" + e.getClass().getSimpleName() + ")."
                    + (Files.isDirectory(file) ? " It is a folder; name the key file itself." : ""));
        }
        JsonElement element;
        try {
            element = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " is not a service-account key: it is not JSON." + fix);
        }
        if (!element.isJsonObject()) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " is not a service-account key: it is not a JSON object." + fix);
        }
        JsonObject json = element.getAsJsonObject();
        String type = text(json, "type");
        if (!TYPE.equals(type)) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " is not a service-account key"
                    + (type == null ? "" : ": its type is '" + type + "', not '" + TYPE + "'") + "."
                    + ("authorized_user".equals(type) ? " It holds a user's sign-in; Peregrine needs a service account's key." : "")
                    + fix);
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("client_email", "client_id", "private_key", "private_key_id")) {
            if (text(json, key) == null) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new CalendarException(Kind.CONFIGURATION, file + named + " is not a complete service-account key: "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing." + fix);
        }
        return json;
    }

    private static String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        String text = value.getAsString().strip();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + " from " + file + "]";
    }
}
