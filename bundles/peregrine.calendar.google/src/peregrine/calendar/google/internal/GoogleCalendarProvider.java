package peregrine.calendar.google.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.services.calendar.model.Event;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;
import peregrine.settings.IntegrationConfig;
import peregrine.settings.SettingsException;
import peregrine.settings.SettingsFiles;
import peregrine.settings.WorkbenchSettings;

/**
 * Google Calendar through the Calendar API v3, signed in as a service account with the JSON key that
 * {@code integrations/google_calendar.yaml} names ({@code calendar_id}, {@code credentials_json}, and for
 * proxies and tests {@code api_root_url}).
 * <p>
 * The event's id at Google is the job's {@link peregrine.calendar.EventIdentity#key() identity key}, which is
 * valid as a client-supplied event id: a create that finds the id taken (409) updates that event instead, and
 * an event deleted through the API, which Google keeps as {@code cancelled} with its id still taken, comes back
 * as {@code confirmed}. The place goes into {@code location}; reminders into {@code reminders.overrides} as
 * pop-ups (see {@link EventBodies#reminders}), which Google keeps for the calendar the event is in. Rate limits and server errors are retried a few times with exponential backoff; every
 * other failure is reported at once.
 * <p>
 * An event Peregrine pushed has the id Google chose for it. The workbench never wrote such an event whole, so each
 * update patches it: one request that changes what the workbench pushes and keeps what else the event holds (its
 * guests; its place and reminders when the workbench has none), and brings back a cancelled one; a patch of an id Google does not have is a 404. An id that cannot be Google's (a CalDAV UID such as
 * {@code peregrine-job-5@circuitforge.tech}) is not found at once, with no request.
 * <p>
 * The settings file and the key file are read through {@link SettingsFiles} (checked, and parsed again only when
 * they change), so {@link #status()} never blocks on a file that is not one.
 * <p>
 * Events carry no {@link RemoteEvent#version() version}: an update of an event the workbench made replaces it
 * unconditionally, which is already one request, so Google's event etag would buy nothing but a precondition to
 * reconcile.
 */
@Component(service = CalendarProvider.class)
public final class GoogleCalendarProvider implements CalendarProvider {

    static final String ID = "google_calendar";
    static final String LABEL = "Google Calendar";

    private static final System.Logger LOG = System.getLogger(GoogleCalendarProvider.class.getName());

    /**
     * How failed requests are retried.
     *
     * @param attempts  how many times a request is sent at most
     * @param baseDelay the wait before the second attempt; it doubles for each further one
     * @param budget    no retry starts after this much time has passed since the first attempt
     */
    record Retries(int attempts, Duration baseDelay, Duration budget) {
        static final Retries DEFAULT = new Retries(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

        Duration delay(int failedAttempt) {
            return baseDelay.multipliedBy(1L << Math.min(failedAttempt - 1, 16));
        }
    }

    /** Ids Google uses: base32hex (its own and client-supplied ones), {@code [a-z0-9]}, and {@code _} before a recurring event's instance time. */
    private static final Pattern GOOGLE_ID = Pattern.compile("[A-Za-z0-9_]{5,1024}");

    /** A request that failed for good, after {@code attempts} tries. */
    private static final class RequestFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient IOException failure;
        final int attempts;

        RequestFailure(IOException failure, int attempts) {
            super(failure);
            this.failure = failure;
            this.attempts = attempts;
        }

        int status() {
            return Failures.apiStatus(failure);
        }

        boolean gone() {
            return status() != 0 && CalendarException.kindOf(status()) == Kind.NOT_FOUND;
        }
    }

    @FunctionalInterface
    private interface Request<T> {
        T send() throws IOException;
    }

    private final WorkbenchSettings settings;
    private final Path home;
    /** Made at first use, not when DS activates the provider: until then none of the Google client's classes load. */
    private static final class Transport {
        static final HttpTransport INSTANCE = new NetHttpTransport();
    }
    /** Each event's page in Google Calendar, from the API's answers. */
    private final Map<String, URI> links = new ConcurrentHashMap<>();
    private volatile Retries retries = Retries.DEFAULT;

    /** Service-account key files, each parsed again only when it changes. */
    private final SettingsFiles<ServiceAccountKey> keys = new SettingsFiles<>((file, text) -> ServiceAccountKey.parse(file, text, Transport.INSTANCE));

    // guarded by this
    private GoogleSession session;

    @Activate
    public GoogleCalendarProvider(@Reference WorkbenchSettings settings) {
        this(settings, settings.homeDirectory());
    }

    GoogleCalendarProvider(WorkbenchSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    /** For tests: how failed requests are retried. */
    void retries(Retries retries) {
        this.retries = retries;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public ProviderStatus status() {
        GoogleSettings google;
        switch (config()) {
            case GoogleSettings.Result.NotSetUp none -> {
                return ProviderStatus.notConnected(none.message());
            }
            case GoogleSettings.Result.Invalid invalid -> {
                return ProviderStatus.broken(invalid.message());
            }
            case GoogleSettings.Result.Valid valid -> google = valid.settings();
        }
        ServiceAccountKey key;
        try {
            key = key(google);
        } catch (CalendarException unusable) {
            return ProviderStatus.broken(unusable.getMessage());
        }
        if (google.primary()) {
            return ProviderStatus.connected(primaryWarning(google, key.clientEmail()));
        }
        return ProviderStatus.connected("Google Calendar '" + google.calendarId() + "' as " + key.clientEmail());
    }

    static String primaryWarning(GoogleSettings google, String account) {
        return "Google Calendar 'primary' as " + account
                + ": events go to the service account's own calendar, which you will not see. Share your calendar with " + account
                + " (\"Make changes to events\") and put its calendar id as calendar_id in " + google.file() + ".";
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        GoogleSession session = session();
        String calendarId = session.settings().calendarId();
        String id = event.identity().key();
        Event body = EventBodies.of(event).setId(id);
        try {
            return remember(send(() -> session.client().events().insert(calendarId, body).setSendUpdates("none").execute()), id);
        } catch (RequestFailure failure) {
            if (failure.status() != 409) {
                throw Failures.describe(failure.failure, session, failure.attempts);
            }
        }
        // The id is taken: by this job's event from an earlier push whose id was not recorded, or deleted since
        // (Google keeps it as cancelled). Either way it is ours: update it, which also restores a cancelled one.
        try {
            return replace(session, id, EventBodies.of(event)).asExisting();
        } catch (RequestFailure failure) {
            if (failure.gone()) {
                throw new CalendarException(Kind.CONFLICT, "Google Calendar '" + calendarId + "' says an event with this interview's id " + id
                        + " exists, but it cannot be updated. Nothing was created.");
            }
            throw Failures.describe(failure.failure, session, failure.attempts);
        }
    }

    @Override
    public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
        String eventId = known.id();
        if (!GOOGLE_ID.matcher(eventId).matches()) {
            throw new CalendarException(Kind.NOT_FOUND, "Google Calendar has no event of this id: it is not of a form Google uses.");
        }
        GoogleSession session = session();
        try {
            if (derived(eventId)) {
                return replace(session, eventId, EventBodies.of(event));
            }
            // Made by Peregrine, with an id Google chose: a patch changes what the workbench pushes and keeps what else
            // the event holds (its guests, and the place and reminders the user gave it when the workbench has none),
            // in one request.
            String calendarId = session.settings().calendarId();
            Event body = EventBodies.of(event);
            if (event.reminders().isEmpty()) {
                body.setReminders(null);
            }
            return remember(send(() -> session.client().events().patch(calendarId, eventId, body).setSendUpdates("none").execute()),
                    eventId);
        } catch (RequestFailure failure) {
            if (failure.gone()) {
                if (failure.status() == 404 && calendarMissing(session)) {
                    throw Failures.describe(failure.failure, session, failure.attempts);
                }
                links.remove(eventId);
                throw new CalendarException(Kind.NOT_FOUND, "The event " + eventId + " is no longer in Google Calendar '"
                        + session.settings().calendarId() + "'.");
            }
            throw Failures.describe(failure.failure, session, failure.attempts);
        }
    }

    @Override
    public void delete(RemoteEvent event) throws CalendarException {
        String eventId = event.id();
        if (!GOOGLE_ID.matcher(eventId).matches()) {
            return; // never a Google event: nothing to delete
        }
        GoogleSession session = session();
        String calendarId = session.settings().calendarId();
        links.remove(eventId);
        try {
            send(() -> {
                session.client().events().delete(calendarId, eventId).setSendUpdates("none").execute();
                return eventId;
            });
        } catch (RequestFailure failure) {
            if (!failure.gone() || failure.status() == 404 && calendarMissing(session)) {
                throw Failures.describe(failure.failure, session, failure.attempts);
            }
            // already deleted
        }
    }

    @Override
    public Optional<URI> eventLink(String eventId) {
        return Optional.ofNullable(links.get(eventId));
    }

    @Override
    public void testConnection() throws CalendarException {
        GoogleSession session = session();
        try {
            send(() -> session.client().events().list(session.settings().calendarId()).setMaxResults(1).execute());
        } catch (RequestFailure failure) {
            throw Failures.describe(failure.failure, session, failure.attempts);
        }
    }

    /** Replaces the event {@code eventId} with {@code body}. */
    private RemoteEvent replace(GoogleSession session, String eventId, Event body) throws RequestFailure, CalendarException {
        body.setId(eventId);
        return remember(send(() -> session.client().events().update(session.settings().calendarId(), eventId, body)
                .setSendUpdates("none").execute()), eventId);
    }

    /** @return whether the id is one the workbench chose: a job's identity key, which it wrote whole */
    private static boolean derived(String eventId) {
        try {
            new EventIdentity(eventId);
            return true;
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    /** @return whether the calendar itself is missing (or invisible to the service account), which a 404 on an event may also mean */
    private boolean calendarMissing(GoogleSession session) {
        try {
            session.client().events().list(session.settings().calendarId()).setMaxResults(1).execute();
            return false;
        } catch (IOException e) {
            return Failures.apiStatus(e) == 404;
        }
    }

    private RemoteEvent remember(Event answer, String requestedId) {
        String id = answer.getId() == null ? requestedId : answer.getId();
        if (answer.getHtmlLink() != null) {
            try {
                links.put(id, URI.create(answer.getHtmlLink()));
            } catch (IllegalArgumentException notAUri) {
                links.remove(id);
            }
        }
        return RemoteEvent.of(id);
    }

    /** Sends the request, again after a growing wait while it fails in a way that may pass (rate limits, server errors). */
    private <T> T send(Request<T> request) throws RequestFailure, CalendarException {
        Retries policy = retries;
        long deadline = System.nanoTime() + policy.budget().toNanos();
        for (int attempt = 1;; attempt++) {
            try {
                return request.send();
            } catch (IOException e) {
                if (!Failures.retryable(e) || attempt >= policy.attempts()) {
                    throw new RequestFailure(e, attempt);
                }
                Duration delay = policy.delay(attempt);
                Optional<Duration> asked = Failures.retryAfter(e);
                if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
                    delay = asked.get();
                }
                if (System.nanoTime() + delay.toNanos() - deadline > 0) {
                    throw new RequestFailure(e, attempt);
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CalendarException(Kind.UNAVAILABLE, "Stopped while waiting to try Google Calendar again; nothing more was changed.");
                }
            }
        }
    }

    /** @return the settings as the file holds them now; cheap, as the file is read again only when it changed */
    private GoogleSettings.Result config() {
        try {
            Optional<IntegrationConfig> integration = settings.integration(ID);
            if (integration.isEmpty()) {
                return new GoogleSettings.Result.NotSetUp("Google Calendar is not set up: create " + settings.integrationFile(ID)
                        + " with the lines 'calendar_id: <your calendar's id>' and 'credentials_json: <path of a service account's JSON key file>'.");
            }
            return GoogleSettings.from(integration.get(), settings.configDirectory(), home);
        } catch (SettingsException e) {
            return new GoogleSettings.Result.Invalid(e.getMessage());
        }
    }

    /**
     * @return the service-account key the settings name, the same object while the key file is unchanged
     * @throws CalendarException of kind {@code CONFIGURATION} naming the key file and the setting that names it
     */
    private ServiceAccountKey key(GoogleSettings google) throws CalendarException {
        String named = "The service-account key file that credentials_json in " + google.file() + " names";
        Optional<ServiceAccountKey> key;
        try {
            key = keys.read(google.keyFile());
        } catch (SettingsException unusable) {
            throw new CalendarException(Kind.CONFIGURATION, named + " cannot be used: " + unusable.getMessage());
        }
        return key.orElseThrow(() -> new CalendarException(Kind.CONFIGURATION, named + ", " + google.keyFile()
                + ", does not exist. Download a JSON key for your service account in Google Cloud console"
                + " (IAM & Admin > Service accounts > Keys > Add key) and save it there."));
    }

    /** @return the client for the current settings and key; the same one, with its access token, while neither file changes */
    private synchronized GoogleSession session() throws CalendarException {
        GoogleSettings google = switch (config()) {
            case GoogleSettings.Result.NotSetUp none -> throw new CalendarException(Kind.CONFIGURATION, none.message());
            case GoogleSettings.Result.Invalid invalid -> throw new CalendarException(Kind.CONFIGURATION, invalid.message());
            case GoogleSettings.Result.Valid valid -> valid.settings();
        };
        ServiceAccountKey key = key(google);
        // The same key object, not an equal one: a rewritten key file is a new sign-in.
        if (session != null && session.settings().equals(google) && session.key() == key) {
            return session;
        }
        session = GoogleSession.open(google, key, Transport.INSTANCE);
        if (google.primary()) {
            LOG.log(System.Logger.Level.WARNING, primaryWarning(google, key.clientEmail()));
        }
        return session;
    }
}
