package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.google.gson.JsonObject;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.CalendarLink;

/**
 * Each failure a user can meet gives a message that says what to do, of the kind that fits, and leaves the
 * job's calendar link as it was. Every test first pushes once successfully, then breaks one thing.
 */
class GoogleCalendarFailureTest extends GoogleProviderTest {

    private long job;
    private String key;
    private CalendarEvent event;

    @BeforeEach
    void pushOnce() throws Exception {
        job = google.interviewOn(LocalDate.of(2026, 12, 3));
        key = google.pushed(job).eventId();
        event = new CalendarEvent(new EventIdentity(key), "Phone Screen: Platform Engineer @ Acme", "",
                ZonedDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneOffset.UTC), Duration.ofHours(1));
    }

    /** Pushes again and checks that it failed, said {@code expected}, and left the link alone. */
    private String failedPush(String... expected) throws Exception {
        PushResult.Failed failed = google.failed(job);
        System.out.println("google push failure: " + failed.message());
        assertTrue(failed.message().startsWith("Google Calendar: "), failed.message());
        for (String part : expected) {
            assertTrue(failed.message().contains(part), "'" + part + "' missing from: " + failed.message());
        }
        assertEquals(Optional.of(new CalendarLink("google_calendar", key)), google.linkOf(job),
                "a failed push leaves the database link as it was");
        return failed.message();
    }

    /**
     * With the key file unusable, the provider is set up but not connected: a push fails saying {@code expected},
     * with no request, and leaves the link alone.
     */
    private String brokenKey(String... expected) throws Exception {
        assertFalse(google.provider.status().connected(), google.provider.status().message());
        assertTrue(google.provider.status().setUp(), "its settings file exists: set up, but broken");
        PushResult.Failed failed = google.failed(job);
        System.out.println("google push failure: " + failed.message());
        assertTrue(failed.message().startsWith("No calendar is connected. The service-account key file"), failed.message());
        for (String part : expected) {
            assertTrue(failed.message().contains(part), "'" + part + "' missing from: " + failed.message());
        }
        assertEquals(Optional.of(new CalendarLink("google_calendar", key)), google.linkOf(job),
                "a failed push leaves the database link as it was");
        return failed.message();
    }

    private static CalendarException failure(CalendarException.Kind kind, Executable call) {
        CalendarException e = assertThrows(CalendarException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        GoogleFixture.assertNoSecret(e.getMessage());
        return e;
    }

    @Test
    void aMissingKeyFileDisconnectsTheProviderWithAMessageNamingTheFile() throws Exception {
        Files.delete(google.keyFile);
        assertFalse(google.provider.status().connected());
        assertTrue(google.provider.status().setUp(), "its settings file exists: set up, but broken");
        String message = google.failed(job).message();
        assertTrue(message.contains(google.keyFile.toString()) && message.contains("does not exist"), message);
        assertEquals(Optional.of(new CalendarLink("google_calendar", key)), google.linkOf(job));
        CalendarException e = failure(CalendarException.Kind.CONFIGURATION, () -> google.provider.update(RemoteEvent.of(key), event));
        assertTrue(e.getMessage().contains(google.keyFile.toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotAServiceAccountKeyIsAConfigurationErrorNamingTheFile() throws Exception {
        google.writeKey(google.keyFile, "this is not JSON at all");
        brokenKey(google.keyFile.toString(), "not a service-account key");
        failure(CalendarException.Kind.CONFIGURATION, () -> google.provider.update(RemoteEvent.of(key), event));

        google.writeKey(google.keyFile, "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"client_secret\":\"hidden-secret\",\"refresh_token\":\"1//hidden\"}");
        String message = brokenKey(google.keyFile.toString(), "its 'type' is not 'service_account'", "a user's sign-in");
        assertFalse(message.contains("hidden") || message.contains("authorized_user"), message);

        // a key pasted into the wrong field: the field is named, its value never shown
        JsonObject misplaced = google.serviceAccountKey();
        misplaced.add("type", misplaced.get("private_key"));
        google.writeKey(google.keyFile, misplaced.toString());
        message = brokenKey(google.keyFile.toString(), "its 'type' is not 'service_account'");
        assertFalse(message.contains("MII") || message.contains("PRIVATE"), message);
        google.writeKey(google.keyFile, "{\"type\":\"x-secret-in-type\",\"client_email\":\"a@b\"}");
        assertFalse(google.provider.status().message().contains("x-secret-in-type"), google.provider.status().message());

        google.writeKey(google.keyFile, google.serviceAccountKey().toString().replace("private_key\"", "private_kee\""));
        brokenKey(google.keyFile.toString(), "private_key is missing");

        google.writeKey(google.keyFile, google.serviceAccountKey().toString().replace("MII", "XXX"));
        brokenKey(google.keyFile.toString(), "private_key", GoogleFixture.CLIENT_EMAIL);
        assertEquals(1, google.fake.tokenRequests.get(), "a broken key never reaches the token endpoint");
    }

    @Test
    void aKeyThatGoogleRefusesIsAnAuthenticationErrorNamingTheServiceAccount() throws Exception {
        google.fake.refuseTokensWith = "invalid_grant";
        GoogleFixture.touch(google.keyFile); // a new key file: a new sign-in
        failedPush("invalid_grant", GoogleFixture.CLIENT_EMAIL, google.keyFile.toString());
        failure(CalendarException.Kind.AUTHENTICATION, () -> google.provider.update(RemoteEvent.of(key), event));
        assertEquals(1, google.fake.events(GoogleFixture.CALENDAR).size());
    }

    @Test
    void anAccessTokenThatTheApiRefusesIsAnAuthenticationError() throws Exception {
        google.fake.failNext(401, "authError", "Invalid Credentials", 100);
        int tokens = google.fake.tokenRequests.get();
        failedPush("HTTP 401", GoogleFixture.CLIENT_EMAIL);
        assertEquals(1, google.fake.tokenRequests.get() - tokens, "one new token is tried, then the failure is reported");
        failure(CalendarException.Kind.AUTHENTICATION, () -> google.provider.update(RemoteEvent.of(key), event));

        google.fake.clearFaults();
        assertTrue(google.pushed(job).eventId().equals(key));
    }

    @Test
    void aCalendarNotSharedForChangesNamesTheServiceAccountThatNeedsAccess() throws Exception {
        google.fake.failNext(403, "requiredAccessLevel", "You need to have writer access to this calendar.", 100);
        failedPush(GoogleFixture.CLIENT_EMAIL, "\"Make changes to events\"", "'" + GoogleFixture.CALENDAR + "'");
        CalendarException e = failure(CalendarException.Kind.REJECTED, () -> google.provider.create(event));
        assertTrue(e.getMessage().contains(GoogleFixture.CLIENT_EMAIL), e.getMessage());
    }

    @Test
    void aWrongCalendarIdIsAConfigurationErrorNamingTheCalendar() throws Exception {
        google.useCalendar("nosuch@group.calendar.google.com");
        failedPush("'nosuch@group.calendar.google.com'", "calendar_id", google.configFile.toString(), GoogleFixture.CLIENT_EMAIL);
        failure(CalendarException.Kind.CONFIGURATION, () -> google.provider.update(RemoteEvent.of(key), event));

        long fresh = google.interviewOn(LocalDate.of(2026, 12, 5));
        String message = google.failed(fresh).message();
        assertTrue(message.contains("'nosuch@group.calendar.google.com'"), message);
        assertEquals(Optional.empty(), google.store.job(fresh).calendarLink());
        failure(CalendarException.Kind.CONFIGURATION, () -> google.provider.create(event));
    }

    @Test
    void aRateLimitIsRetriedWithBackoffAndThePushSucceeds() throws Exception {
        google.fake.failNext(429, "rateLimitExceeded", "Rate Limit Exceeded", 2);
        int api = google.fake.apiRequests.get();
        PushResult.Pushed pushed = google.pushed(job);
        assertEquals(key, pushed.eventId());
        assertEquals(3, google.fake.apiRequests.get() - api, "two refused attempts, then the update");

        google.fake.failNext(403, "userRateLimitExceeded", "User Rate Limit Exceeded", 1);
        assertEquals(key, google.pushed(job).eventId(), "Google's 403 rate limit is retried as well");
        assertEquals(1, google.fake.events(GoogleFixture.CALENDAR).size());
    }

    @Test
    void aServerErrorThatPersistsIsUnavailableAfterABoundedNumberOfAttempts() throws Exception {
        google.fake.failNext(503, "backendError", "Backend Error", 1000);
        int api = google.fake.apiRequests.get();
        failedPush("unavailable", "HTTP 503", "after 4 attempts", "try again later");
        assertEquals(4, google.fake.apiRequests.get() - api, "one attempt and three retries");
        failure(CalendarException.Kind.UNAVAILABLE, () -> google.provider.update(RemoteEvent.of(key), event));

        google.fake.failNext(500, "backendError", "Backend Error", 1);
        assertEquals(key, google.pushed(job).eventId(), "a passing server error is retried");
    }

    @Test
    void anUnreachableServerIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        google.writeSettings("calendar_id: " + GoogleFixture.CALENDAR + "\ncredentials_json: " + google.keyFile
                + "\napi_root_url: http://127.0.0.1:" + port + "/\n");
        failedPush("Cannot connect to 127.0.0.1:" + port, "api_root_url");
        failure(CalendarException.Kind.UNAVAILABLE, () -> google.provider.update(RemoteEvent.of(key), event));
    }
}
