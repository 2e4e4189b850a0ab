package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.http.conn.ConnectTimeoutException;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/**
 * Turns HTTP answers and I/O failures into {@link CalendarException}s whose messages a user can act on.
 * Messages name the server, the user name and the settings file, never the password.
 */
final class Failures {

    private Failures() {
    }

    /**
     * @return the failure for an answer that is not what {@code action} needed: of the kind
     *         {@link CalendarException#kindOf} gives its status, but a 401 from a host the password was not sent
     *         to, which is {@code CONFIGURATION}: the server at {@code caldav_url} sent Peregrine elsewhere
     */
    static CalendarException of(CaldavSettings settings, String action, DavClient.Reply reply) {
        int status = reply.status();
        String http = "HTTP " + status + (reply.reason() == null || reply.reason().isBlank() ? "" : " " + reply.reason().strip());
        String where = reply.uri().getHost();
        Kind kind = CalendarException.kindOf(status);
        if (status == 401) {
            CredentialScope scope = CredentialScope.of(settings.url());
            return scope.permits(reply.uri()) ? authentication(settings, where, http) : new CalendarException(Kind.CONFIGURATION,
                    "Could not " + action + ": " + where + " asked for the password (" + http + "), and Peregrine did not send it there: "
                    + "the password is sent only to " + scope.describe() + ". The server at caldav_url led Peregrine to " + where
                    + "; check caldav_url in " + settings.file() + ".");
        }
        String detail = switch (status) {
        // 403 is a refusal of a signed-in user (RFC 9110 15.5.4): the password was fine, the calendar is not theirs to change.
        case 403 -> where + " does not let '" + settings.username() + "' change the calendar '" + settings.calendarName() + "' ("
                + http + "). Check that calendar_name in " + settings.file() + " names a calendar this account may change.";
        case 404, 410 -> where + " has nothing at " + reply.uri().getRawPath() + " (" + http + ").";
        // RFC 4791 5.3.2.1: e.g. another resource of the calendar holds the same UID.
        case 409 -> where + " refused the change: it conflicts with what the calendar holds (" + http + ").";
        case 412 -> "the event on " + where + " changed while Peregrine was writing it (" + http + "). Push again.";
        default -> kind != Kind.UNAVAILABLE ? where + " refused the request (" + http + ")."
                : busy(status) ? where + " is busy or unavailable (" + http + ")" + reply.header("Retry-After")
                        .map(r -> "; it asks to retry after " + r + (r.matches("\\d+") ? " s" : "")).orElse("") + ". Try again later."
                : where + " failed (" + http + "). Try again later.";
        };
        return new CalendarException(kind, "Could not " + action + ": " + detail);
    }

    /** @return whether an {@code UNAVAILABLE} status says "come back later" (408, 425, 429, 502-504) rather than that the server broke */
    private static boolean busy(int status) {
        return status < 500 || status >= 502 && status <= 504;
    }

    static CalendarException authentication(CaldavSettings settings, String host, String http) {
        StringBuilder message = new StringBuilder(host).append(" refused the user name '").append(settings.username())
                .append("' or its ").append(settings.isICloud() ? "app-specific password" : "password (app_password)").append(" (").append(http).append("). ");
        if (settings.isICloud()) {
            message.append("iCloud needs your Apple ID e-mail as username and an app-specific password as app_password, not your Apple ID password: "
                    + "create one at https://appleid.apple.com (Sign-In and Security > App-Specific Passwords). ");
        }
        message.append("Check username and app_password in ").append(settings.file()).append('.');
        return new CalendarException(Kind.AUTHENTICATION, message.toString());
    }

    /** @return the failure for a request to {@code uri} that got no answer */
    static CalendarException of(CaldavSettings settings, String action, URI uri, IOException e) {
        String host = uri.getHost();
        if (e instanceof DavClient.InsecureRedirectException) {
            return new CalendarException(Kind.CONFIGURATION, "Could not " + action + ": " + e.getMessage()
                    + "; Peregrine does not send your password unencrypted. Check caldav_url in " + settings.file() + ".", e);
        }
        if (e instanceof UnknownHostException) {
            return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": the host " + host
                    + " is unknown. Check your network connection and caldav_url in " + settings.file() + ".", e);
        }
        if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
            return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": " + host + " did not answer in time ("
                    + (e instanceof ConnectTimeoutException ? DavClient.CONNECT_TIMEOUT_MS / 1000 + " s to connect" : DavClient.SOCKET_TIMEOUT_MS / 1000 + " s to answer")
                    + "). Try again later.", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": cannot connect to " + host
                    + (uri.getPort() > 0 ? " port " + uri.getPort() : "") + ". Is the server running and caldav_url in "
                    + settings.file() + " right?", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException || causedByCertificate(e)) {
            return new CalendarException(Kind.CONFIGURATION, "Could not " + action + ": the TLS certificate of " + host
                    + " is not trusted (" + rootMessage(e) + "). Peregrine never skips certificate checks: check caldav_url in "
                    + settings.file() + ", or add the server's certificate to Java's trust store.", e);
        }
        if (e instanceof SSLException) {
            return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": the secure connection to " + host
                    + " failed (" + rootMessage(e) + ").", e);
        }
        if (e instanceof InterruptedIOException) {
            return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": interrupted.", e);
        }
        return new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": the connection to " + host + " failed ("
                + rootMessage(e) + "). Try again later.", e);
    }

    private static boolean causedByCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
