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
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.RemoteEvent;

/**
 * The place and the reminders as the provider writes them to the fake Calendar API, which refuses reminders as
 * Google does (at most 5 overrides of 0 to 40320 minutes, none beside {@code useDefault: true}); and an event
 * removed (cancelled at Google) comes back live, never twice, on the next push.
 */
class GooglePlaceAndRemindersTest extends GoogleProviderTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 12, 3, 14, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    private Map<String, JsonObject> events() {
        return google.fake.events(GoogleFixture.CALENDAR);
    }

    private static CalendarEvent event(EventIdentity identity, String location, Duration... reminders) {
        return new CalendarEvent(identity, "Interview: Engineer @ Acme", "https://jobs.example/1", START, Duration.ofMinutes(45),
                Optional.ofNullable(location), List.of(reminders));
    }

    private static EventIdentity identity() {
        StringBuilder key = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 32; i++) {
            key.append("0123456789abcdefghijklmnopqrstuv".charAt(random.nextInt(32)));
        }
        return new EventIdentity(key.toString());
    }

    /** @return the minutes of the event's overrides, or null when it takes the calendar's defaults */
    private List<Integer> overrides(String id) {
        JsonObject reminders = events().get(id).getAsJsonObject("reminders");
        if (reminders.get("useDefault").getAsBoolean()) {
            assertFalse(reminders.has("overrides") && !reminders.getAsJsonArray("overrides").isEmpty(), reminders.toString());
            return null;
        }
        List<Integer> minutes = new ArrayList<>();
        reminders.getAsJsonArray("overrides").forEach(o -> {
            assertEquals("popup", o.getAsJsonObject().get("method").getAsString(), "a reminder the calendar shows");
            minutes.add(o.getAsJsonObject().get("minutes").getAsInt());
        });
        return minutes;
    }

    @Test
    void thePlaceGoesIntoLocationAndTheRemindersIntoPopUpOverrides() throws Exception {
        String id = google.provider.create(event(identity(), "https://meet.example.com/abc-defg-hij", Duration.ofDays(1), Duration.ofHours(1))).id();
        assertEquals("https://meet.example.com/abc-defg-hij", events().get(id).get("location").getAsString());
        assertEquals(List.of(60, 1440), overrides(id));
    }

    @Test
    void moreThanFiveRemindersKeepTheFiveNearestTheStartAndNoneIsLongerThanFourWeeks() throws Exception {
        String id = google.provider.create(event(identity(), null, Duration.ofDays(56), Duration.ofDays(30), Duration.ofDays(2),
                Duration.ofDays(1), Duration.ofHours(3), Duration.ofHours(1))).id();
        assertEquals(List.of(60, 180, 1440, 2880, 40_320), overrides(id), "accepted by the fake as by Google: " + google.fake.log);
        assertFalse(events().get(id).has("location"), "no place, no location");
    }

    @Test
    void withoutRemindersTheEventTakesTheCalendarsDefaults() throws Exception {
        String id = google.provider.create(event(identity(), null)).id();
        assertEquals(null, overrides(id));
    }

    @Test
    void anUpdateReplacesTheRemindersAndThePlace() throws Exception {
        EventIdentity identity = identity();
        RemoteEvent created = google.provider.create(event(identity, "Room 1", Duration.ofDays(1), Duration.ofHours(1)));
        google.provider.update(created, event(identity, "Room 2", Duration.ofMinutes(30)));
        assertEquals(List.of(30), overrides(created.id()));
        assertEquals("Room 2", events().get(created.id()).get("location").getAsString());

        google.provider.update(created, event(identity, null));
        assertEquals(null, overrides(created.id()), "no reminder of an earlier push is left");
        assertFalse(events().get(created.id()).has("location"), "the place is gone with the interview's");
    }

    @Test
    void afterARemoveTheNextPushMakesTheEventLiveAgainWithItsPlaceAndRemindersAndNeverASecondOne() throws Exception {
        EventIdentity identity = identity();
        RemoteEvent created = google.provider.create(event(identity, "Room 1", Duration.ofHours(1)));
        google.provider.delete(created);
        assertEquals("cancelled", events().get(created.id()).get("status").getAsString(), "Google keeps a removed event as cancelled");

        // a push that no longer knows the event creates it: its id is taken by the cancelled one (409), so it is updated
        RemoteEvent again = google.provider.create(event(identity, "Room 2", Duration.ofMinutes(15)));

        assertEquals(created.id(), again.id());
        assertTrue(again.existed());
        assertTrue(google.fake.log.stream().anyMatch(l -> l.startsWith("POST ") && l.endsWith("-> 409")), google.fake.log.toString());
        assertEquals(1, events().size(), "one event, live again");
        assertEquals("confirmed", events().get(created.id()).get("status").getAsString());
        assertEquals("Room 2", events().get(created.id()).get("location").getAsString());
        assertEquals(List.of(15), overrides(created.id()));

        // and a push that still knows it updates it back to life
        google.provider.delete(again);
        google.provider.update(again, event(identity, "Room 3", Duration.ofMinutes(10)));
        assertEquals(1, events().size());
        assertEquals("confirmed", events().get(created.id()).get("status").getAsString());
        assertEquals(List.of(10), overrides(created.id()));
    }

    /** As Peregrine pushes: inserted without an id (Google chooses one), here with a place and a reminder the user gave it. */
    private String peregrineEvent() throws Exception {
        JsonObject event = JsonParser.parseString("{\"summary\":\"Interview: Engineer @ Acme\",\"location\":\"Acme HQ\","
                + "\"start\":{\"dateTime\":\"2026-12-03T12:00:00Z\"},\"end\":{\"dateTime\":\"2026-12-03T13:00:00Z\"},"
                + "\"reminders\":{\"useDefault\":false,\"overrides\":[{\"method\":\"email\",\"minutes\":20}]}}").getAsJsonObject();
        String url = google.fake.rootUrl() + "calendar/v3/calendars/" + URLEncoder.encode(GoogleFixture.CALENDAR, StandardCharsets.UTF_8) + "/events";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + google.fake.issueToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> inserted = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inserted.statusCode(), inserted.body());
            return JsonParser.parseString(inserted.body()).getAsJsonObject().get("id").getAsString();
        }
    }

    @Test
    void anEventPeregrineMadeKeepsItsOwnPlaceAndRemindersUntilTheWorkbenchSendsSome() throws Exception {
        String id = peregrineEvent();
        google.provider.update(RemoteEvent.of(id), event(identity(), null));
        assertEquals("Acme HQ", events().get(id).get("location").getAsString(), "the patch leaves a place it has none for");
        assertEquals("{\"useDefault\":false,\"overrides\":[{\"method\":\"email\",\"minutes\":20}]}",
                events().get(id).getAsJsonObject("reminders").toString(), "and the reminders the user gave it");

        google.provider.update(RemoteEvent.of(id), event(identity(), "Room 2", Duration.ofHours(1)));
        assertEquals("Room 2", events().get(id).get("location").getAsString());
        assertEquals(List.of(60), overrides(id));
    }
}
