package peregrine.calendar.google.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLException;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/**
 * What a failed request means to the user. A failure is either the Calendar API's answer (an
 * {@link HttpResponseException}), the token endpoint's refusal (the auth library's exception with that
 * answer as its cause), or the network's. Messages name the calendar, the files and the service account;
 * never the key, a token, or a response body beyond Google's own one-line message.
 */
final class Failures {

    /** 403 reasons that mean "slow down", not "forbidden". */
    private static final Set<String> RATE_LIMITED = Set.of("rateLimitExceeded", "userRateLimitExceeded");
    private static final Set<String> QUOTA = Set.of("quotaExceeded", "dailyLimitExceeded");

    private Failures() {
    }

    /** @return the Calendar API's HTTP status, or 0 when the failure is not the API's answer */
    static int apiStatus(IOException e) {
        return e instanceof HttpResponseException response ? response.getStatusCode() : 0;
    }

    /** @return the first reason of the API's error answer, e.g. {@code duplicate} or {@code notFound}, or empty */
    static String reason(IOException e) {
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null && json.getDetails().getErrors() != null) {
            return json.getDetails().getErrors().stream().map(GoogleJsonError.ErrorInfo::getReason)
                    .filter(r -> r != null && !r.isEmpty()).findFirst().orElse("");
        }
        return "";
    }

    /** @return the token endpoint's answer, when the failure is that the access token could not be had */
    static Optional<HttpResponseException> tokenResponse(IOException e) {
        if (e instanceof HttpResponseException) {
            return Optional.empty();
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }

    /** @return whether trying the same request again later may succeed: rate limits, server errors, refused connections */
    static boolean retryable(IOException e) {
        int status = apiStatus(e);
        if (status != 0) {
            return CalendarException.kindOf(status) == Kind.UNAVAILABLE || status == 403 && RATE_LIMITED.contains(reason(e));
        }
        Optional<HttpResponseException> token = tokenResponse(e);
        if (token.isPresent()) {
            return CalendarException.kindOf(token.get().getStatusCode()) == Kind.UNAVAILABLE;
        }
        return cause(e, ConnectException.class).isPresent();
    }

    /** @return how long the server asked us to wait, when it said so in seconds */
    static Optional<Duration> retryAfter(IOException e) {
        HttpResponseException response = e instanceof HttpResponseException r ? r : tokenResponse(e).orElse(null);
        if (response == null || response.getHeaders() == null || response.getHeaders().getRetryAfter() == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(response.getHeaders().getRetryAfter().strip());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    /**
     * @param session  the settings and account the request was made with
     * @param attempts how many times the request was sent
     * @return the failure for the user, of the kind {@link CalendarException#kindOf} gives the status, refined where Google's
     *         answer means more: a 404 is a wrong calendar id (the caller handles a missing event), a 403 for a rate limit
     *         or quota is {@code UNAVAILABLE}
     */
    static CalendarException describe(IOException e, GoogleSession session, int attempts) {
        GoogleSettings settings = session.settings();
        String email = session.key().clientEmail();
        String calendar = "'" + settings.calendarId() + "'";
        String tried = attempts > 1 ? " after " + attempts + " attempts" : "";
        int status = apiStatus(e);
        if (status != 0) {
            String reason = reason(e);
            String google = googleMessage(e).map(m -> " Google says: " + m).orElse("");
            Kind kind = CalendarException.kindOf(status);
            return switch (kind) {
                case AUTHENTICATION -> new CalendarException(kind, "Google did not accept the sign-in of the service account " + email
                        + " (HTTP " + status + "). Check in Google Cloud console that the account and its key " + session.key().file()
                        + " are still enabled; if not, create a new key and put its path in " + settings.file() + ".");
                // The caller handles an event that is gone: a 404 that reaches here is the calendar's.
                case NOT_FOUND -> status == 404 ? new CalendarException(Kind.CONFIGURATION, "Google Calendar has no calendar " + calendar
                        + " that the service account " + email + " can see. Check calendar_id in " + settings.file()
                        + " (Google Calendar > the calendar's Settings and sharing > Integrate calendar > Calendar ID) and share that calendar with "
                        + email + " with \"Make changes to events\" access.")
                        : new CalendarException(kind, "Google Calendar " + calendar + " says the event is gone (HTTP " + status + ")." + google);
                case CONFLICT -> new CalendarException(kind, "Google Calendar " + calendar + " holds a different version of the event ("
                        + (reason.isEmpty() ? "HTTP " + status : reason) + ")." + google);
                case UNAVAILABLE -> status == 429 ? rateLimited(tried)
                        : new CalendarException(kind, "Google Calendar is unavailable (HTTP " + status + ")" + tried
                                + ". Nothing was changed; try again later.");
                default -> status == 403 ? forbidden(reason, email, calendar, settings, tried, google)
                        : new CalendarException(kind, "Google Calendar refused the request (HTTP " + status
                                + (reason.isEmpty() ? "" : ", " + reason) + ")." + google);
            };
        }
        Optional<HttpResponseException> token = tokenResponse(e);
        if (token.isPresent()) {
            int tokenStatus = token.get().getStatusCode();
            if (CalendarException.kindOf(tokenStatus) == Kind.UNAVAILABLE) {
                return new CalendarException(Kind.UNAVAILABLE, "Google's sign-in service is unavailable (HTTP " + tokenStatus + ")" + tried
                        + ". Nothing was changed; try again later.");
            }
            String error = tokenError(token.get()).map(t -> " (" + t + ")").orElse(" (HTTP " + tokenStatus + ")");
            return new CalendarException(Kind.AUTHENTICATION, "Google refused the key of the service account " + email + error
                    + ". The key in " + session.key().file() + " may have been deleted or disabled in Google Cloud console, or this computer's clock may be wrong."
                    + " Create a new key for " + email + " and put its path in " + settings.file() + ".");
        }
        return network(e, session, tried);
    }

    private static CalendarException forbidden(String reason, String email, String calendar, GoogleSettings settings, String tried,
            String google) {
        // Google's own meanings of 403: its rate limits and quotas pass with time.
        if (RATE_LIMITED.contains(reason)) {
            return rateLimited(tried);
        }
        if (QUOTA.contains(reason)) {
            return new CalendarException(Kind.UNAVAILABLE, "The service account " + email
                    + " has used up its Google Calendar quota for now. Try again tomorrow." + google);
        }
        if ("accessNotConfigured".equals(reason) || "SERVICE_DISABLED".equals(reason)) {
            return new CalendarException(Kind.REJECTED, "The Google Calendar API is not enabled for the Google Cloud project of the service account "
                    + email + ". Enable it in Google Cloud console (APIs & Services > Library > Google Calendar API).");
        }
        return new CalendarException(Kind.REJECTED, "The service account " + email + " may not change events in Google Calendar " + calendar
                + ". In Google Calendar open that calendar's Settings and sharing, add " + email
                + " under \"Share with specific people\" with \"Make changes to events\" access, and check calendar_id in " + settings.file() + "."
                + google);
    }

    private static CalendarException rateLimited(String tried) {
        return new CalendarException(Kind.UNAVAILABLE, "Google Calendar is limiting how fast requests may be made" + tried
                + ". Try again in a few minutes.");
    }

    private static CalendarException network(IOException e, GoogleSession session, String tried) {
        String host = tokenCause(e) ? session.tokenHost() : session.apiHost();
        String fromSettings = GoogleSettings.DEFAULT_ROOT_URL.equals(session.settings().rootUrl()) ? ""
                : " (api_root_url in " + session.settings().file() + ")";
        if (cause(e, UnknownHostException.class).isPresent()) {
            return new CalendarException(Kind.UNAVAILABLE, "Cannot find the server " + host + fromSettings
                    + ". Check the internet connection and try again.");
        }
        if (cause(e, SocketTimeoutException.class).isPresent()) {
            return new CalendarException(Kind.UNAVAILABLE, host + " did not answer in time" + fromSettings
                    + ". Nothing was changed; try again later.");
        }
        if (cause(e, ConnectException.class).isPresent()) {
            return new CalendarException(Kind.UNAVAILABLE, "Cannot connect to " + host + fromSettings + tried
                    + ". Check the internet connection and any proxy, then try again.");
        }
        if (cause(e, SSLException.class).isPresent()) {
            return new CalendarException(Kind.UNAVAILABLE, "The secure connection to " + host + fromSettings
                    + " failed: its certificate is not trusted here. A proxy that inspects TLS needs its certificate in Java's trust store.");
        }
        return new CalendarException(Kind.UNAVAILABLE, "Google Calendar could not be reached at " + host + fromSettings + " ("
                + e.getClass().getSimpleName() + ")" + tried + ". Nothing was changed; try again later.");
    }

    /** The auth library wraps what went wrong on the way to the token endpoint in an exception that is {@code Retryable}. */
    private static boolean tokenCause(IOException e) {
        return e instanceof com.google.auth.Retryable;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** @return Google's one-line message, shortened; it describes the request, never the credentials */
    private static Optional<String> googleMessage(IOException e) {
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null && json.getDetails().getMessage() != null) {
            return Optional.of(shorten(json.getDetails().getMessage()));
        }
        return Optional.empty();
    }

    /** @return the OAuth error code of the token endpoint's answer, e.g. {@code invalid_grant}, with its description */
    private static Optional<String> tokenError(HttpResponseException response) {
        String content = response.getContent();
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement parsed = JsonParser.parseString(content);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject json = parsed.getAsJsonObject();
            JsonElement error = json.get("error");
            if (error == null || !error.isJsonPrimitive()) {
                return Optional.empty();
            }
            JsonElement description = json.get("error_description");
            String text = error.getAsString();
            if (description != null && description.isJsonPrimitive() && !description.getAsString().isBlank()) {
                text += ": " + shorten(description.getAsString());
            }
            return Optional.of(text);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        String line = List.of(text.strip().split("\\R")).get(0);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
