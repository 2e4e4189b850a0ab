package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.PushResult;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;

import peregrine.tests.support.Radicale;

/**
 * One test class's world: a real Radicale, and the test runtime's DS services (push service, SQLite job store on
 * the runtime's {@code --db} file, settings on its {@code --config} folder, the DS CalDAV provider). Settings are
 * written as the user would write them, into that folder.
 */
final class CaldavWorld implements AutoCloseable {

    final Radicale radicale;
    final CalendarPushService push;
    final JobStore store;
    final WorkbenchSettings settings;
    final CaldavCalendarProvider provider;
    final String calendarName = "Faults " + UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    CaldavWorld(Path serverDir) throws Exception {
        radicale = Radicale.start(serverDir);
        push = service(CalendarPushService.class);
        store = service(JobStore.class);
        settings = service(WorkbenchSettings.class);
        ServiceTracker<CalendarProvider, CalendarProvider> providers = tracker(CalendarProvider.class);
        providers.waitForService(10_000);
        provider = java.util.Arrays.stream(providers.getServices(new CalendarProvider[0])).filter(p -> p.id().equals(CaldavCalendarProvider.ID))
                .map(CaldavCalendarProvider.class::cast).findFirst().orElseThrow(() -> new AssertionError("no apple_calendar provider"));
        userYaml("tier: paid\n");
    }

    private <T> ServiceTracker<T, T> tracker(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(CaldavWorld.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        return tracker;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        T service = tracker(type).waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }

    void userYaml(String yaml) throws Exception {
        Files.createDirectories(settings.configDirectory());
        Files.writeString(settings.configDirectory().resolve("user.yaml"), yaml);
    }

    Path settingsFile() {
        return settings.integrationFile(CaldavCalendarProvider.ID);
    }

    /** Writes {@code apple_calendar.yaml} as Peregrine does, for the server at {@code url}. */
    void useServer(String url, String password) throws Exception {
        writeSettings("caldav_url: " + url + "\nusername: " + Radicale.USER + "\napp_password: \"" + password + "\"\ncalendar_name: "
                + calendarName + "\n");
    }

    void useRadicale() throws Exception {
        useServer(radicale.base + "/", Radicale.PASSWORD);
    }

    void writeSettings(String yaml) throws Exception {
        Path file = settingsFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        // a distinct modification time, so that the provider's cache sees every rewrite
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + System.nanoTime() % 100_000));
    }

    long newJob(String title, String company, String url, ZonedDateTime start) throws Exception {
        long id = store.add(new NewJob(title, company, url, Stage.INTERVIEWING));
        setInterview(id, start);
        return id;
    }

    void setInterview(long id, ZonedDateTime start) throws Exception {
        store.setInterview(id, Optional.of(new InterviewSlot(start.toLocalDate(), Optional.of(start.toLocalTime()),
                Optional.of(start.getZone()), Optional.of(Duration.ofMinutes(60)))));
    }

    String calendarUrl() throws Exception {
        return calendar().orElseThrow(() -> new AssertionError("no calendar " + calendarName));
    }

    Optional<String> calendar() throws Exception {
        return radicale.calendars().stream().filter(c -> c[1].equals(calendarName)).map(c -> radicale.base + c[0]).findFirst();
    }

    /** @return how many events on the server hold this job's UID, whatever their resource name; read from Radicale directly */
    long eventsOf(long jobId) throws Exception {
        String key = EventIdentity.of(store.job(jobId)).key();
        if (calendar().isEmpty()) {
            return 0; // no push ever reached the server
        }
        long n = 0;
        for (String href : radicale.events(calendarUrl())) {
            if (radicale.get(radicale.base + href).contains(key)) {
                n++;
            }
        }
        return n;
    }

    String eventUrl(long jobId) throws Exception {
        return calendarUrl() + ICalendarEvents.resourceName(EventIdentity.of(store.job(jobId)).key());
    }

    /** @return the UID of this job's own event (the workbench's, not Peregrine's) */
    String uid(long jobId) throws Exception {
        return ICalendarEvents.uid(EventIdentity.of(store.job(jobId)).key());
    }

    /**
     * @return the link a push of this job's own event records: this provider, the event's UID, its ETag on the server
     *         now, and its URL as the address when the store keeps addresses
     */
    CalendarLink linkTo(long jobId) throws Exception {
        String url = eventUrl(jobId);
        boolean keepsAddress = store.job(jobId).calendarLink().flatMap(CalendarLink::address).isPresent();
        Optional<CalendarLink> stored = store.job(jobId).calendarLink();
        // What was pushed and when are the push service's business, proven in its own tests.
        return new CalendarLink(CaldavCalendarProvider.ID, uid(jobId), keepsAddress ? Optional.of(url) : Optional.empty(),
                Optional.of(radicale.etag(url)), stored.flatMap(CalendarLink::fingerprint), stored.flatMap(CalendarLink::pushedAt));
    }

    PushResult.Pushed pushed(long jobId) {
        PushResult result = push.push(jobId).first();
        return assertInstanceOf(PushResult.Pushed.class, result, () -> result.toString());
    }

    PushResult.Failed failed(long jobId) {
        PushResult result = push.push(jobId).first();
        return assertInstanceOf(PushResult.Failed.class, result, () -> result.toString());
    }

    Job job(long id) throws Exception {
        return store.job(id);
    }

    @Override
    public void close() throws Exception {
        trackers.forEach(ServiceTracker::close);
        Files.deleteIfExists(settingsFile());
        userYaml("tier: paid\n");
        radicale.close();
    }
}
