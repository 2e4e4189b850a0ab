package peregrine.calendar.google.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import peregrine.settings.SettingsException;

/**
 * A service account's JSON key file, as Google Cloud console downloads it. Nothing read from the file but the
 * account's e-mail address ever reaches a message: fields are named, their values (the key, its id, even the
 * {@code type}) never shown.
 *
 * @param file        the key file
 * @param clientEmail the service account's e-mail address, which the user shares their calendar with
 * @param credentials the account's credentials, scoped to calendar events
 */
record ServiceAccountKey(Path file, String clientEmail, GoogleCredentials credentials) {

    /** The narrowest scope that can write events. */
    static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";
    static final String TYPE = "service_account";
    private static final String FIX = " Download a JSON key for your service account in Google Cloud console"
            + " (IAM & Admin > Service accounts > Keys > Add key) and name it in credentials_json.";

    /**
     * Reads the key from the key file's text, as a {@link peregrine.settings.SettingsFiles} parser; makes no network
     * request.
     *
     * @param transport what the credentials' token requests go through
     * @throws SettingsException naming the file when the text is not a complete service-account key
     */
    static ServiceAccountKey parse(Path file, String text, HttpTransport transport) throws SettingsException {
        JsonElement element;
        try {
            element = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw problem(file, "not a service-account key: it is not JSON." + FIX);
        }
        if (!element.isJsonObject()) {
            throw problem(file, "not a service-account key: it is not a JSON object." + FIX);
        }
        JsonObject json = element.getAsJsonObject();
        String type = text(json, "type");
        if (!TYPE.equals(type)) {
            throw problem(file, "not a service-account key: its 'type' is " + (type == null ? "missing" : "not '" + TYPE + "'") + "."
                    + ("authorized_user".equals(type) ? " It holds a user's sign-in; Peregrine needs a service account's key." : "")
                    + FIX);
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("client_email", "client_id", "private_key", "private_key_id")) {
            if (text(json, key) == null) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw problem(file, "not a complete service-account key: " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing." + FIX);
        }
        String clientEmail = text(json, "client_email");
        ServiceAccountCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    () -> transport);
        } catch (IOException | RuntimeException e) {
            // The library's message may quote the file's content: say only what is wrong.
            throw problem(file, "not a usable service-account key: its private_key or token_uri cannot be read. "
                    + "Download a new JSON key for " + clientEmail + " in Google Cloud console (IAM & Admin > Service accounts > Keys).");
        }
        return new ServiceAccountKey(file, clientEmail, credentials.createScoped(List.of(SCOPE)));
    }

    private static SettingsException problem(Path file, String problem) {
        return new SettingsException(file, OptionalInt.empty(), problem);
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
