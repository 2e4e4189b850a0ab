package peregrine.calendar.google.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The parts of Google's OAuth token endpoint and Calendar API v3 that the provider uses, on 127.0.0.1, as
 * they behave at Google: the JWT-bearer grant with an RS256 assertion; events insert with a client-supplied
 * base32hex id (409 {@code duplicate} when taken, also by a cancelled event), get, list, update (a full
 * replacement that keeps the old status when none is sent) and delete (204; the event stays as
 * {@code cancelled}, a second delete is 410, GET still returns it); the fields it is given kept as sent (the
 * place, the reminders), reminders refused (400) as Google refuses them; 404 {@code notFound} for unknown events
 * and calendars;
 * gzip request bodies; errors in Google's JSON shape. Faults can be injected and requests are counted.
 */
final class FakeGoogleCalendar implements AutoCloseable {

    static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";
    private static final Pattern EVENTS = Pattern.compile("/calendar/v3/calendars/([^/]+)/events(?:/([^/]+))?");
    private static final Pattern ID = Pattern.compile("[a-v0-9]{5,1024}");

    private final HttpServer server;
    private final PublicKey publicKey;
    private final String clientEmail;
    /** calendar id → event id → event */
    private final Map<String, Map<String, JsonObject>> calendars = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger etags = new AtomicInteger();

    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger apiRequests = new AtomicInteger();
    /** "METHOD path → status", every request in order */
    final List<String> log = new CopyOnWriteArrayList<>();
    /** what was wrong with refused token requests that should have been good */
    final List<String> tokenProblems = new CopyOnWriteArrayList<>();
    /** when set, the token endpoint answers 400 with this OAuth error, as Google does for a deleted key */
    volatile String refuseTokensWith;

    private int faultStatus;
    private String faultReason;
    private String faultMessage;
    private int faultsLeft;

    FakeGoogleCalendar(PublicKey publicKey, String clientEmail, String... calendarIds) throws IOException {
        this.publicKey = publicKey;
        this.clientEmail = clientEmail;
        for (String id : calendarIds) {
            calendars.put(id, new ConcurrentHashMap<>());
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> handle(exchange, this::token));
        server.createContext("/calendar/v3/", exchange -> handle(exchange, this::calendarApi));
        server.start();
    }

    /** @return the root URL to give the client, e.g. {@code http://127.0.0.1:4711/} */
    String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String tokenUri() {
        return rootUrl() + "token";
    }

    /** The next {@code times} Calendar API requests fail with {@code status} and Google's error body for {@code reason}. */
    synchronized void failNext(int status, String reason, String message, int times) {
        faultStatus = status;
        faultReason = reason;
        faultMessage = message;
        faultsLeft = times;
    }

    synchronized void clearFaults() {
        faultsLeft = 0;
    }

    private synchronized boolean fault(HttpExchange exchange) throws IOException {
        if (faultsLeft <= 0) {
            return false;
        }
        faultsLeft--;
        if (faultStatus == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
        }
        send(exchange, faultStatus, error(faultStatus, faultReason, faultMessage));
        return true;
    }

    /**
     * @return an access token the API accepts, as the token endpoint gives one: for a second client of the same
     *         service account (Peregrine's own code) that speaks to the API directly
     */
    String issueToken() {
        String token = "ya29.fake-other-client-" + new SecureRandom().nextInt(1_000_000);
        tokens.add(token);
        return token;
    }

    /** @return the events of a calendar, cancelled ones included */
    Map<String, JsonObject> events(String calendarId) {
        return calendars.get(calendarId);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange, String body) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange, body(exchange));
        } catch (RuntimeException | IOException e) {
            log.add("fake failed: " + e);
            send(exchange, 500, error(500, "backendError", "fake failed: " + e));
        } finally {
            exchange.close();
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private void send(HttpExchange exchange, int status, String json) throws IOException {
        log.add(method(exchange) + " " + exchange.getRequestURI().getRawPath() + " -> " + status);
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String error(int code, String reason, String message) {
        JsonObject info = new JsonObject();
        info.addProperty("domain", "global");
        info.addProperty("reason", reason);
        info.addProperty("message", message);
        JsonArray errors = new JsonArray();
        errors.add(info);
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.add("errors", errors);
        JsonObject root = new JsonObject();
        root.add("error", error);
        return root.toString();
    }

    // --- the token endpoint -------------------------------------------------------------------------

    private void token(HttpExchange exchange, String body) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String problem = assertionProblem(exchange, form);
        if (problem != null) {
            tokenProblems.add(problem);
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}");
            return;
        }
        String refusal = refuseTokensWith;
        if (refusal != null) {
            send(exchange, 400, "{\"error\":\"" + refusal + "\",\"error_description\":\"Invalid JWT Signature.\"}");
            return;
        }
        String token = "ya29.fake-" + tokenRequests.get() + "-" + new SecureRandom().nextInt(1_000_000);
        tokens.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    /** @return what is wrong with the JWT-bearer request, or null when it is what Google accepts */
    private String assertionProblem(HttpExchange exchange, Map<String, String> form) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return "not a POST";
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return "grant_type is " + form.get("grant_type");
        }
        String[] jwt = form.getOrDefault("assertion", "").split("\\.");
        if (jwt.length != 3) {
            return "the assertion is not a signed JWT";
        }
        try {
            JsonObject header = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"RS256".equals(header.get("alg").getAsString())) {
                return "alg is " + header.get("alg");
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey);
            signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return "the signature does not match the service account's public key";
            }
            if (!clientEmail.equals(claims.get("iss").getAsString())) {
                return "iss is " + claims.get("iss");
            }
            JsonElement scope = claims.get("scope");
            if (scope == null || !List.of(scope.getAsString().split(" ")).contains(SCOPE)) {
                return "scope is " + scope;
            }
            long now = Instant.now().getEpochSecond();
            if (claims.get("exp").getAsLong() <= now || claims.get("iat").getAsLong() > now + 60) {
                return "iat/exp do not cover now";
            }
            return null;
        } catch (Exception e) {
            return "unreadable assertion: " + e;
        }
    }

    // --- the Calendar API ---------------------------------------------------------------------------

    /** Google honours the override clients send for a method their HTTP stack lacks (PATCH over HttpURLConnection). */
    private static String method(HttpExchange exchange) {
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        return override != null && "POST".equals(exchange.getRequestMethod()) ? override : exchange.getRequestMethod();
    }

    private void calendarApi(HttpExchange exchange, String body) throws IOException {
        apiRequests.incrementAndGet();
        if (fault(exchange)) {
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.contains(authorization.substring(7))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
            send(exchange, 401, error(401, "authError", "Invalid Credentials"));
            return;
        }
        Matcher m = EVENTS.matcher(exchange.getRequestURI().getRawPath());
        if (!m.matches()) {
            send(exchange, 404, error(404, "notFound", "Not Found"));
            return;
        }
        Map<String, JsonObject> events = calendars.get(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        String calendarId = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        if (events == null) {
            send(exchange, 404, error(404, "notFound", "Not Found"));
            return;
        }
        String id = m.group(2) == null ? null : URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        String method = method(exchange);
        String invalid = ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) && !body.isEmpty()
                ? invalidReminders(JsonParser.parseString(body).getAsJsonObject()) : null;
        if (invalid != null) {
            send(exchange, 400, error(400, "invalid", invalid));
        } else if (id == null && "POST".equals(method)) {
            insert(exchange, calendarId, events, JsonParser.parseString(body).getAsJsonObject());
        } else if (id == null && "GET".equals(method)) {
            JsonArray items = new JsonArray();
            events.values().stream().filter(e -> !"cancelled".equals(e.get("status").getAsString())).forEach(items::add);
            JsonObject list = new JsonObject();
            list.addProperty("kind", "calendar#events");
            list.add("items", items);
            send(exchange, 200, list.toString());
        } else if (id != null && !events.containsKey(id)) {
            send(exchange, 404, error(404, "notFound", "Not Found"));
        } else if (id != null && "GET".equals(method)) {
            send(exchange, 200, events.get(id).toString());
        } else if (id != null && "PUT".equals(method)) {
            JsonObject replacement = JsonParser.parseString(body).getAsJsonObject();
            if (!replacement.has("status")) {
                replacement.add("status", events.get(id).get("status"));
            }
            events.put(id, stored(calendarId, id, replacement, events.get(id).get("created").getAsString()));
            send(exchange, 200, events.get(id).toString());
        } else if (id != null && "PATCH".equals(method)) {
            // RFC 7396-like, as Google documents patch: the fields sent replace theirs, the others stay
            JsonObject merged = events.get(id).deepCopy();
            JsonParser.parseString(body).getAsJsonObject().entrySet().forEach(field -> merged.add(field.getKey(), field.getValue()));
            events.put(id, stored(calendarId, id, merged, events.get(id).get("created").getAsString()));
            send(exchange, 200, events.get(id).toString());
        } else if (id != null && "DELETE".equals(method)) {
            JsonObject event = events.get(id);
            if ("cancelled".equals(event.get("status").getAsString())) {
                send(exchange, 410, error(410, "deleted", "Resource has been deleted"));
                return;
            }
            event.addProperty("status", "cancelled");
            event.addProperty("etag", "\"" + etags.incrementAndGet() + "\"");
            send(exchange, 204, null);
        } else {
            send(exchange, 405, error(405, "httpMethodNotAllowed", "Method not allowed"));
        }
    }

    /**
     * @return why Google refuses the event's reminders, as its API documents them: at most 5 overrides, each with a
     *         method and 0 to 40320 minutes, and overrides only when {@code useDefault} is false; null when it takes them
     */
    static String invalidReminders(JsonObject event) {
        if (!event.has("reminders") || event.get("reminders").isJsonNull()) {
            return null;
        }
        JsonObject reminders = event.getAsJsonObject("reminders");
        boolean useDefault = reminders.has("useDefault") && reminders.get("useDefault").getAsBoolean();
        JsonArray overrides = reminders.has("overrides") ? reminders.getAsJsonArray("overrides") : new JsonArray();
        if (useDefault && !overrides.isEmpty()) {
            return "Cannot specify both default reminders and overrides at the same time.";
        }
        if (overrides.size() > 5) {
            return "Too many reminders.";
        }
        for (var override : overrides) {
            JsonObject reminder = override.getAsJsonObject();
            if (!reminder.has("method") || !reminder.has("minutes")) {
                return "Missing reminder method or minutes.";
            }
            long minutes = reminder.get("minutes").getAsLong();
            if (minutes < 0 || minutes > 40_320) {
                return "Invalid reminder minutes: " + minutes;
            }
        }
        return null;
    }

    private void insert(HttpExchange exchange, String calendarId, Map<String, JsonObject> events, JsonObject event) throws IOException {
        String id;
        if (event.has("id")) {
            id = event.get("id").getAsString();
            if (!ID.matcher(id).matches()) {
                send(exchange, 400, error(400, "invalid", "Invalid resource id value."));
                return;
            }
        } else {
            StringBuilder generated = new StringBuilder();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 26; i++) {
                generated.append("0123456789abcdefghijklmnopqrstuv".charAt(random.nextInt(32)));
            }
            id = generated.toString();
        }
        synchronized (events) {
            if (events.containsKey(id)) {
                send(exchange, 409, error(409, "duplicate", "The requested identifier already exists."));
                return;
            }
            if (!event.has("status")) {
                event.addProperty("status", "confirmed");
            }
            events.put(id, stored(calendarId, id, event, Instant.now().toString()));
        }
        send(exchange, 200, events.get(id).toString());
    }

    private JsonObject stored(String calendarId, String id, JsonObject event, String created) {
        event.addProperty("kind", "calendar#event");
        event.addProperty("id", id);
        event.addProperty("etag", "\"" + etags.incrementAndGet() + "\"");
        event.addProperty("iCalUID", id + "@google.com");
        event.addProperty("created", created);
        event.addProperty("updated", Instant.now().toString());
        event.addProperty("htmlLink", htmlLink(calendarId, id));
        return event;
    }

    static String htmlLink(String calendarId, String id) {
        return "https://www.google.com/calendar/event?eid="
                + Base64.getUrlEncoder().withoutPadding().encodeToString((id + " " + calendarId).getBytes(StandardCharsets.UTF_8));
    }
}
