package peregrine.calendar.google.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.RemoteEvent;
import peregrine.calendar.tck.CalendarProviderContract;
import peregrine.calendar.tck.ContractSubject;
import peregrine.calendar.tck.StoredEvent;
import peregrine.settings.IntegrationConfig;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/** The Google provider passes the conformance kit against the local fake of the Calendar API. */
class GoogleContractTest extends CalendarProviderContract {

    @TempDir
    Path dir;

    @Override
    protected ContractSubject subject() throws Exception {
        return new GoogleSubject(new GoogleFixture(dir), dir);
    }

    private static final class GoogleSubject implements ContractSubject {

        private final GoogleFixture google;
        private final Path dir;
        private SilentServer silent;

        GoogleSubject(GoogleFixture google, Path dir) {
            this.google = google;
            this.dir = dir;
        }

        @Override
        public CalendarProvider provider() {
            return google.provider;
        }

        private Map<String, JsonObject> calendar() {
            return google.fake.events(GoogleFixture.CALENDAR);
        }

        @Override
        public List<StoredEvent> events() {
            return calendar().values().stream().filter(e -> !"cancelled".equals(e.get("status").getAsString()))
                    .map(e -> new StoredEvent(e.get("summary").getAsString(), e.has("description") ? e.get("description").getAsString() : "",
                            instant(e, "start"), instant(e, "end"), e.has("location") ? e.get("location").getAsString() : "", reminders(e)))
                    .toList();
        }

        /** @return the event's own reminders: its overrides; none when it takes the calendar's defaults */
        static List<Duration> reminders(JsonObject event) {
            JsonObject reminders = event.has("reminders") ? event.getAsJsonObject("reminders") : new JsonObject();
            if (!reminders.has("overrides") || reminders.has("useDefault") && reminders.get("useDefault").getAsBoolean()) {
                return List.of();
            }
            List<Duration> overrides = new ArrayList<>();
            reminders.getAsJsonArray("overrides").forEach(o -> overrides.add(Duration.ofMinutes(o.getAsJsonObject().get("minutes").getAsLong())));
            return overrides;
        }

        private static Instant instant(JsonObject event, String which) {
            return ZonedDateTime.parse(event.getAsJsonObject(which).get("dateTime").getAsString()).toInstant();
        }

        /** As Google keeps it once a deleted event is purged: gone, not cancelled. */
        @Override
        public void deleteBehindTheProvider(RemoteEvent event) {
            calendar().remove(event.id());
        }

        @Override
        public void changeBehindTheProvider(RemoteEvent event) {
            JsonObject stored = calendar().get(event.id());
            stored.addProperty("summary", "Changed in Google Calendar");
            stored.addProperty("etag", "\"changed-" + System.nanoTime() + "\"");
        }

        @Override
        public long requestsReceived() {
            return google.fake.apiRequests.get() + google.fake.tokenRequests.get();
        }

        @Override
        public List<String> secrets() {
            String key = google.serviceAccountKey().get("private_key").getAsString();
            return List.of(key.lines().skip(1).findFirst().orElseThrow(), "0123456789abcdef0123456789abcdef01234567", "ya29.");
        }

        /** The same account and calendar, its API at a server that never answers; its tokens still come from the fake. */
        @Override
        public CalendarProvider unanswering() throws Exception {
            silent = new SilentServer();
            IntegrationConfig config = new IntegrationConfig(GoogleCalendarProvider.ID, dir.resolve("silent/google_calendar.yaml"),
                    Map.of(GoogleSettings.CALENDAR_ID, GoogleFixture.CALENDAR, GoogleSettings.CREDENTIALS, google.keyFile.toString(),
                            GoogleSettings.ROOT_URL, "http://127.0.0.1:" + silent.port() + "/"));
            GoogleCalendarProvider provider = new GoogleCalendarProvider(new FixedSettings(dir, config), dir);
            provider.retries(new GoogleCalendarProvider.Retries(1, Duration.ofMillis(5), Duration.ofSeconds(1)));
            return provider;
        }

        @Override
        public Duration timeLimit() {
            return GoogleSession.CONNECT_TIMEOUT.plus(GoogleSession.READ_TIMEOUT);
        }

        @Override
        public void close() throws Exception {
            google.close();
            if (silent != null) {
                silent.close();
            }
        }
    }

    /** Settings of one integration, whatever the files say. */
    private record FixedSettings(Path dir, IntegrationConfig config) implements WorkbenchSettings {
        @Override
        public Path configDirectory() {
            return dir;
        }

        @Override
        public Path databaseFile() {
            return dir.resolve("staging.db");
        }

        @Override
        public Tier tier() {
            return Tier.PAID;
        }

        @Override
        public Optional<IntegrationConfig> integration(String name) {
            return name.equals(config.name()) ? Optional.of(config) : Optional.empty();
        }

        @Override
        public Path integrationFile(String name) {
            return config.file();
        }
    }
}
