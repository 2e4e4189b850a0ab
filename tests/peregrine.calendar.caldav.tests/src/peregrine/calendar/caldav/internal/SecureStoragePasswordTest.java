package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.Secrets;
import peregrine.settings.WorkbenchSettings;
import peregrine.tests.support.Radicale;

/**
 * The password kept in Eclipse secure storage (the DS {@link Secrets} on this runtime's
 * {@code target/peregrine/secure_storage}) instead of {@code apple_calendar.yaml}: the DS provider uses it
 * when the file has none, the file's password wins when present, and no message shows it.
 */
class SecureStoragePasswordTest {

    @TempDir
    static Path serverDir;
    static Radicale radicale;
    static ServiceTracker<?, ?>[] trackers;
    static CalendarPushService push;
    static JobStore store;
    static WorkbenchSettings settings;
    static Secrets secrets;
    static CalendarProvider provider;
    static String calendarName;

    @BeforeAll
    static void start() throws Exception {
        radicale = Radicale.start(serverDir);
        BundleContext context = FrameworkUtil.getBundle(SecureStoragePasswordTest.class).getBundleContext();
        ServiceTracker<CalendarPushService, CalendarPushService> pushTracker = new ServiceTracker<>(context, CalendarPushService.class, null);
        ServiceTracker<JobStore, JobStore> storeTracker = new ServiceTracker<>(context, JobStore.class, null);
        ServiceTracker<WorkbenchSettings, WorkbenchSettings> settingsTracker = new ServiceTracker<>(context, WorkbenchSettings.class, null);
        ServiceTracker<Secrets, Secrets> secretsTracker = new ServiceTracker<>(context, Secrets.class, null);
        ServiceTracker<CalendarProvider, CalendarProvider> providerTracker = new ServiceTracker<>(context, CalendarProvider.class, null);
        trackers = new ServiceTracker<?, ?>[] { pushTracker, storeTracker, settingsTracker, secretsTracker, providerTracker };
        Arrays.stream(trackers).forEach(ServiceTracker::open);
        push = pushTracker.waitForService(10_000);
        store = storeTracker.waitForService(10_000);
        settings = settingsTracker.waitForService(10_000);
        secrets = secretsTracker.waitForService(10_000);
        assertNotNull(push, "no CalendarPushService");
        assertNotNull(store, "no JobStore");
        assertNotNull(settings, "no WorkbenchSettings");
        assertNotNull(secrets, "no Secrets");
        providerTracker.waitForService(10_000);
        provider = Arrays.stream(providerTracker.getServices(new CalendarProvider[0])).filter(p -> p.id().equals("apple_calendar"))
                .findFirst().orElseThrow(() -> new AssertionError("no apple_calendar provider"));
        Files.createDirectories(settings.configDirectory());
        Files.writeString(settings.configDirectory().resolve("user.yaml"), "tier: paid\n");
        calendarName = "Secure Interviews " + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void forgetThePassword() throws Exception {
        secrets.remove("apple_calendar", "app_password");
    }

    @AfterAll
    static void stop() throws Exception {
        if (trackers != null) {
            Arrays.stream(trackers).forEach(ServiceTracker::close);
        }
        if (settings != null) {
            Files.deleteIfExists(settings.integrationFile("apple_calendar"));
        }
        if (radicale != null) {
            radicale.close();
        }
    }

    static void writeSettings(String passwordLine) throws Exception {
        Path file = settings.integrationFile("apple_calendar");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "caldav_url: " + radicale.base + "/\n"
                + "username: " + Radicale.USER + "\n"
                + passwordLine
                + "calendar_name: " + calendarName + "\n"
                + "# " + System.nanoTime() + "\n");
    }

    static long newJob(String title) throws Exception {
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2031, 5, 6), LocalTime.of(9, 0), ZoneId.of("Europe/Paris"));
        long id = store.add(new NewJob(title, "ACME, Inc.", "https://jobs.example.com/" + UUID.randomUUID(), Stage.INTERVIEWING));
        store.setInterview(id, Optional.of(new InterviewSlot(start.toLocalDate(), Optional.of(start.toLocalTime()),
                Optional.of(start.getZone()), Optional.of(Duration.ofMinutes(45)))));
        return id;
    }

    @Test
    void withThePasswordOnlyInSecureStorageTheStatusSaysSoAndAPushReachesTheCalendar() throws Exception {
        writeSettings("");
        ProviderStatus before = provider.status();
        assertFalse(before.connected(), before.message());
        assertTrue(before.message().contains("app_password") && before.message().contains("secure storage"), before.message());

        secrets.put("apple_calendar", "app_password", Radicale.PASSWORD);

        ProviderStatus status = provider.status();
        assertTrue(status.connected(), status.message());
        assertTrue(status.message().contains("password from Eclipse secure storage"), status.message());
        assertFalse(status.message().contains(Radicale.PASSWORD), status.message());
        provider.testConnection();
        long job = newJob("Secure storage engineer");
        PushResult result = push.push(job).first();
        PushResult.Pushed pushed = assertInstanceOf(PushResult.Pushed.class, result, result::toString);
        assertTrue(pushed.created());
        String calendar = radicale.calendars().stream().filter(c -> c[1].equals(calendarName)).map(c -> radicale.base + c[0]).findFirst().orElseThrow();
        String key = peregrine.calendar.EventIdentity.of(store.job(job)).key();
        assertTrue(radicale.get(calendar + ICalendarEvents.resourceName(key)).contains("Secure storage engineer"));
    }

    @Test
    void thePasswordInTheFileWinsOverSecureStorage() throws Exception {
        secrets.put("apple_calendar", "app_password", Radicale.PASSWORD);
        writeSettings("app_password: \"wrong-password-in-file\"\n");

        ProviderStatus status = provider.status();
        assertTrue(status.connected(), status.message());
        assertFalse(status.message().contains("secure storage"), status.message());
        PushResult result = push.push(newJob("File password wins")).first();
        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, result, result::toString);
        assertTrue(failed.message().contains("refused the user name"), failed.message());
        assertFalse(failed.message().contains(Radicale.PASSWORD), failed.message());

        writeSettings("app_password: \"" + Radicale.PASSWORD + "\"\n");
        assertInstanceOf(PushResult.Pushed.class, push.push(newJob("File password works")).first());
    }

    @Test
    void removingThePasswordFromSecureStorageDisconnectsAtOnce() throws Exception {
        writeSettings("");
        secrets.put("apple_calendar", "app_password", Radicale.PASSWORD);
        assertTrue(provider.status().connected());

        secrets.remove("apple_calendar", "app_password");

        ProviderStatus status = provider.status();
        assertFalse(status.connected(), status.message());
        assertEquals(-1, status.message().indexOf(Radicale.PASSWORD), status.message());
    }
}
