package peregrine.calendar.google.internal;

import peregrine.jobs.CalendarLink;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;

/**
 * One test's world: the DS services of the test runtime (push service, SQLite job store, settings), the DS
 * Google provider, a fresh fake Calendar API, and a service-account key file made for it from a key pair
 * generated here. It writes {@code integrations/google_calendar.yaml} and {@code user.yaml} into the test
 * runtime's configuration folder.
 */
final class GoogleFixture implements AutoCloseable {

    static final String CALENDAR = "interviews@example.com";
    static final String OTHER_CALENDAR = "team@example.com";
    static final String CLIENT_EMAIL = "peregrine-test@peregrine-test.iam.gserviceaccount.com";
    /** Retries as in production, with waits short enough for tests. */
    static final GoogleCalendarProvider.Retries FAST_RETRIES = new GoogleCalendarProvider.Retries(4, Duration.ofMillis(5), Duration.ofSeconds(10));

    private static final KeyPair KEYS = generateKeys();
    /**
     * Every rewritten file gets a modification time of its own, so that no cache can miss a change; all of them
     * in the past, so that the settings' cache trusts an unchanged file (it reads a file changed in the last two
     * seconds again, and a time in the future is always that).
     */
    private static final AtomicLong MODIFIED = new AtomicLong(System.currentTimeMillis() / 1000 - 30L * 24 * 3600);

    final BundleContext context = FrameworkUtil.getBundle(GoogleFixture.class).getBundleContext();
    final CalendarPushService push;
    final JobStore store;
    final WorkbenchSettings settings;
    final GoogleCalendarProvider provider;
    final FakeGoogleCalendar fake;
    final Path keyFile;
    final Path configFile;

    GoogleFixture(Path dir) throws Exception {
        push = service(CalendarPushService.class);
        store = service(JobStore.class);
        settings = service(WorkbenchSettings.class);
        provider = assertInstanceOf(GoogleCalendarProvider.class, service(CalendarProvider.class));
        provider.retries(FAST_RETRIES);
        fake = new FakeGoogleCalendar(KEYS.getPublic(), CLIENT_EMAIL, CALENDAR, OTHER_CALENDAR, GoogleSettings.PRIMARY);
        keyFile = dir.resolve("service-account.json");
        writeKey(keyFile, serviceAccountKey().toString());
        configFile = settings.integrationFile(GoogleCalendarProvider.ID);
        write(settings.configDirectory().resolve("user.yaml"), "tier: paid\n");
        useCalendar(CALENDAR);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }

    /** @return the key file's content as Google Cloud console writes it, with the token URI of the fake */
    JsonObject serviceAccountKey() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        JsonObject key = new JsonObject();
        key.addProperty("type", "service_account");
        key.addProperty("project_id", "peregrine-test");
        key.addProperty("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        key.addProperty("private_key", pem);
        key.addProperty("client_email", CLIENT_EMAIL);
        key.addProperty("client_id", "123456789012345678901");
        key.addProperty("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.addProperty("token_uri", fake.tokenUri());
        key.addProperty("universe_domain", "googleapis.com");
        return key;
    }

    void writeKey(Path file, String content) throws Exception {
        write(file, content);
    }

    /** Writes the settings as Peregrine does, plus {@code api_root_url} pointing at the fake. */
    void useCalendar(String calendarId) throws Exception {
        writeSettings("calendar_id: " + calendarId + "\ncredentials_json: " + keyFile + "\napi_root_url: " + fake.rootUrl() + "\n");
    }

    void writeSettings(String yaml) throws Exception {
        write(configFile, yaml);
    }

    static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        touch(file);
    }

    static void touch(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(MODIFIED.incrementAndGet() * 1000));
    }

    /**
     * @return the job's first calendar link as far as the provider decides it (provider, event id, address, version):
     *         what was pushed and when are the push service's business, proven in its own tests
     */
    Optional<CalendarLink> linkOf(long job) throws Exception {
        return store.job(job).calendarLink().map(l -> new CalendarLink(l.providerId(), l.eventId(), l.address(), l.version()));
    }

    /** @return a new job in Phone Screen with an interview on {@code date} (no time: noon UTC) */
    long interviewOn(LocalDate date) throws Exception {
        long id = store.add(new NewJob("Platform Engineer", "Acme", "https://jobs.example/" + System.nanoTime(), Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(date)));
        return id;
    }

    PushResult.Pushed pushed(long jobId) {
        return assertInstanceOf(PushResult.Pushed.class, push.push(jobId).first());
    }

    PushResult.Failed failed(long jobId) {
        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, push.push(jobId).first());
        assertNoSecret(failed.message());
        return failed;
    }

    /** Messages are for users: never the key, a token, or a stack trace. */
    static void assertNoSecret(String message) {
        for (String secret : new String[] { "PRIVATE KEY", "ya29.", "Exception:", "\tat ", "0123456789abcdef0123456789abcdef01234567" }) {
            assertFalse(message.contains(secret), "the message shows '" + secret + "': " + message);
        }
    }

    @Override
    public void close() {
        fake.close();
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
