package peregrine.calendar.caldav.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.http.HttpHost;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * The hosts that may receive the CalDAV password: the configured origin (scheme, host and port), and, when that
 * origin is HTTPS, every HTTPS host of the same registrable domain, which is how iCloud works
 * ({@code caldav.icloud.com} names a calendar home on {@code p42-caldav.icloud.com}). The registrable domain is
 * decided by the public suffix list (its private section included, so {@code a.github.io} and
 * {@code b.github.io} are strangers). An IP address, or a name under no public suffix, admits its exact origin
 * only; so does a plain-HTTP origin: nothing travels in clear text to any other host. Immutable.
 */
final class CredentialScope {

    private final String scheme;
    private final String host;
    private final int port;
    /** The origin's registrable domain, when it is HTTPS and has one: the other hosts it admits. */
    private final Optional<InternetDomainName> site;

    private CredentialScope(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.site = "https".equals(scheme) ? registrableDomain(host) : Optional.empty();
    }

    /** @param configured the configured server address ({@code caldav_url}) */
    static CredentialScope of(URI configured) {
        String scheme = normalScheme(configured.getScheme());
        return new CredentialScope(scheme, normalHost(configured.getHost()), effectivePort(scheme, configured.getPort()));
    }

    /** @return whether a request to {@code uri} may carry the password */
    boolean permits(URI uri) {
        return uri.getHost() != null && permits(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /** @return whether a request to {@code target} may carry the password, or answer its challenge */
    boolean permits(HttpHost target) {
        return permits(target.getSchemeName(), target.getHostName(), target.getPort());
    }

    private boolean permits(String requestScheme, String requestHost, int requestPort) {
        String s = normalScheme(requestScheme);
        String h = normalHost(requestHost);
        if (s.equals(scheme) && h.equals(host) && effectivePort(s, requestPort) == port) {
            return true;
        }
        return site.isPresent() && "https".equals(s) && site.equals(registrableDomain(h));
    }

    /** @return what this scope admits, for a message: {@code https://caldav.example.com and the other HTTPS hosts of example.com} */
    String describe() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == effectivePort(scheme, -1) ? "" : ":" + port)
                + site.map(d -> " and the other HTTPS hosts of " + d).orElse("");
    }

    private static Optional<InternetDomainName> registrableDomain(String host) {
        if (InetAddresses.isInetAddress(host) || !InternetDomainName.isValid(host)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix() ? Optional.of(name.topPrivateDomain()) : Optional.empty();
    }

    private static String normalScheme(String scheme) {
        return Objects.requireNonNullElse(scheme, "").toLowerCase(Locale.ROOT);
    }

    /** Host names compare without case, a trailing dot or IPv6 brackets: {@code CalDAV.iCloud.com.} is {@code caldav.icloud.com}. */
    private static String normalHost(String host) {
        String h = Objects.requireNonNullElse(host, "").toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static int effectivePort(String scheme, int port) {
        return port >= 0 ? port : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
}
