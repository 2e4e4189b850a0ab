package peregrine.calendar.caldav.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.protocol.HttpContext;

import com.github.sardine.impl.SardineImpl;

/**
 * Sardine's HTTP client with what CalDAV needs and sardine's public API lacks: any method (PROPFIND,
 * REPORT, MKCALENDAR) with a body, the status code and headers (ETag) of every answer, redirects followed
 * by hand so that the final address is known (relative hrefs are resolved against it), and fixed
 * timeouts.
 * <p>
 * The password goes only where its {@link CredentialScope} admits: there it is sent preemptively (Basic), so
 * that a push is one request, and a challenge from there is answered; every other request goes without it,
 * whatever redirect or {@code calendar-home-set} led there, and a challenge from elsewhere is not answered.
 * Sardine's own any-host credentials are never set up. A redirect from HTTPS to plain HTTP is refused.
 * Certificates are checked by the JVM's trust store: nothing here trusts all certificates. Thread-safe.
 */
class DavClient extends SardineImpl {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int SOCKET_TIMEOUT_MS = 30_000;
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final String USER_AGENT = "Peregrine-Workbench/0.1 (CalDAV)";

    /* Set after the super constructor ran: only read when a request is sent. */
    private final CredentialScope scope;
    private final UsernamePasswordCredentials credentials;
    private final String basicAuthorization;
    private final AtomicLong requests = new AtomicLong();

    DavClient(URI configured, String username, String password) {
        super(); // without credentials: sardine would answer any host's challenge with them (AuthScope.ANY)
        this.scope = CredentialScope.of(configured);
        this.credentials = new UsernamePasswordCredentials(username, password);
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected HttpClientBuilder configure(ProxySelector selector, CredentialsProvider none) {
        // Called from SardineImpl's constructor: instance fields are not set yet, the interceptor and the
        // credentials provider read them later.
        return super.configure(selector, new ScopedCredentials())
                .setUserAgent(USER_AGENT)
                .disableRedirectHandling()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setExpectContinueEnabled(false)
                        .setRedirectsEnabled(false)
                        .setConnectTimeout(CONNECT_TIMEOUT_MS)
                        .setConnectionRequestTimeout(CONNECT_TIMEOUT_MS)
                        .setSocketTimeout(SOCKET_TIMEOUT_MS)
                        .build())
                .addInterceptorLast((HttpRequestInterceptor) this::beforeSend);
    }

    private void beforeSend(HttpRequest request, HttpContext context) {
        requests.incrementAndGet();
        HttpHost target = HttpClientContext.adapt(context).getTargetHost();
        if (target != null && scope.permits(target)) {
            if (!request.containsHeader(HttpHeaders.AUTHORIZATION)) {
                request.addHeader(HttpHeaders.AUTHORIZATION, basicAuthorization);
            }
        } else {
            // Whatever code path put one there, a host outside the scope never receives the password.
            request.removeHeaders(HttpHeaders.AUTHORIZATION);
        }
    }

    /** Sardine's setters would install credentials for any host: this client has its scoped ones only. */
    @Override
    public void setCredentials(String username, String password) {
        throw fixedCredentials();
    }

    @Override
    public void setCredentials(String username, String password, String domain, String workstation) {
        throw fixedCredentials();
    }

    @Override
    public void setCredentials(CredentialsProvider provider) {
        throw fixedCredentials();
    }

    private static UnsupportedOperationException fixedCredentials() {
        return new UnsupportedOperationException("DavClient's credentials are fixed at construction, scoped to the configured server");
    }

    /** @return how many HTTP requests this client has sent */
    long requestCount() {
        return requests.get();
    }

    /**
     * Sends a request, following up to five redirects with the same method, headers and body.
     *
     * @throws IOException when the server cannot be reached or does not answer in time
     */
    Reply send(Request request) throws IOException {
        Request current = request;
        for (int hop = 0;; hop++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("interrupted");
            }
            Reply reply = sendOnce(current);
            Optional<String> location = reply.header(HttpHeaders.LOCATION);
            if (!reply.isRedirect() || location.isEmpty() || hop == MAX_REDIRECTS) {
                return reply;
            }
            URI next;
            try {
                next = current.uri().resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return reply;
            }
            if ("https".equalsIgnoreCase(current.uri().getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                throw new InsecureRedirectException(current.uri(), next);
            }
            current = current.to(next);
        }
    }

    private Reply sendOnce(Request request) throws IOException {
        Method method = new Method(request.method(), request.uri());
        request.headers().forEach(method::setHeader);
        if (request.body() != null) {
            method.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        return execute(method, response -> toReply(request.uri(), response));
    }

    private static Reply toReply(URI uri, HttpResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getAllHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        byte[] body = new byte[0];
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = in.readNBytes(MAX_BODY);
            }
        }
        return new Reply(uri, response.getStatusLine().getStatusCode(), response.getStatusLine().getReasonPhrase(), headers, body);
    }

    /** Answers a challenge (401, or a proxy's 407) only from a host the scope admits: {@code AuthScope.getOrigin()} is the challenger. */
    private final class ScopedCredentials implements CredentialsProvider {
        @Override
        public Credentials getCredentials(AuthScope challenge) {
            HttpHost origin = challenge.getOrigin();
            return origin != null && scope.permits(origin) ? credentials : null;
        }

        @Override
        public void setCredentials(AuthScope authScope, Credentials ignored) {
            throw fixedCredentials();
        }

        @Override
        public void clear() {
            // nothing stored beyond the fixed, scoped credentials
        }
    }

    /** Any HTTP method, with or without a body. */
    private static final class Method extends HttpEntityEnclosingRequestBase {
        private final String name;

        Method(String name, URI uri) {
            this.name = name;
            setURI(uri);
        }

        @Override
        public String getMethod() {
            return name;
        }
    }

    /** A request to send; the body may be null. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, String contentType) {
        Request to(URI other) {
            return new Request(method, other, headers, body, contentType);
        }
    }

    /** An answer: the address that gave it, its status, headers (names in lower case) and body. */
    record Reply(URI uri, int status, String reason, Map<String, String> headers, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** @return the ETag header, if there is one */
        Optional<String> etag() {
            return header(HttpHeaders.ETAG).map(String::strip).filter(s -> !s.isEmpty());
        }
    }

    /** A server sent us from HTTPS to plain HTTP, where the credentials would travel in clear text. */
    static final class InsecureRedirectException extends IOException {
        private static final long serialVersionUID = 1L;

        InsecureRedirectException(URI from, URI to) {
            super(from.getHost() + " redirected from HTTPS to the unencrypted address " + to.getScheme() + "://" + to.getHost());
        }
    }
}
