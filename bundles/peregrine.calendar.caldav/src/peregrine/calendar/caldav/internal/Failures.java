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

    /** @return the failure for an answer that is not what {@code action} needed */
    static CalendarException of(CaldavSettings settings, String action, DavClient.Reply reply) {
        int status = reply.status();
        String http = "HTTP " + status + (reply.reason() == null || reply.reason().isBlank() ? "" : " " + reply.reason().strip());
        String where = reply.uri().getHost();
        return switch (status) {
        case 401 -> authentication(settings, where, http);
        // 403 is a refusal of a signed-in user (RFC 9110 15.5.4): the password was fine, the calendar is not theirs to change.
        case 403 -> new CalendarException(Kind.REJECTED, "Could not " + action + ": " + where + " does not let '" + settings.username()
                + "' change the calendar '" + settings.calendarName() + "' (" + http + "). Check that calendar_name in " + settings.file()
                + " names a calendar this account may change.");
        case 404, 410 -> new CalendarException(Kind.NOT_FOUND, "Could not " + action + ": " + where + " has nothing at "
                + reply.uri().getRawPath() + " (" + http + ").");
        case 408, 429, 502, 503, 504 -> new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": " + where
                + " is busy or unavailable (" + http + ")" + reply.header("Retry-After").map(r -> "; it asks to retry after " + r + (r.matches("\\d+") ? " s" : "")).orElse("")
                + ". Try again later.");
        case 412 -> new CalendarException(Kind.CONFLICT, "Could not " + action + ": the event on " + where
                + " changed while Peregrine was writing it (" + http + "). Push again.");
        default -> status >= 500
                ? new CalendarException(Kind.UNAVAILABLE, "Could not " + action + ": " + where + " failed (" + http + "). Try again later.")
                : new CalendarException(Kind.REJECTED, "Could not " + action + ": " + where + " refused the request (" + http + ").");
        };
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
