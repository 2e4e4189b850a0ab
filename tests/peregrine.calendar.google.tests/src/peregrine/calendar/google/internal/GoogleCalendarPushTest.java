package peregrine.calendar.google.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Stage;

/** The Google provider end to end: the DS push service, the SQLite job store, the DS provider, the fake Calendar API. */
class GoogleCalendarPushTest extends GoogleProviderTest {


    private Map<String, JsonObject> events() {
        return google.fake.events(GoogleFixture.CALENDAR);
    }

    private static Instant instant(JsonObject time) {
        return ZonedDateTime.parse(time.get("dateTime").getAsString()).toInstant();
    }

    @Test
    void theFirstPushCreatesOneEventNamedByTheJobsIdentityAndTheSecondUpdatesIt() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = EventIdentity.of(google.store.job(job)).key();

        int tokens = google.fake.tokenRequests.get();
        int api = google.fake.apiRequests.get();
        PushResult.Pushed first = google.pushed(job);
        int firstTokens = google.fake.tokenRequests.get() - tokens;
        int firstApi = google.fake.apiRequests.get() - api;

        assertTrue(first.created());
        assertEquals("google_calendar", first.providerId());
        assertEquals("Google Calendar", first.providerLabel());
        assertEquals(key, first.eventId(), "the event id is the job's derived identity");
        assertEquals(Optional.of(new CalendarLink("google_calendar", key)), google.linkOf(job));
        assertEquals(1, events().size());
        JsonObject event = events().get(key);
        assertEquals("Phone Screen: Platform Engineer @ Acme", event.get("summary").getAsString());
        assertEquals(google.store.job(job).url(), event.get("description").getAsString());
        assertEquals("confirmed", event.get("status").getAsString());
        assertEquals(Instant.parse("2026-12-03T12:00:00Z"), instant(event.getAsJsonObject("start")));
        assertEquals(Instant.parse("2026-12-03T13:00:00Z"), instant(event.getAsJsonObject("end")));
        assertEquals("UTC", event.getAsJsonObject("start").get("timeZone").getAsString());
        assertEquals(Optional.of(URI.create(FakeGoogleCalendar.htmlLink(GoogleFixture.CALENDAR, key))), first.link(),
                "the link is the event's htmlLink from Google's answer");

        google.store.setInterview(job, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 4))));
        tokens = google.fake.tokenRequests.get();
        api = google.fake.apiRequests.get();
        PushResult.Pushed second = google.pushed(job);
        int secondTokens = google.fake.tokenRequests.get() - tokens;
        int secondApi = google.fake.apiRequests.get() - api;

        assertFalse(second.created());
        assertEquals(key, second.eventId());
        assertEquals(1, events().size());
        assertEquals(Instant.parse("2026-12-04T12:00:00Z"), instant(events().get(key).getAsJsonObject("start")));
        assertEquals(first.link(), second.link());
        System.out.println("google push requests: first push " + (firstTokens + firstApi) + " (token " + firstTokens + ", API " + firstApi
                + "), repeated push " + (secondTokens + secondApi) + " (token " + secondTokens + ", API " + secondApi + ")");
        assertEquals(List.of(1, 1), List.of(firstTokens, firstApi), "a first push is one token request and one insert");
        assertEquals(List.of(0, 1), List.of(secondTokens, secondApi), "a repeated push is one update with the cached token");
        assertTrue(google.fake.tokenProblems.isEmpty(), google.fake.tokenProblems.toString());
    }

    @Test
    void aLostDatabaseLinkLeadsTheNextPushToTheSameEventNotASecondOne() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        // as if the workbench died after Google stored the event and before the database recorded it
        google.store.removeCalendarLink(job, GoogleCalendarProvider.ID);
        google.store.move(job, Stage.INTERVIEWING);

        int api = google.fake.apiRequests.get();
        PushResult.Pushed again = google.pushed(job);
        System.out.println("google push requests: push after a lost database link " + (google.fake.apiRequests.get() - api)
                + " API (insert 409 duplicate, then update)");

        assertEquals(key, again.eventId());
        assertFalse(again.created(), "the create found the event and updated it: it reports an update");
        assertEquals(1, events().size());
        assertEquals("Interview: Platform Engineer @ Acme", events().get(key).get("summary").getAsString());
        assertEquals(Optional.of(new CalendarLink("google_calendar", key)), google.linkOf(job));
        assertTrue(google.fake.log.stream().anyMatch(l -> l.startsWith("POST ") && l.endsWith("-> 409")), google.fake.log.toString());
    }

    @Test
    void anEventDeletedInGoogleCalendarIsRestoredByTheNextPush() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        google.provider.delete(RemoteEvent.of(key));
        assertEquals("cancelled", events().get(key).get("status").getAsString(), "Google keeps a deleted event as cancelled");

        PushResult.Pushed again = google.pushed(job);
        assertEquals(key, again.eventId());
        assertEquals(1, events().size());
        assertEquals("confirmed", events().get(key).get("status").getAsString());
    }

    @Test
    void aDeletedEventWhoseDatabaseLinkWasAlsoLostIsRestoredNotDuplicated() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        google.provider.delete(RemoteEvent.of(key));
        google.store.removeCalendarLink(job, GoogleCalendarProvider.ID);

        PushResult.Pushed again = google.pushed(job);
        assertEquals(key, again.eventId());
        assertEquals(1, events().size());
        assertEquals("confirmed", events().get(key).get("status").getAsString());
    }

    @Test
    void oneAccessTokenServesSeveralPushes() throws Exception {
        for (int day = 1; day <= 3; day++) {
            long job = google.interviewOn(LocalDate.of(2026, 12, day));
            google.pushed(job);
            google.pushed(job);
        }
        assertEquals(3, events().size());
        assertEquals(1, google.fake.tokenRequests.get(), "the token is fetched once and reused until it expires");
        assertTrue(google.fake.tokenProblems.isEmpty(), google.fake.tokenProblems.toString());
    }

    @Test
    void aTimeOfDayIsSentInItsZoneWithTheEventsDuration() throws Exception {
        long job = google.interviewOn(LocalDate.of(2027, 3, 10));
        ZoneId newYork = ZoneId.of("America/New_York");
        google.store.setInterview(job, Optional.of(new InterviewSlot(LocalDate.of(2027, 3, 10), Optional.of(LocalTime.of(9, 30)),
                Optional.of(newYork), Optional.of(Duration.ofMinutes(45)))));
        String key = google.pushed(job).eventId();
        JsonObject start = events().get(key).getAsJsonObject("start");
        JsonObject end = events().get(key).getAsJsonObject("end");
        assertEquals("2027-03-10T09:30:00.000-05:00", start.get("dateTime").getAsString());
        assertEquals("America/New_York", start.get("timeZone").getAsString());
        assertEquals(ZonedDateTime.of(2027, 3, 10, 10, 15, 0, 0, newYork).toInstant(), instant(end));
        assertEquals("America/New_York", end.get("timeZone").getAsString());
    }

    @Test
    void titleAndDescriptionAreWrittenExactlyAsGiven() throws Exception {
        String title = "Interview: Ingénieur, \"Platform\"; R&D @ Ünïcode 😀 GmbH";
        String description = "https://jobs.example/1?a=b&c=d\nLine two: commas, semicolons; backslash \\ and emoji 🚀";
        CalendarEvent event = new CalendarEvent(new EventIdentity("0123456789abcdefghijklmnopqrstuv"), title, description,
                ZonedDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneId.of("UTC")), Duration.ofMinutes(30));
        String id = google.provider.create(event).id();
        assertEquals(title, events().get(id).get("summary").getAsString());
        assertEquals(description, events().get(id).get("description").getAsString());
        assertEquals("UTC", events().get(id).getAsJsonObject("start").get("timeZone").getAsString());
    }

    @Test
    void deletingAnEventThatIsAlreadyGoneIsNotAnError() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        google.provider.delete(RemoteEvent.of(key));
        google.provider.delete(RemoteEvent.of(key)); // 410 deleted
        google.provider.delete(RemoteEvent.of("unknown0123456789")); // 404 notFound
        assertEquals("cancelled", events().get(key).get("status").getAsString());
        assertEquals(Optional.empty(), google.provider.eventLink(key), "a deleted event has no page to open");
    }

    @Test
    void updatingAnEventThatDoesNotExistIsNotFoundSoThePushServiceCreatesIt() throws Exception {
        CalendarEvent event = new CalendarEvent(new EventIdentity("vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"), "Interview: X @ Y", "",
                ZonedDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneId.of("UTC")), Duration.ofMinutes(60));
        CalendarException e = assertThrows(CalendarException.class, () -> google.provider.update(RemoteEvent.of("neverexisted0123"), event));
        assertEquals(CalendarException.Kind.NOT_FOUND, e.kind(), e.getMessage());
        assertTrue(events().isEmpty());
    }

    @Test
    void aChangedSettingsFileIsReadAgainAndTheNextPushUsesTheNewCalendar() throws Exception {
        long job = google.interviewOn(LocalDate.of(2026, 12, 3));
        String key = google.pushed(job).eventId();
        google.useCalendar(GoogleFixture.OTHER_CALENDAR);

        PushResult.Pushed moved = google.pushed(job);
        assertTrue(moved.created(), "the event is not in the new calendar: the push service creates it there");
        assertEquals(key, moved.eventId());
        assertTrue(google.fake.events(GoogleFixture.OTHER_CALENDAR).containsKey(key));
        assertTrue(google.provider.status().message().contains(GoogleFixture.OTHER_CALENDAR), google.provider.status().message());
    }

    @Test
    void testConnectionReachesTheCalendarWithTheKey() throws Exception {
        google.provider.testConnection();
        assertEquals(1, google.fake.tokenRequests.get());
        google.useCalendar("nosuch@group.calendar.google.com");
        CalendarException e = assertThrows(CalendarException.class, google.provider::testConnection);
        assertEquals(CalendarException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("'nosuch@group.calendar.google.com'"), e.getMessage());
    }
}
