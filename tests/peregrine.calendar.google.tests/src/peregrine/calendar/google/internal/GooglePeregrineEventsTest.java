package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;

/**
 * Peregrine and the workbench on one {@code staging.db} and one Google calendar (issue #12): Peregrine's own code
 * inserts an event without an id (Google chooses one), records that id in {@code jobs.calendar_event_id} with no
 * provider, and updates with {@code events().update(eventId=calendar_event_id)}. Here its steps are raw HTTP
 * against the fake Calendar API and plain JDBC on the database; the workbench is the DS push service, the SQLite
 * store and the DS Google provider. Each case ends with one event for the job.
 */
class GooglePeregrineEventsTest extends GoogleProviderTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private String eventsUrl() {
        return google.fake.rootUrl() + "calendar/v3/calendars/" + URLEncoder.encode(GoogleFixture.CALENDAR, StandardCharsets.UTF_8) + "/events";
    }

    /** Peregrine's event body: its title, 12:00 UTC on the interview date, one hour. */
    private static JsonObject peregrineEvent(LocalDate date) {
        JsonObject start = new JsonObject();
        start.addProperty("dateTime", date + "T12:00:00Z");
        start.addProperty("timeZone", "UTC");
        JsonObject end = new JsonObject();
        end.addProperty("dateTime", date + "T13:00:00Z");
        end.addProperty("timeZone", "UTC");
        JsonObject event = new JsonObject();
        event.addProperty("summary", "Interview: Platform Engineer @ Acme");
        event.add("start", start);
        event.add("end", end);
        return event;
    }

    /** @return the answer to Peregrine's request: {@code POST} (insert), {@code PUT} (update) of {@code body}, or {@code DELETE} (no body) */
    private HttpResponse<String> peregrine(String method, String url, JsonObject body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + google.fake.issueToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As Peregrine's first push: insert without an id, then record the id Google chose, with no provider. */
    private String peregrinePushes(long job, JsonObject event) throws Exception {
        HttpResponse<String> inserted = peregrine("POST", eventsUrl(), event);
        assertEquals(200, inserted.statusCode(), inserted.body());
        String id = JsonParser.parseString(inserted.body()).getAsJsonObject().get("id").getAsString();
        peregrineRecords(job, id);
        return id;
    }

    private void peregrineRecords(long job, String eventId) throws Exception {
        try (Connection c = database().getConnection();
                PreparedStatement p = c.prepareStatement("UPDATE jobs SET calendar_event_id = ? WHERE id = ?")) {
            p.setString(1, eventId);
            p.setLong(2, job);
            assertEquals(1, p.executeUpdate());
        }
    }

    /** @return {@code calendar_event_id} and {@code calendar_provider} as they are in the file */
    private List<String> recorded(long job) throws Exception {
        try (Connection c = database().getConnection();
                PreparedStatement p = c.prepareStatement("SELECT calendar_event_id, calendar_provider FROM jobs WHERE id = ?")) {
            p.setLong(1, job);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next());
                return Arrays.asList(r.getString(1), r.getString(2));
            }
        }
    }

    private SQLiteDataSource database() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + google.settings.databaseFile());
        return source;
    }

    /** @return the calendar's events that are not cancelled */
    private long liveEvents() {
        return google.fake.events(GoogleFixture.CALENDAR).values().stream().filter(e -> !"cancelled".equals(e.get("status").getAsString())).count();
    }

    /** @return the Calendar API requests since the log held {@code logged} lines (token requests left out) */
    private List<String> requestsSince(int logged) {
        return google.fake.log.subList(logged, google.fake.log.size()).stream().filter(r -> r.contains(" /calendar/")).toList();
    }

    @Test
    void anEventPeregrinePushedIsAdoptedAndUpdatedInPlaceKeepingWhatElseItHolds() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        JsonObject event = peregrineEvent(LocalDate.of(2026, 12, 3));
        event.addProperty("location", "Acme HQ, room 4"); // as the user may have added in Google Calendar
        String peregrineId = peregrinePushes(job, event);
        assertEquals(Arrays.asList(peregrineId, null), recorded(job), "Peregrine records the id Google chose and no provider");

        int logged = google.fake.log.size();
        PushResult.Pushed pushed = google.pushed(job);
        List<String> requests = requestsSince(logged);
        System.out.println("google adopt Peregrine's event " + peregrineId + ": " + requests);

        assertEquals(peregrineId, pushed.eventId(), "the event Google named for Peregrine, not a new one");
        assertFalse(pushed.created());
        assertEquals(1, liveEvents());
        JsonObject adopted = google.fake.events(GoogleFixture.CALENDAR).get(peregrineId);
        assertEquals("Phone Screen: Platform Engineer @ Acme", adopted.get("summary").getAsString(), "updated in place");
        assertEquals("Acme HQ, room 4", adopted.get("location").getAsString(), "what else the event holds is kept");
        assertEquals(List.of(peregrineId, "google_calendar"), recorded(job), "the link is recorded with its provider");
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("POST ")), "nothing was created: " + requests);
        assertEquals(1, requests.size(), "adopted with one request: " + requests);
        assertTrue(requests.get(0).startsWith("PATCH ") && requests.get(0).endsWith("/events/" + peregrineId + " -> 200"), requests.toString());

        google.store.setInterview(job, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 4))));
        logged = google.fake.log.size();
        assertEquals(peregrineId, google.pushed(job).eventId());
        requests = requestsSince(logged);
        assertEquals(List.of("PATCH"), requests.stream().map(r -> r.substring(0, r.indexOf(' '))).toList(),
                "an event the workbench did not make is patched in one request, never created: " + requests);
        assertEquals("Acme HQ, room 4", google.fake.events(GoogleFixture.CALENDAR).get(peregrineId).get("location").getAsString(),
                "what else the event holds is still kept");
        assertEquals(1, liveEvents());
        assertTrue(google.fake.events(GoogleFixture.CALENDAR).get(peregrineId).getAsJsonObject("start").get("dateTime").getAsString()
                .startsWith("2026-12-04T12:00:00"));
        assertEquals(List.of(peregrineId, "google_calendar"), recorded(job));
    }

    @Test
    void anEventPeregrinePushedThatWasThenDeletedInGoogleCalendarIsRestoredNotDuplicated() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String peregrineId = peregrinePushes(job, peregrineEvent(LocalDate.of(2026, 12, 3)));
        assertEquals(204, peregrine("DELETE", eventsUrl() + "/" + peregrineId, null).statusCode());
        assertEquals(0, liveEvents(), "Google keeps it as cancelled");

        PushResult.Pushed pushed = google.pushed(job);
        assertEquals(peregrineId, pushed.eventId());
        assertEquals(1, liveEvents());
        assertEquals(1, google.fake.events(GoogleFixture.CALENDAR).size(), "no second event beside the cancelled one");
        assertEquals("confirmed", google.fake.events(GoogleFixture.CALENDAR).get(peregrineId).get("status").getAsString());
        assertEquals(List.of(peregrineId, "google_calendar"), recorded(job));
    }

    @Test
    void anEventTheWorkbenchPushedAndPeregrineThenUpdatedIsUpdatedAgainNotDuplicated() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        assertEquals(List.of(key, "google_calendar"), recorded(job));

        // Peregrine's Update Calendar: events().update(eventId=calendar_event_id); any error would make it insert anew
        String stored = recorded(job).get(0);
        HttpResponse<String> updated = peregrine("PUT", eventsUrl() + "/" + stored, peregrineEvent(LocalDate.of(2026, 12, 10)));
        assertEquals(200, updated.statusCode(), "Peregrine finds the event by the id it reads: " + updated.body());
        assertEquals(1, liveEvents());

        google.store.setInterview(job, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 11))));
        PushResult.Pushed again = google.pushed(job);
        assertEquals(key, again.eventId());
        assertFalse(again.created());
        assertEquals(1, liveEvents());
        JsonObject event = google.fake.events(GoogleFixture.CALENDAR).get(key);
        assertEquals("Phone Screen: Platform Engineer @ Acme", event.get("summary").getAsString());
        assertTrue(event.getAsJsonObject("start").get("dateTime").getAsString().startsWith("2026-12-11T12:00:00"), event.toString());
        assertEquals(List.of(key, "google_calendar"), recorded(job));
    }

    @Test
    void aPeregrineIdThatNoLongerExistsGetsTheWorkbenchsOwnEventRecordedInItsPlace() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String gone = "0abcdefghijklmnopqrstuv123"; // of the form Google chooses, but not in the calendar
        peregrineRecords(job, gone);

        int logged = google.fake.log.size();
        PushResult.Pushed pushed = google.pushed(job);
        System.out.println("google Peregrine id gone: " + requestsSince(logged));

        String key = EventIdentity.of(google.store.job(job)).key();
        assertTrue(pushed.created());
        assertEquals(key, pushed.eventId(), "the workbench's own derived event, never the id that matched nothing");
        assertEquals(1, liveEvents());
        assertFalse(google.fake.events(GoogleFixture.CALENDAR).containsKey(gone));
        assertEquals(List.of(key, "google_calendar"), recorded(job));
    }

    @Test
    void aCaldavUidRecordedByPeregrineIsNotLookedForInGoogleAtAll() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String uid = "peregrine-job-" + job + "@circuitforge.tech";
        peregrineRecords(job, uid);

        int logged = google.fake.log.size();
        PushResult.Pushed pushed = google.pushed(job);
        List<String> requests = requestsSince(logged);
        System.out.println("google Peregrine CalDAV UID: " + requests);

        assertTrue(pushed.created());
        assertEquals(1, liveEvents());
        assertTrue(requests.stream().noneMatch(r -> r.contains("peregrine-job")), "no request names the UID: " + requests);
        assertEquals(1, requests.stream().filter(r -> r.startsWith("POST ")).count(), requests.toString());
        assertEquals(List.of(pushed.eventId(), "google_calendar"), recorded(job));
    }
}
