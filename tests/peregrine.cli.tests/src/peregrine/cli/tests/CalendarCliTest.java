package peregrine.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import peregrine.cli.tests.Product.Result;
import peregrine.tests.support.Radicale;

/** {@code peregrine-cli calendar …}, run from the materialized product against a real Radicale. */
class CalendarCliTest {

    private static final String USER = Radicale.USER;
    private static final String PASSWORD = Radicale.PASSWORD;

    @TempDir
    static Path server;
    @TempDir
    static Path cache;
    static Radicale radicale;

    @TempDir
    Path home;
    Path config;
    Path db;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = Radicale.start(server);
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        radicale.close();
    }

    @BeforeEach
    void files() {
        config = home.resolve("config");
        db = home.resolve("staging.db");
    }

    private Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--config", config.toString()));
        all.addAll(Arrays.asList(args));
        return Product.run("peregrine-cli", Product.environment(home, cache), all);
    }

    private void connect(String tier, String calendar) throws IOException {
        Files.createDirectories(config.resolve("integrations"));
        Files.writeString(config.resolve("user.yaml"), "tier: " + tier + "\n");
        Files.writeString(config.resolve("integrations/apple_calendar.yaml"), "caldav_url: " + radicale.base + "/\n"
                + "username: " + USER + "\napp_password: " + PASSWORD + "\ncalendar_name: " + calendar + "\n");
    }

    private long phoneScreenOn(String date) {
        Result added = cli("jobs", "add", "--title", "Engineer, Platform", "--company", "Acme; Inc.", "--stage", "phone_screen");
        Product.assertSucceeded(added);
        long id = Long.parseLong(added.out().strip());
        Product.assertSucceeded(cli("interview", "set", Long.toString(id), date, "--time", "09:30", "--zone", "Europe/Berlin"));
        return id;
    }

    private static JsonObject oneJsonLine(Result result) {
        assertEquals(1, result.out().lines().count(), () -> "one JSON line on stdout:\n" + result);
        return JsonParser.parseString(result.out()).getAsJsonObject();
    }

    private long eventsOnServer() throws IOException {
        try (Stream<Path> files = Files.walk(server.resolve("collections"))) {
            // Radicale keeps caches and history of each item beside it, in folders named .Radicale.*
            return files.filter(f -> f.toString().endsWith(".ics") && !f.toString().contains("/.Radicale.")).count();
        }
    }

    @Test
    void providersListsEveryInstalledCalendarAndWhetherItIsConnected() throws Exception {
        Result before = cli("calendar", "providers", "--json");
        Product.assertSucceeded(before);
        JsonArray providers = JsonParser.parseString(before.out()).getAsJsonArray();
        List<String> ids = new ArrayList<>();
        providers.forEach(p -> ids.add(p.getAsJsonObject().get("id").getAsString()));
        assertTrue(ids.containsAll(List.of("apple_calendar", "google_calendar")), before.out());
        providers.forEach(p -> assertFalse(p.getAsJsonObject().get("connected").getAsBoolean(), before.out()));

        connect("paid", "Interviews");
        Result after = cli("calendar", "providers");
        Product.assertSucceeded(after);
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("apple_calendar\tconnected\t")), after.out());
        assertFalse(after.out().contains(PASSWORD), "no secret in the output");
    }

    @Test
    void pushPrintsOneJsonLineAndASecondPushUpdatesTheSameEvent() throws Exception {
        connect("paid", "Interviews CLI");
        long id = phoneScreenOn("2027-02-26");
        long eventsBefore = eventsOnServer();

        Result first = cli("calendar", "push", Long.toString(id));
        assertEquals(0, first.exit(), first::toString);
        JsonObject created = oneJsonLine(first);
        assertTrue(created.get("ok").getAsBoolean());
        assertEquals("apple_calendar", created.get("provider").getAsString());
        assertTrue(created.get("created").getAsBoolean());

        Product.assertSucceeded(cli("interview", "set", Long.toString(id), "2027-02-27", "--time", "14:00"));
        JsonObject updated = oneJsonLine(cli("calendar", "push", Long.toString(id)));
        assertFalse(updated.get("created").getAsBoolean());
        assertEquals(created.get("event_id"), updated.get("event_id"));
        assertEquals(eventsBefore + 1, eventsOnServer(), "exactly one event on the server");

        Result listed = cli("jobs", "list", "--json");
        JsonObject job = JsonParser.parseString(listed.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("apple_calendar", job.get("calendar_provider").getAsString());
        assertEquals(created.get("event_id").getAsString(), job.get("calendar_event_id").getAsString());
    }

    @Test
    void pushAllPushesEveryInterviewAndASecondRunUpdatesTheSameEvents() throws Exception {
        connect("paid", "Interviews push-all");
        Product.assertSucceeded(cli("demo", "--jobs", "100"));
        JsonArray listed = JsonParser.parseString(cli("jobs", "list", "--json").out()).getAsJsonArray();
        List<Long> withInterview = new ArrayList<>();
        listed.forEach(j -> {
            JsonObject job = j.getAsJsonObject();
            String stage = job.get("status").getAsString();
            if ((stage.equals("phone_screen") || stage.equals("interviewing")) && !job.get("interview_date").isJsonNull()) {
                withInterview.add(job.get("id").getAsLong());
            }
        });
        // one more, so that at least 20 are pushed whatever the demo's mix
        while (withInterview.size() < 20) {
            withInterview.add(phoneScreenOn("2027-03-0" + (1 + withInterview.size() % 9)));
        }
        long eventsBefore = eventsOnServer();

        Result first = cli("calendar", "push-all", "--concurrency", "3", "--json");
        assertEquals(0, first.exit(), first::toString);
        JsonObject summary = JsonParser.parseString(first.out()).getAsJsonObject();
        assertEquals(withInterview.size(), summary.get("created").getAsInt(), first::toString);
        assertEquals(0, summary.get("updated").getAsInt());
        assertEquals(0, summary.get("failed").getAsInt());
        List<Long> pushed = new ArrayList<>();
        summary.getAsJsonArray("jobs").forEach(j -> pushed.add(j.getAsJsonObject().get("id").getAsLong()));
        assertEquals(withInterview.stream().sorted().toList(), pushed, "every job with an interview date, by id");
        assertEquals(eventsBefore + withInterview.size(), eventsOnServer(), "one event per job");

        Result second = cli("calendar", "push-all");
        assertEquals(0, second.exit(), second::toString);
        assertTrue(second.out().strip().startsWith(withInterview.size() + " pushed (0 created, " + withInterview.size()
                + " updated), 0 failed"), second::toString);
        assertEquals(eventsBefore + withInterview.size(), eventsOnServer(), "the same events, updated");
    }

    @Test
    void pushAllExitsOneWhenAnyPushFails() throws Exception {
        connect("free", "Interviews");
        long id = phoneScreenOn("2027-03-03");
        Result refused = cli("calendar", "push-all");
        assertEquals(1, refused.exit(), refused::toString);
        assertTrue(refused.out().contains("job " + id + " ") && refused.out().contains("paid plan"), refused::toString);
        assertTrue(refused.out().contains("0 pushed (0 created, 0 updated), 1 failed"), refused::toString);
        assertEquals(1, refused.errLines().size(), refused::toString);
    }

    @Test
    void pushAllWithNothingToPushSaysSoAndSucceeds() throws Exception {
        connect("paid", "Interviews");
        Product.assertSucceeded(cli("jobs", "add", "--title", "Engineer", "--company", "Acme"));
        Result none = cli("calendar", "push-all");
        Product.assertSucceeded(none);
        assertTrue(none.out().contains("nothing to push"), none::toString);
    }

    @Test
    void aRefusedPushPrintsOkFalseAndExitsOneWithTheReason() throws Exception {
        connect("free", "Interviews");
        long id = phoneScreenOn("2027-03-01");
        Result refused = cli("calendar", "push", Long.toString(id));
        assertEquals(1, refused.exit(), refused::toString);
        JsonObject line = oneJsonLine(refused);
        assertFalse(line.get("ok").getAsBoolean());
        assertTrue(line.get("error").getAsString().contains("paid plan"), refused.out());
        assertEquals(1, refused.errLines().size(), refused::toString);
    }

    @Test
    void aMalformedUserYamlIsNamedWithItsLineByPushAndPushAllAndNothingIsPushed() throws Exception {
        connect("paid", "Interviews");
        long id = phoneScreenOn("2027-03-04");
        Path user = config.resolve("user.yaml");
        Files.writeString(user, "tier: paid\ncalendar_timeout_seconds: [30\n");
        long eventsBefore = eventsOnServer();

        Result push = cli("calendar", "push", Long.toString(id));
        assertEquals(1, push.exit(), push::toString);
        String error = oneJsonLine(push).get("error").getAsString();
        assertTrue(error.contains(user + ", line "), push::toString);
        Result all = cli("calendar", "push-all");
        assertEquals(1, all.exit(), all::toString);
        assertTrue(all.out().contains("job " + id + " ") && all.out().contains(user + ", line "), all::toString);

        for (Result result : List.of(push, all)) {
            assertFalse((result.out() + result.err()).contains("free"), () -> "never read as the free plan:\n" + result);
        }
        assertEquals(eventsBefore, eventsOnServer(), "nothing was pushed");
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() throws Exception {
        connect("paid", "Interviews");
        Files.writeString(config.resolve("integrations/apple_calendar.yaml"), "caldav_url: " + radicale.base + "/\n"
                + "username: " + USER + "\napp_password: wrong-" + PASSWORD + "\ncalendar_name: Interviews\n");
        long id = phoneScreenOn("2027-03-02");
        Result refused = cli("calendar", "push", Long.toString(id));
        assertEquals(1, refused.exit(), refused::toString);
        assertFalse(oneJsonLine(refused).get("ok").getAsBoolean());
        assertFalse((refused.out() + refused.err()).contains(PASSWORD), refused::toString);
    }

    private JsonObject job(long id) {
        Result listed = cli("jobs", "list", "--json");
        Product.assertSucceeded(listed);
        for (var j : JsonParser.parseString(listed.out()).getAsJsonArray()) {
            if (j.getAsJsonObject().get("id").getAsLong() == id) {
                return j.getAsJsonObject();
            }
        }
        throw new AssertionError("no job " + id + " in\n" + listed);
    }

    @Test
    void aPushToTwoTargetsWithOneNotConnectedStillPushesTheOtherAndNamesBoth() throws Exception {
        connect("paid", "Interviews targets");
        Files.writeString(config.resolve("user.yaml"), "tier: paid\ncalendar_targets: [google_calendar, apple_calendar]\n");
        long id = phoneScreenOn("2027-04-01");
        long eventsBefore = eventsOnServer();

        Result push = cli("calendar", "push", Long.toString(id));
        assertEquals(1, push.exit(), push::toString);
        JsonObject line = oneJsonLine(push);
        assertFalse(line.get("ok").getAsBoolean(), push.out());
        JsonArray results = line.getAsJsonArray("results");
        assertEquals(2, results.size(), push.out());
        assertEquals("google_calendar", results.get(0).getAsJsonObject().get("provider").getAsString());
        assertFalse(results.get(0).getAsJsonObject().get("ok").getAsBoolean());
        assertEquals("apple_calendar", results.get(1).getAsJsonObject().get("provider").getAsString());
        assertTrue(results.get(1).getAsJsonObject().get("ok").getAsBoolean(), push.out());
        assertEquals(eventsBefore + 1, eventsOnServer(), "the connected calendar got its event");
        assertEquals("apple_calendar", job(id).get("calendar_provider").getAsString());
    }

    @Test
    void removeDeletesTheEventForgetsTheLinkAndASecondRemoveSaysThereIsNone() throws Exception {
        connect("paid", "Interviews remove");
        long id = phoneScreenOn("2027-04-02");
        long eventsBefore = eventsOnServer();
        Product.assertSucceeded(cli("calendar", "push", Long.toString(id)));
        assertEquals(eventsBefore + 1, eventsOnServer());

        Result removed = cli("calendar", "remove", Long.toString(id));
        Product.assertSucceeded(removed);
        JsonObject line = oneJsonLine(removed);
        assertTrue(line.get("ok").getAsBoolean(), removed.out());
        assertEquals("apple_calendar", line.get("provider").getAsString());
        assertEquals(eventsBefore, eventsOnServer(), "the event is gone from the server");
        assertTrue(job(id).get("calendar_event_id").isJsonNull(), "the job no longer records it");

        Result again = cli("calendar", "remove", Long.toString(id));
        assertEquals(1, again.exit(), again::toString);
        assertFalse(oneJsonLine(again).get("ok").getAsBoolean());
    }

    @Test
    void removeOfAnEventAlreadyDeletedOnTheServerForgetsTheLink() throws Exception {
        connect("paid", "Interviews gone");
        long id = phoneScreenOn("2027-04-03");
        Product.assertSucceeded(cli("calendar", "push", Long.toString(id)));
        try (Stream<Path> files = Files.walk(server.resolve("collections"))) {
            for (Path ics : files.filter(f -> f.toString().endsWith(".ics") && !f.toString().contains("/.Radicale.")
                    && f.getParent().toString().contains("interviews-gone")).toList()) {
                Files.delete(ics);
            }
        }
        Result removed = cli("calendar", "remove", Long.toString(id));
        Product.assertSucceeded(removed);
        assertTrue(job(id).get("calendar_event_id").isJsonNull(), removed::toString);
    }

    @Test
    void rejectWithRemoveEventsRejectsTheJobAndRemovesItsEvent() throws Exception {
        connect("paid", "Interviews reject");
        long id = phoneScreenOn("2027-04-04");
        long eventsBefore = eventsOnServer();
        Product.assertSucceeded(cli("calendar", "push", Long.toString(id)));

        Result rejected = cli("jobs", "reject", Long.toString(id), "--remove-events");
        Product.assertSucceeded(rejected);
        assertTrue(rejected.out().contains("is rejected"), rejected::toString);
        assertEquals(eventsBefore, eventsOnServer(), "its event is gone");
        JsonObject job = job(id);
        assertEquals("rejected", job.get("stage").getAsString());
        assertTrue(job.get("calendar_event_id").isJsonNull());
    }

    @Test
    void aLocationIsStoredListedAndExportedWithTheRemindersAsThePushSendsIt() throws Exception {
        connect("paid", "Interviews export");
        Files.writeString(config.resolve("user.yaml"), "tier: paid\ncalendar_reminders: [2d, 30m]\n");
        long id = phoneScreenOn("2027-04-05");
        String place = "https://meet.example.com/abc-defg-hij";
        Product.assertSucceeded(cli("interview", "set", Long.toString(id), "2027-04-05", "--time", "10:00", "--zone",
                "Europe/Berlin", "--location", place));
        assertEquals(place, job(id).get("interview_location").getAsString());

        Path out = home.resolve("interview.ics");
        Result export = cli("calendar", "export", Long.toString(id), "--out", out.toString());
        Product.assertSucceeded(export);
        String ics = Files.readString(out);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Berlin"), ics);
        assertTrue(ics.contains("LOCATION:" + place), ics);
        assertEquals(2, ics.lines().filter(l -> l.equals("BEGIN:VALARM")).count(), ics);
        assertTrue(ics.contains("TRIGGER:-P2D") && ics.contains("TRIGGER:-PT30M"), ics);

        Result toStdout = cli("calendar", "export", Long.toString(id));
        Product.assertSucceeded(toStdout);
        assertTrue(toStdout.out().startsWith("BEGIN:VCALENDAR"), toStdout::toString);
    }

    @Test
    void exportRefusesAFolderAMissingFolderAndAJobWithoutADate() throws Exception {
        connect("paid", "Interviews export bad");
        long id = phoneScreenOn("2027-04-06");
        Result folder = cli("calendar", "export", Long.toString(id), "--out", home.toString());
        assertEquals(1, folder.exit(), folder::toString);
        assertTrue(folder.err().contains(home.toString()), folder::toString);
        Path missing = home.resolve("no/such/folder/x.ics");
        Result noFolder = cli("calendar", "export", Long.toString(id), "--out", missing.toString());
        assertEquals(1, noFolder.exit(), noFolder::toString);
        assertTrue(noFolder.err().contains(missing.getParent().toString()), noFolder::toString);

        Result added = cli("jobs", "add", "--title", "Engineer", "--company", "Acme", "--stage", "phone_screen");
        Result undated = cli("calendar", "export", added.out().strip());
        assertEquals(1, undated.exit(), undated::toString);
        assertTrue(undated.err().contains("no interview date"), undated::toString);
    }
}
