package peregrine.calendar.google.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.ServiceAccountCredentials;

/**
 * A Calendar API client for one set of settings and one key. It holds the service account's credentials,
 * so the access token is fetched once and reused until it expires; the provider keeps a session for as
 * long as neither the settings file nor the key file changes.
 *
 * @param settings  the settings the client was made from
 * @param key       the service account
 * @param client    the Calendar API client
 * @param apiHost   where the API is served, for messages
 * @param tokenHost where access tokens come from (the key file's {@code token_uri}), for messages
 */
record GoogleSession(GoogleSettings settings, ServiceAccountKey key, Calendar client, String apiHost, String tokenHost) {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final String APPLICATION_NAME = "Peregrine-Workbench/0.1";

    static GoogleSession open(GoogleSettings settings, ServiceAccountKey key, HttpTransport transport) {
        HttpCredentialsAdapter credentials = new HttpCredentialsAdapter(key.credentials());
        // When the API says the token is no longer valid, the adapter fetches a new one and the request is sent
        // once more; the adapter would refresh again on every further 401, even when no retry is left.
        HttpUnsuccessfulResponseHandler refreshOnce = new HttpUnsuccessfulResponseHandler() {
            @Override
            public boolean handleResponse(HttpRequest request, HttpResponse response, boolean supportsRetry) throws IOException {
                if (!supportsRetry) {
                    return false;
                }
                boolean retry = credentials.handleResponse(request, response, true);
                request.setUnsuccessfulResponseHandler(this);
                return retry;
            }
        };
        HttpRequestInitializer initializer = request -> {
            credentials.initialize(request);
            request.setUnsuccessfulResponseHandler(refreshOnce);
            request.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            request.setReadTimeout((int) READ_TIMEOUT.toMillis());
            // One retry, for a new token; rate limits and server errors are retried, or not, by the provider.
            request.setNumberOfRetries(1);
        };
        Calendar client = new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
                .setApplicationName(APPLICATION_NAME)
                .setRootUrl(settings.rootUrl())
                .build();
        String tokenHost = key.credentials() instanceof ServiceAccountCredentials account && account.getTokenServerUri() != null
                ? hostOf(account.getTokenServerUri()) : "oauth2.googleapis.com";
        return new GoogleSession(settings, key, client, hostOf(URI.create(settings.rootUrl())), tokenHost);
    }

    private static String hostOf(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
