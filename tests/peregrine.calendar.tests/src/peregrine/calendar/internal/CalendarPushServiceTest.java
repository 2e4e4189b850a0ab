package peregrine.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.PushReport;
import peregrine.calendar.PushResult;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;
import peregrine.tests.support.Databases;

/**
 * The push service as Declarative Services wires it, on the test runtime's own database and
 * configuration folder, with in-memory providers registered as OSGi services.
 */
class CalendarPushServiceTest {

    private final BundleContext context = FrameworkUtil.getBundle(CalendarPushServiceTest.class).getBundleContext();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private CalendarPushService push;
    private JobStore store;
    private WorkbenchSettings settings;

    @BeforeEach
    void services() throws Exception {
        push = service(CalendarPushService.class);
        store = service(JobStore.class);
        settings = service(WorkbenchSettings.class);
        setTier("paid");
    }

    @AfterEach
    void unregisterProviders() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    /** @return the one result of a report about one calendar */
    private static PushResult only(PushReport report) {
        assertEquals(1, report.results().size(), report.toString());
        return report.first();
    }

    /** @return the job's first link as a provider returned it, without what the push service adds */
    private Optional<CalendarLink> firstLink(long id) throws Exception {
        return store.job(id).calendarLink().map(CalendarPushServiceTest::asReturned);
    }

    static CalendarLink asReturned(CalendarLink link) {
        return new CalendarLink(link.providerId(), link.eventId(), link.address(), link.version());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }

    private void setTier(String tier) throws Exception {
        Path user = settings.configDirectory().resolve("user.yaml");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "tier: " + tier + "\n");
    }

    private ServiceRegistration<CalendarProvider> register(RecordingProvider provider, int ranking) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<CalendarProvider> registration = context.registerService(CalendarProvider.class, provider, properties);
        registrations.add(registration);
        return registration;
    }

    /** @return a registered provider whose creates take 10 s, with the push limit set to 1 s */
    private RecordingProvider slowProviderWithAOneSecondLimit() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        provider.createDelayMillis = 10_000;
        register(provider, 0);
        Files.writeString(settings.configDirectory().resolve("user.yaml"), "tier: paid\ncalendar_timeout_seconds: 1\n");
        return provider;
    }

    private List<Long> interviewsOnConsecutiveDays(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(interviewOn(LocalDate.of(2026, 12, 1).plusDays(i)));
        }
        return ids;
    }

    private long interviewOn(LocalDate date) throws Exception {
        long id = store.add(new NewJob("Platform Engineer", "Acme", "https://jobs.example/" + System.nanoTime(), Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(date)));
        return id;
    }

    @Test
    void aJobWithoutAnInterviewDateIsRefusedWithoutCallingAProvider() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.INTERVIEWING));
        PushResult result = only(push.push(id));
        assertFalse(result.ok());
        assertTrue(((PushResult.Failed) result).message().contains("interview date"), result.toString());
        assertTrue(provider.calls.isEmpty());
    }

    @Test
    void theFreeTierIsRefusedByTheServiceItselfAndNothingIsCreated() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        setTier("free");
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        PushResult result = only(push.push(id));
        assertTrue(((PushResult.Failed) result).message().contains("paid plan"), result.toString());
        assertTrue(provider.calls.isEmpty());
        assertTrue(store.job(id).calendarLink().isEmpty());
    }

    @Test
    void withoutAConnectedProviderThePushSaysWhatToDo() throws Exception {
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String none = ((PushResult.Failed) only(push.push(id))).message();
        assertTrue(none.startsWith("No calendar integration is installed. Install one with Help > Install Calendar Plug-ins…"), none);
        RecordingProvider offline = new RecordingProvider("offline");
        offline.connected = false;
        register(offline, 0);
        String message = ((PushResult.Failed) only(push.push(id))).message();
        assertTrue(message.contains("Create offline.yaml"), message);
        assertTrue(offline.calls.isEmpty());
    }

    @Test
    void theFirstPushCreatesAndTheSecondUpdatesTheSameEvent() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));

        PushResult.Pushed first = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));
        assertTrue(first.created());
        assertEquals(Optional.of(new CalendarLink("one", first.eventId(), provider.version(first.eventId()))), firstLink(id));

        store.setInterview(id, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 4))));
        PushResult.Pushed second = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));
        assertFalse(second.created());
        assertEquals(first.eventId(), second.eventId());
        assertEquals(List.of("create", "update " + first.eventId()), provider.calls);
        assertEquals(1, provider.events.size());
        assertEquals(LocalDate.of(2026, 12, 4), provider.events.get(first.eventId()).start().toLocalDate());
    }

    @Test
    void theVersionAProviderReturnsIsRecordedWithTheLinkAndGivenBackOnTheNextUpdate() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        assertEquals(Optional.of("v1"), store.job(id).calendarLink().flatMap(CalendarLink::version));

        push.push(id);
        push.push(id);

        assertEquals(List.of(Optional.of("v1"), Optional.of("v2")), provider.versionsGiven);
        assertEquals(Optional.of(new CalendarLink("one", eventId, Optional.of("v3"))), firstLink(id));
    }

    @Test
    void aLinkWithoutAVersionIsUpdatedWithoutOne() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        // as a link written before versions were kept
        store.putCalendarLink(id, new CalendarLink("one", eventId));

        assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));

        assertEquals(List.of(Optional.empty()), provider.versionsGiven);
        assertEquals(provider.version(eventId), store.job(id).calendarLink().flatMap(CalendarLink::version));
    }

    @Test
    void theEventCarriesPeregrinesTitleTheListingAndNoonUtcForAnHourWhenNoTimeIsSet() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        push.push(id);
        CalendarEvent event = provider.events.values().iterator().next();
        assertEquals("Phone Screen: Platform Engineer @ Acme", event.title());
        assertEquals(store.job(id).url(), event.description());
        assertEquals(ZonedDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneOffset.UTC), event.start());
        assertEquals(Duration.ofMinutes(60), event.duration());
        assertEquals(EventIdentity.of(store.job(id)), event.identity());
    }

    @Test
    void aTimeZoneAndDurationAreKeptAndTheStageLabelFollowsTheJob() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2027, 3, 14));
        store.move(id, Stage.INTERVIEWING);
        store.setInterview(id, Optional.of(new InterviewSlot(LocalDate.of(2027, 3, 14), Optional.of(LocalTime.of(2, 30)),
                Optional.of(ZoneId.of("America/New_York")), Optional.of(Duration.ofMinutes(45)))));
        push.push(id);
        CalendarEvent event = provider.events.values().iterator().next();
        assertEquals("Interview: Platform Engineer @ Acme", event.title());
        // 02:30 does not exist that night in New York (clocks jump to 03:00): java.time moves it forward, as calendars do
        assertEquals(ZonedDateTime.of(2027, 3, 14, 3, 30, 0, 0, ZoneId.of("America/New_York")), event.start());
        assertEquals(Duration.ofMinutes(45), event.duration());
    }

    @Test
    void theHighestRankedConnectedProviderTakesNewJobsAndTheHolderKeepsItsOwn() throws Exception {
        RecordingProvider low = new RecordingProvider("low");
        RecordingProvider high = new RecordingProvider("high");
        register(low, 1);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        assertEquals("low", ((PushResult.Pushed) only(push.push(id))).providerId());
        register(high, 10);
        assertEquals(List.of("high", "low"), push.providers().stream().map(CalendarProvider::id).toList());
        assertEquals("low", ((PushResult.Pushed) only(push.push(id))).providerId(), "the holder of the event keeps it");
        assertEquals("high", ((PushResult.Pushed) only(push.push(interviewOn(LocalDate.of(2026, 12, 5))))).providerId());
    }

    @Test
    void whenTheHoldingProviderGoesAwayTheNextPushMovesToAnotherAndRecordsIt() throws Exception {
        RecordingProvider first = new RecordingProvider("first");
        RecordingProvider second = new RecordingProvider("second");
        ServiceRegistration<CalendarProvider> firstRegistration = register(first, 5);
        register(second, 1);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        push.push(id);
        firstRegistration.unregister();
        registrations.remove(firstRegistration);
        assertEquals(List.of("second"), push.providers().stream().map(CalendarProvider::id).toList());

        PushResult.Pushed moved = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));
        assertEquals("second", moved.providerId());
        assertEquals(List.of("create"), second.calls, "the first provider's id is never sent to the second");
        assertEquals(Optional.of(new CalendarLink("second", moved.eventId(), second.version(moved.eventId()))),
                store.job(id).calendarLink("second").map(CalendarPushServiceTest::asReturned));
    }

    @Test
    void anEventDeletedOnTheServerIsCreatedAgainAndTheNewIdRecorded() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        provider.events.clear();

        PushResult.Pushed again = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));
        assertTrue(again.created());
        assertEquals(List.of("create", "update " + eventId, "create"), provider.calls);
        assertEquals(1, provider.events.size());
        assertEquals(Optional.of(new CalendarLink("one", again.eventId(), provider.version(again.eventId()))), firstLink(id));
    }

    @Test
    void aFailedUpdateIsReportedAndNeverTurnedIntoASecondCreate() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        for (CalendarException.Kind kind : List.of(CalendarException.Kind.UNAVAILABLE, CalendarException.Kind.AUTHENTICATION,
                CalendarException.Kind.CONFLICT, CalendarException.Kind.REJECTED)) {
            provider.calls.clear();
            provider.nextFailure = new CalendarException(kind, "Server says no (" + kind + ")");
            PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, only(push.push(id)));
            assertEquals("Calendar one: Server says no (" + kind + ")", failed.message());
            assertEquals(List.of("update " + eventId), provider.calls);
            assertEquals(Optional.of(new CalendarLink("one", eventId, provider.version(eventId))), firstLink(id));
        }
        assertEquals(1, provider.events.size());
    }

    @Test
    void aLostDatabaseLinkLeadsTheNextPushToTheSameEventReportedAsAnUpdate() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        // as if the process died after the remote write and before the database write
        store.removeCalendarLink(id, "one");
        PushResult.Pushed again = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));
        assertEquals(eventId, again.eventId());
        assertFalse(again.created(), "the create found the event there and updated it");
        assertEquals(1, provider.events.size());
    }

    @Test
    void theEventsAddressIsRecordedBesideItsIdAndGivenBackOnTheNextUpdate() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        provider.withAddresses = true;
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        assertEquals(Optional.of(new CalendarLink("one", eventId, Optional.of(RecordingProvider.address(eventId)), provider.version(eventId))),
                firstLink(id));

        push.push(id);
        assertEquals(List.of(new RemoteEvent(eventId, Optional.of(RecordingProvider.address(eventId)), Optional.of("v1"))),
                provider.updatesGiven);
    }

    /** Peregrine records an event's id in calendar_event_id and no provider. */
    private long pushedByPeregrine(String peregrineId) throws Exception {
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        Databases.execute(store.location(), "UPDATE jobs SET calendar_event_id = '" + peregrineId.replace("'", "''") + "' WHERE id = " + id);
        assertTrue(store.job(id).calendarLink().orElseThrow().fromPeregrine());
        return id;
    }

    @Test
    void anEventPeregrinePushedIsAdoptedByTheCalendarThatHoldsItAndRecordedWithThatCalendar() throws Exception {
        RecordingProvider preferred = new RecordingProvider("preferred");
        RecordingProvider holder = new RecordingProvider("holder");
        register(preferred, 10);
        register(holder, 0);
        String peregrineId = "peregrine-job-7@circuitforge.tech";
        long id = pushedByPeregrine(peregrineId);
        holder.events.put(peregrineId, InterviewEvents.of(store.job(id), store.job(id).interview().orElseThrow(), Optional.empty(), ZoneOffset.UTC, List.of()));

        PushResult.Pushed pushed = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));

        assertEquals("holder", pushed.providerId());
        assertEquals(peregrineId, pushed.eventId());
        assertFalse(pushed.created());
        assertEquals(List.of("update " + peregrineId), preferred.calls, "asked, found nothing, made nothing");
        assertEquals(List.of("update " + peregrineId), holder.calls);
        assertTrue(preferred.events.isEmpty());
        assertEquals(Optional.of(new CalendarLink("holder", peregrineId, holder.version(peregrineId))), firstLink(id));

        holder.calls.clear();
        preferred.calls.clear();
        push.push(id);
        assertEquals(List.of("update " + peregrineId), holder.calls, "once adopted, a push is the usual single update");
        assertEquals(List.of(), preferred.calls);
    }

    @Test
    void aPeregrineIdThatNoCalendarHoldsIsNeverReusedAndTheJobsOwnEventIsCreatedAtThePreferredCalendar() throws Exception {
        RecordingProvider preferred = new RecordingProvider("preferred");
        RecordingProvider other = new RecordingProvider("other");
        register(preferred, 10);
        register(other, 0);
        String peregrineId = "peregrine-job-8@circuitforge.tech";
        long id = pushedByPeregrine(peregrineId);

        PushResult.Pushed pushed = assertInstanceOf(PushResult.Pushed.class, only(push.push(id)));

        assertEquals("preferred", pushed.providerId());
        assertTrue(pushed.created());
        assertNotEquals(peregrineId, pushed.eventId());
        assertEquals(List.of("update " + peregrineId, "create"), preferred.calls);
        assertEquals(List.of("update " + peregrineId), other.calls);
        assertEquals(1, preferred.events.size());
        assertTrue(other.events.isEmpty());
        assertEquals(Optional.of(new CalendarLink("preferred", pushed.eventId(), preferred.version(pushed.eventId()))),
                firstLink(id));
    }

    @Test
    void aFailureWhileLookingForAnEventPeregrinePushedEndsThePushWithoutCreatingOne() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = pushedByPeregrine("peregrine-job-9@circuitforge.tech");
        provider.nextFailure = new CalendarException(CalendarException.Kind.UNAVAILABLE, "Server is down");

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, only(push.push(id)));

        assertEquals("Calendar one: Server is down", failed.message());
        assertEquals(List.of("update peregrine-job-9@circuitforge.tech"), provider.calls);
        assertTrue(provider.events.isEmpty());
        assertEquals(Optional.of(new CalendarLink("", "peregrine-job-9@circuitforge.tech")), firstLink(id));
    }

    @Test
    void withNoCalendarConnectedTheMessageIsThatOfTheOneTheUserSetUp() throws Exception {
        RecordingProvider absent = new RecordingProvider("absent");
        absent.connected = false;
        RecordingProvider broken = new RecordingProvider("broken");
        broken.connected = false;
        broken.setUp = true;
        register(absent, 10);
        register(broken, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));

        String message = ((PushResult.Failed) only(push.push(id))).message();

        assertEquals("No calendar is connected. broken.yaml is broken", message);
    }

    @Test
    void anInterviewThatPeregrinesWebInterfaceDatedWithATimeIsPushedAtThatInstant() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        Databases.execute(store.location(), "UPDATE jobs SET interview_date = '2026-12-10T15:00:00.000Z' WHERE id = " + id);

        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();

        CalendarEvent event = provider.events.get(eventId);
        assertEquals(java.time.Instant.parse("2026-12-10T15:00:00Z"), event.start().toInstant());
        assertEquals(Duration.ofHours(1), event.duration());
    }

    @Test
    void aMalformedUserYamlIsNamedAndNeverReadAsTheFreePlan() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        Path user = settings.configDirectory().resolve("user.yaml");
        Files.writeString(user, "tier: paid\nname: [unclosed\n");

        String message = ((PushResult.Failed) only(push.push(id))).message();

        assertTrue(message.contains(user.toString()) && message.contains("line"), message);
        assertFalse(message.contains("free"), message);
        assertTrue(provider.calls.isEmpty());
    }

    @Test
    void twoPushesOfTheSameJobAtOnceMakeOneCreateAndOneUpdate() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        provider.createDelayMillis = 300;
        register(provider, 0);
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        CompletableFuture<PushReport> a = CompletableFuture.supplyAsync(() -> push.push(id));
        CompletableFuture<PushReport> b = CompletableFuture.supplyAsync(() -> push.push(id));
        assertTrue(a.get().ok() && b.get().ok());
        assertEquals("create", provider.calls.get(0));
        assertTrue(provider.calls.get(1).startsWith("update "), provider.calls.toString());
        assertEquals(1, provider.events.size());
    }

    @Test
    void aProviderSlowerThanTheConfiguredLimitIsGivenUpThereAndNothingIsRecorded() throws Exception {
        RecordingProvider provider = slowProviderWithAOneSecondLimit();
        long id = interviewOn(LocalDate.of(2026, 12, 3));

        long t = System.nanoTime();
        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, only(push.push(id)));
        long millis = (System.nanoTime() - t) / 1_000_000;

        assertTrue(millis >= 900 && millis < 3_000, millis + " ms");
        assertEquals("Calendar one: the calendar did not answer within 1 s. Nothing was recorded; try again later. "
                + "Pushing again never makes a second event.", failed.message());
        assertEquals(Optional.empty(), store.job(id).calendarLink());
        provider.createDelayMillis = 0;
        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();
        assertEquals(Optional.of(new CalendarLink("one", eventId, provider.version(eventId))), firstLink(id));
        assertEquals(1, provider.events.size());
    }

    @Test
    void aPushOnAVirtualThreadIsGivenUpThereAtTheLimitAndNeverLeavesItsThreadInterrupted() throws Exception {
        RecordingProvider provider = slowProviderWithAOneSecondLimit();
        long id = interviewOn(LocalDate.of(2026, 12, 3));
        List<Object> seen = new ArrayList<>();

        Thread pusher = Thread.ofVirtual().start(() -> {
            seen.add(only(push.push(id)));
            seen.add(Thread.currentThread().isInterrupted());
            provider.createDelayMillis = 0;
            seen.add(only(push.push(id)));
            try {
                Thread.sleep(1_500); // past the second push's limit: its deadline must not fire
                seen.add(false);
            } catch (InterruptedException e) {
                seen.add(true);
            }
        });
        assertTrue(pusher.join(Duration.ofSeconds(20)), "the pushes ended");

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, seen.get(0));
        assertEquals("Calendar one: the calendar did not answer within 1 s. Nothing was recorded; try again later. "
                + "Pushing again never makes a second event.", failed.message());
        assertEquals(false, seen.get(1), "interrupted after the given-up push");
        String eventId = assertInstanceOf(PushResult.Pushed.class, seen.get(2)).eventId();
        assertEquals(false, seen.get(3), "interrupted after the push that ended in time");
        assertEquals(Optional.of(new CalendarLink("one", eventId, provider.version(eventId))), firstLink(id));
    }

    @Test
    void aProviderThatThrowsAnUncheckedExceptionFailsThePushWithoutItsMessage() throws Exception {
        CalendarProvider broken = new CalendarProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String label() {
                return "Broken";
            }

            @Override
            public peregrine.calendar.ProviderStatus status() {
                return peregrine.calendar.ProviderStatus.connected("yes");
            }

            @Override
            public RemoteEvent create(peregrine.calendar.CalendarEvent event) {
                throw new IllegalStateException("password=hunter2");
            }

            @Override
            public RemoteEvent update(RemoteEvent known, peregrine.calendar.CalendarEvent event) {
                throw new IllegalStateException("password=hunter2");
            }

            @Override
            public void delete(RemoteEvent event) {
            }
        };
        registrations.add(context.registerService(CalendarProvider.class, broken, null));
        long id = interviewOn(LocalDate.of(2026, 12, 3));

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, only(push.push(id)));

        assertEquals("Broken: the calendar plug-in failed unexpectedly (IllegalStateException). Nothing was recorded.", failed.message());
        assertEquals(Optional.empty(), store.job(id).calendarLink());
    }

    @Test
    void controlCharactersThatNoCalendarCanHoldAreLeftOutAndLineEndsBecomeLineFeeds() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        register(provider, 0);
        long id = store.add(new NewJob("Bell\u0007 Esc\u001B[1m\r\nNext\tline\u0000", "Co\rLtd \uD83D\uDE80 \u05E9",
                "https://jobs.example/?q=\u00e9&x=" + System.nanoTime(), Stage.INTERVIEWING));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(LocalDate.of(2028, 2, 29))));

        String eventId = ((PushResult.Pushed) only(push.push(id))).eventId();

        assertEquals("Interview: Bell Esc[1m\nNext\tline @ Co\nLtd \uD83D\uDE80 \u05E9", provider.events.get(eventId).title());
        assertTrue(provider.events.get(eventId).description().startsWith("https://jobs.example/?q=\u00e9&x="));
    }

    @Test
    void pushAllPushesEveryJobOnceAtMostConcurrencyAtATimeAndReportsEachResultAsItEnds() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        provider.createDelayMillis = 100;
        register(provider, 0);
        List<Long> ids = interviewsOnConsecutiveDays(9);
        Map<Long, PushReport> reported = new ConcurrentHashMap<>();

        Map<Long, PushReport> results = push.pushAll(ids, 3, reported::put, () -> false);

        assertEquals(ids, List.copyOf(results.keySet()), "one result per job, in the order given");
        assertEquals(results, reported);
        assertTrue(results.values().stream().allMatch(PushReport::ok), results.toString());
        assertEquals(9, provider.events.size());
        int most = provider.mostCreatesAtOnce.get();
        assertTrue(most >= 2 && most <= 3, "up to three pushes at a time, and more than one: " + most);
        for (long id : ids) {
            assertTrue(store.job(id).calendarLink().isPresent());
        }
    }

    @Test
    void cancellingPushAllStartsNoFurtherPushAndThePushesUnderWayComplete() throws Exception {
        RecordingProvider provider = new RecordingProvider("one");
        provider.createDelayMillis = 200;
        register(provider, 0);
        List<Long> ids = interviewsOnConsecutiveDays(8);
        AtomicBoolean cancelled = new AtomicBoolean();

        Map<Long, PushReport> results = push.pushAll(ids, 2, (id, result) -> cancelled.set(true), cancelled::get);

        assertTrue(results.size() >= 1 && results.size() <= 3, results.size() + " pushes ran");
        assertTrue(results.values().stream().allMatch(PushReport::ok), results.toString());
        assertEquals(results.size(), provider.events.size());
        for (long id : ids) {
            assertEquals(results.containsKey(id), store.job(id).calendarLink().isPresent(), "job " + id);
        }
    }

    @Test
    void anUnknownJobIsReportedPlainly() {
        assertEquals("There is no job with id 987654.", ((PushResult.Failed) only(push.push(987654))).message());
    }

    private void listTargets(String... ids) throws Exception {
        settings.setCalendarTargets(Optional.of(List.of(ids)));
    }

    private static List<String> providersOf(PushReport report) {
        return report.results().stream().map(PushResult::providerId).toList();
    }

    @Nested
    class SeveralCalendars {

        /** @return calendars a (ranked first) and b, connected, and off, not connected, registered */
        private List<RecordingProvider> connectedAAndBAndOffNot() {
            RecordingProvider off = new RecordingProvider("off");
            off.connected = false;
            List<RecordingProvider> providers = List.of(new RecordingProvider("a"), new RecordingProvider("b"), off);
            register(providers.get(0), 10);
            register(providers.get(1), 5);
            register(off, 0);
            return providers;
        }

        @Test
        void twoTargetsWithOneFailingPushTheOtherRecordItAndTheReportNamesBoth() throws Exception {
            RecordingProvider a = new RecordingProvider("a");
            RecordingProvider b = new RecordingProvider("b");
            register(a, 10);
            register(b, 0);
            listTargets("b", "a");
            long id = interviewOn(LocalDate.of(2026, 12, 3));
            a.nextFailure = new CalendarException(CalendarException.Kind.UNAVAILABLE, "Server is down");

            PushReport report = push.push(id);

            assertFalse(report.ok());
            assertEquals(List.of("b", "a"), providersOf(report));
            PushResult.Pushed pushed = assertInstanceOf(PushResult.Pushed.class, report.results().get(0));
            assertEquals(new PushResult.Failed("a", "Calendar a: Server is down"), report.results().get(1));
            assertEquals("Calendar a: Server is down", report.failureMessage());
            CalendarLink link = store.job(id).calendarLink("b").orElseThrow();
            assertEquals(pushed.eventId(), link.eventId());
            assertTrue(link.fingerprint().isPresent() && link.pushedAt().isPresent(), link.toString());
            assertEquals(Optional.empty(), store.job(id).calendarLink("a"));
            assertEquals(1, b.events.size());

            PushReport again = push.push(id);

            assertTrue(again.ok(), again.toString());
            assertEquals(List.of("b", "a"), providersOf(again));
            assertFalse(((PushResult.Pushed) again.results().get(0)).created());
            assertTrue(((PushResult.Pushed) again.results().get(1)).created());
            assertEquals(List.of("b", "a"), store.job(id).calendarLinks().stream().map(CalendarLink::providerId).toList());
        }

        @Test
        void aCalendarTakenOffTheListStillHasTheEventItHoldsUpdatedSoItNeverShowsAnOldTime() throws Exception {
            RecordingProvider a = new RecordingProvider("a");
            RecordingProvider b = new RecordingProvider("b");
            register(a, 10);
            register(b, 0);
            long id = interviewOn(LocalDate.of(2026, 12, 3));
            assertTrue(push.push(id).ok());
            listTargets("b");
            store.setInterview(id, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 4))));
            assertTrue(push.offer(store.job(id)).outOfDate());

            PushReport report = push.push(id);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("a", "b"), providersOf(report), "the job's first calendar first, then the list");
            assertFalse(((PushResult.Pushed) report.results().get(0)).created(), "a's event was updated");
            assertFalse(push.offer(store.job(id)).outOfDate(), "every calendar holding it shows the new date");
        }

        @Test
        void theTargetsAreWrittenInTheListsOrderAndIdsNotInstalledOrNotConnectedFailSayingSo() throws Exception {
            List<RecordingProvider> registered = connectedAAndBAndOffNot();
            RecordingProvider off = registered.get(2);
            listTargets("ghost", "b", "off", "a");
            long id = interviewOn(LocalDate.of(2026, 12, 3));

            PushReport report = push.push(id);

            assertEquals(List.of("ghost", "b", "off", "a"), providersOf(report));
            assertEquals(new PushResult.Failed("ghost", "\"ghost\" is in calendar_targets but no calendar plug-in of that id is installed."),
                    report.results().get(0));
            assertEquals(new PushResult.Failed("off", "Calendar off is in calendar_targets but not connected: Create off.yaml"),
                    report.results().get(2));
            assertTrue(report.results().get(1).ok() && report.results().get(3).ok(), report.toString());
            assertEquals(List.of("b", "a"), push.offer(store.job(id)).targets());
            assertTrue(off.calls.isEmpty());
        }

        @Test
        void theOffersOfManyJobsAreTheOfferOfEachAndAskEachCalendarForItsStatusOnce() throws Exception {
            List<RecordingProvider> registered = connectedAAndBAndOffNot();
            listTargets("ghost", "b", "off");
            List<Long> ids = interviewsOnConsecutiveDays(20);
            assertTrue(push.push(ids.get(3)).results().get(1).ok());
            store.setInterview(ids.get(3), Optional.of(InterviewSlot.onDate(LocalDate.of(2027, 1, 5))));
            List<Job> jobs = new ArrayList<>();
            for (long id : ids) {
                jobs.add(store.job(id));
            }
            registered.forEach(provider -> provider.statusAsked.set(0));

            Map<Long, CalendarOffer> offers = push.offers(jobs);

            assertEquals(List.of(1, 1, 1), registered.stream().map(provider -> provider.statusAsked.get()).toList());
            assertEquals(ids, List.copyOf(offers.keySet()));
            for (Job job : jobs) {
                assertEquals(push.offer(job), offers.get(job.id()), "job " + job.id());
            }
            assertTrue(offers.get(ids.get(3)).outOfDate(), offers.toString());
            assertEquals(List.of("b"), offers.get(ids.get(0)).targets());
        }

        @Test
        void aPluginWhoseStatusThrowsIsACalendarNotConnectedNamingItAndTheOthersArePushedTo() throws Exception {
            RecordingProvider faulty = new RecordingProvider("faulty");
            faulty.statusBug = new IllegalStateException("secret-token-in-a-bug");
            RecordingProvider a = new RecordingProvider("a");
            register(faulty, 10);
            register(a, 0);
            long id = interviewOn(LocalDate.of(2026, 12, 3));

            ProviderStatus status = ProviderStatus.of(faulty);
            CalendarOffer offer = push.offers(List.of(store.job(id))).get(id);
            PushReport report = push.push(id);

            assertEquals(new ProviderStatus(false, true, "Calendar faulty: the calendar plug-in failed to tell its status"
                    + " (IllegalStateException). Details are in the error log."), status);
            assertEquals(List.of("a"), offer.targets());
            assertEquals(List.of("a"), providersOf(report));
            assertTrue(report.ok(), report.toString());
            assertTrue(faulty.calls.isEmpty());
        }

        @Test
        void aListNamingNoConnectedCalendarIsRefusedByOfferAndPushWithTheSameWords() throws Exception {
            RecordingProvider a = new RecordingProvider("a");
            register(a, 0);
            listTargets("ghost");
            long id = interviewOn(LocalDate.of(2026, 12, 3));

            CalendarOffer offer = push.offer(store.job(id));
            PushReport report = push.push(id);

            assertEquals(Optional.of("\"ghost\" is in calendar_targets but no calendar plug-in of that id is installed."), offer.refusal());
            assertEquals(List.of(), offer.targets());
            assertEquals(offer.refusal().get(), report.failureMessage());
            assertTrue(a.calls.isEmpty());
        }

        @Test
        void withoutAListEveryConnectedCalendarThatHoldsTheJobIsUpdatedTheJobsFirstCalendarFirst() throws Exception {
            RecordingProvider a = new RecordingProvider("a");
            RecordingProvider b = new RecordingProvider("b");
            register(a, 0);
            register(b, 10);
            long id = interviewOn(LocalDate.of(2026, 12, 3));
            assertEquals(List.of("b"), providersOf(push.push(id)), "without a list: the preferred calendar");
            listTargets("a", "b");
            assertEquals(List.of("b", "a"), providersOf(push.push(id)), "the job's first calendar first");
            settings.setCalendarTargets(Optional.empty());
            a.calls.clear();
            b.calls.clear();

            PushReport report = push.push(id);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("b", "a"), providersOf(report));
            assertEquals(1, a.calls.size());
            assertTrue(a.calls.get(0).startsWith("update "), a.calls.toString());
            assertTrue(b.calls.get(0).startsWith("update "), b.calls.toString());
        }

        @Test
        void anEventPeregrinePushedIsAdoptedByItsCalendarAndTheOtherTargetGetsTheJobsOwn() throws Exception {
            RecordingProvider holder = new RecordingProvider("holder");
            RecordingProvider other = new RecordingProvider("other");
            register(holder, 0);
            register(other, 10);
            listTargets("other", "holder");
            String peregrineId = "peregrine-job-17@circuitforge.tech";
            long id = pushedByPeregrine(peregrineId);
            holder.events.put(peregrineId, InterviewEvents.of(store.job(id), store.job(id).interview().orElseThrow(), Optional.empty(),
                    ZoneOffset.UTC, List.of()));

            PushReport report = push.push(id);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("holder", "other"), providersOf(report), "the calendar that held the job's first event first");
            assertEquals(peregrineId, ((PushResult.Pushed) report.first()).eventId());
            assertEquals(List.of("update " + peregrineId, "create"), other.calls);
            assertEquals(List.of("holder", "other"), store.job(id).calendarLinks().stream().map(CalendarLink::providerId).toList());
        }
    }

    @Nested
    class OutOfDate {

        private RecordingProvider provider;
        private long id;

        @BeforeEach
        void pushed() throws Exception {
            provider = new RecordingProvider("one");
            register(provider, 0);
            id = interviewOn(LocalDate.of(2026, 12, 3));
            store.setInterview(id, Optional.of(slot(LocalTime.of(10, 0), "Europe/Berlin", 45, "Room 4")));
            assertTrue(push.offer(store.job(id)).outOfDate() == false && push.push(id).ok());
        }

        private static InterviewSlot slot(LocalTime time, String zone, int minutes, String location) {
            return new InterviewSlot(LocalDate.of(2026, 12, 3), Optional.of(time), Optional.of(ZoneId.of(zone)),
                    Optional.of(Duration.ofMinutes(minutes)), Optional.of(location));
        }

        private void assertOutOfDateAndUpToDateAfterAPush(String change) throws Exception {
            int calls = provider.calls.size();
            CalendarOffer offer = push.offer(store.job(id));
            assertTrue(offer.outOfDate(), change);
            assertFalse(offer.calendars().get(0).upToDate(), change);
            assertEquals(calls, provider.calls.size(), "an offer asks no calendar");
            assertTrue(push.push(id).ok(), change);
            assertFalse(push.offer(store.job(id)).outOfDate(), change + ", pushed");
        }

        @Test
        void theInterviewIsUpToDateRightAfterAPush() throws Exception {
            CalendarOffer offer = push.offer(store.job(id));
            assertEquals(List.of(new CalendarOffer.Placement("one", "Calendar one", offer.calendars().get(0).eventId(), true)), offer.calendars());
            assertTrue(offer.canPush() && offer.onCalendar() && !offer.adds() && !offer.outOfDate(), offer.toString());
        }

        @Test
        void eachChangeOfWhatTheEventShowsMakesItOutOfDateUntilTheNextPush() throws Exception {
            store.setInterview(id, Optional.of(slot(LocalTime.of(11, 0), "Europe/Berlin", 45, "Room 4")));
            assertOutOfDateAndUpToDateAfterAPush("time");
            store.setInterview(id, Optional.of(slot(LocalTime.of(11, 0), "Europe/Paris", 45, "Room 4")));
            assertOutOfDateAndUpToDateAfterAPush("zone, at the same instant");
            store.setInterview(id, Optional.of(slot(LocalTime.of(11, 0), "Europe/Paris", 60, "Room 4")));
            assertOutOfDateAndUpToDateAfterAPush("duration");
            store.setInterview(id, Optional.of(slot(LocalTime.of(11, 0), "Europe/Paris", 60, "https://meet.example/abc")));
            assertOutOfDateAndUpToDateAfterAPush("location");
            Files.writeString(settings.configDirectory().resolve("user.yaml"), "tier: paid\ncalendar_reminders: [15m]\n");
            assertOutOfDateAndUpToDateAfterAPush("reminders");
            store.move(id, Stage.INTERVIEWING);
            assertOutOfDateAndUpToDateAfterAPush("stage");
            Job job = store.job(id);
            store.setInterview(id, Optional.of(slot(LocalTime.of(10, 0), "Europe/Berlin", 45, "Room 4")));
            assertTrue(push.offer(store.job(id)).outOfDate());
            store.setInterview(id, job.interview());
            assertFalse(push.offer(store.job(id)).outOfDate(), "changed back as it was pushed");
        }

        @Test
        void anInterviewWhoseDateWasClearedIsOutOfDateAndCannotBePushedOrExported() throws Exception {
            store.setInterview(id, Optional.empty());
            CalendarOffer offer = push.offer(store.job(id));
            assertTrue(offer.outOfDate() && offer.onCalendar());
            assertEquals(Optional.of("Set an interview date for \"Platform Engineer\" before adding it to a calendar."), offer.refusal());
            assertEquals(offer.refusal().get(), push.push(id).failureMessage());
            assertEquals(Optional.empty(), push.event(id), "no event to export");
        }

        @Test
        void theEventCarriesThePlaceItsLinkInTheDescriptionAndTheReminders() throws Exception {
            store.setInterview(id, Optional.of(slot(LocalTime.of(10, 0), "Europe/Berlin", 45, " https://meet.example/abc ")));
            push.push(id);
            CalendarEvent sent = provider.events.values().iterator().next();
            assertEquals(Optional.of("https://meet.example/abc"), sent.location());
            assertEquals(store.job(id).url() + "\nhttps://meet.example/abc", sent.description());
            assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(1)), sent.reminders());
            assertEquals(Optional.of(sent), push.event(id));
        }

        @Test
        void offerAndPushRefuseTheFreePlanWithTheSameWords() throws Exception {
            setTier("free");
            CalendarOffer offer = push.offer(store.job(id));
            assertFalse(offer.canPush());
            assertEquals(List.of(), offer.targets());
            assertEquals(offer.refusal().orElseThrow(), push.push(id).failureMessage());
        }

        @Test
        void onTheFreePlanAnOfferStillNamesTheCalendarThatHoldsTheEventAndWhetherItIsOutOfDate() throws Exception {
            setTier("free");
            assertEquals(List.of(new CalendarOffer.Placement("one", "Calendar one", store.job(id).calendarLink().orElseThrow().eventId(),
                    true)), push.offers(List.of(store.job(id))).get(id).calendars());

            store.setInterview(id, Optional.of(slot(LocalTime.of(11, 0), "Europe/Berlin", 45, "Room 4")));
            assertTrue(push.offer(store.job(id)).outOfDate());
        }
    }

    @Nested
    class Removal {

        private RecordingProvider a;
        private RecordingProvider b;
        private ServiceRegistration<CalendarProvider> aRegistration;
        private long id;

        @BeforeEach
        void onTwoCalendars() throws Exception {
            a = new RecordingProvider("a");
            b = new RecordingProvider("b");
            aRegistration = register(a, 10);
            register(b, 0);
            listTargets("a", "b");
            id = interviewOn(LocalDate.of(2026, 12, 3));
            assertTrue(push.push(id).ok());
            a.calls.clear();
            b.calls.clear();
        }

        @Test
        void removeDeletesTheEventOnEveryCalendarAndForgetsEachLink() throws Exception {
            String aEvent = store.job(id).calendarLink("a").orElseThrow().eventId();
            setTier("free"); // no plan is needed to take events away

            PushReport report = push.remove(id);

            assertTrue(report.ok(), report.toString());
            assertEquals(new PushResult.Removed("a", "Calendar a", aEvent), report.first());
            assertEquals(List.of("a", "b"), providersOf(report));
            assertEquals(List.of("delete " + aEvent), a.calls);
            assertTrue(a.events.isEmpty() && b.events.isEmpty());
            assertEquals(List.of(), store.job(id).calendarLinks());
            assertEquals(PushReport.refused("\"Platform Engineer\" is on no calendar."), push.remove(id));
        }

        @Test
        void anEventAlreadyGoneIsRemovedAndItsLinkForgotten() throws Exception {
            a.events.clear();
            b.nextFailure = new CalendarException(CalendarException.Kind.NOT_FOUND, "gone");

            PushReport report = push.remove(id);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of(), store.job(id).calendarLinks());
        }

        @Test
        void aFailedRemovalKeepsItsLinkAndSaysSoWhileTheOtherCalendarIsCleared() throws Exception {
            a.nextFailure = new CalendarException(CalendarException.Kind.UNAVAILABLE, "Server is down.");
            CalendarLink kept = store.job(id).calendarLink("a").orElseThrow();

            PushReport report = push.remove(id);

            assertEquals(new PushResult.Failed("a", "Calendar a: Server is down. The event is still on Calendar a and the job still records it."),
                    report.first());
            assertInstanceOf(PushResult.Removed.class, report.results().get(1));
            assertEquals(List.of(kept), store.job(id).calendarLinks());
            assertEquals(1, a.events.size());
            assertTrue(push.remove(id).ok(), "removing again");
            assertEquals(List.of(), store.job(id).calendarLinks());
        }

        @Test
        void aRemovalSlowerThanTheLimitIsGivenUpThereAndKeepsItsLink() throws Exception {
            Files.writeString(settings.configDirectory().resolve("user.yaml"), "tier: paid\ncalendar_timeout_seconds: 1\n");
            a.deleteDelayMillis = 10_000;

            long t = System.nanoTime();
            PushReport report = push.remove(id);
            long millis = (System.nanoTime() - t) / 1_000_000;

            assertTrue(millis >= 900 && millis < 3_000, millis + " ms");
            assertEquals(new PushResult.Failed("a", "Calendar a: the calendar did not answer within 1 s."
                    + " The event is still on Calendar a and the job still records it."), report.first());
            assertTrue(report.results().get(1).ok(), report.toString());
            assertEquals(List.of("a"), store.job(id).calendarLinks().stream().map(CalendarLink::providerId).toList());
        }

        @Test
        void aPluginThatFailsUnexpectedlyOnRemovalKeepsTheLinkWithoutItsMessage() throws Exception {
            a.deleteBug = new IllegalStateException("token=hunter2");

            PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, push.remove(id).first());

            assertEquals("Calendar a: the calendar plug-in failed unexpectedly (IllegalStateException)."
                    + " The event is still on Calendar a and the job still records it.", failed.message());
            assertTrue(store.job(id).calendarLink("a").isPresent());
        }

        @Test
        void aCalendarNoLongerInstalledOrNotConnectedKeepsItsLink() throws Exception {
            aRegistration.unregister();
            registrations.remove(aRegistration);
            b.connected = false;

            PushReport report = push.remove(id);

            assertEquals(new PushResult.Failed("a", "The calendar plug-in \"a\" is not installed, so the event is still on that calendar"
                    + " and the job still records it. Install the plug-in again to remove it."), report.first());
            assertEquals(new PushResult.Failed("b", "Calendar b is not connected (Create b.yaml), so the event is still on it"
                    + " and the job still records it."), report.results().get(1));
            assertEquals(List.of("a", "b"), store.job(id).calendarLinks().stream().map(CalendarLink::providerId).toList());
            assertTrue(b.calls.isEmpty());
        }

        @Test
        void anEventPeregrineRecordedIsDeletedByItsIdOnEveryConnectedCalendarAndThenForgotten() throws Exception {
            String peregrineId = "peregrine-job-21@circuitforge.tech";
            long other = pushedByPeregrine(peregrineId);
            b.events.put(peregrineId, InterviewEvents.of(store.job(other), store.job(other).interview().orElseThrow(), Optional.empty(),
                    ZoneOffset.UTC, List.of()));

            PushReport report = push.remove(other);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("delete " + peregrineId), a.calls);
            assertEquals(List.of("delete " + peregrineId), b.calls);
            assertFalse(b.events.containsKey(peregrineId));
            assertEquals(List.of(), store.job(other).calendarLinks());
        }
    }
}
