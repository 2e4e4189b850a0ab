package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.ui.kanban.internal.BoardHarness.all;
import static peregrine.ui.kanban.internal.BoardHarness.button;
import static peregrine.ui.kanban.internal.BoardHarness.labelTexts;
import static peregrine.ui.kanban.internal.BoardHarness.press;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.jobs.BoardColumn;
import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;
import peregrine.settings.WorkbenchSettings;

/**
 * The calendar button on the board, with fake calendars registered as real OSGi services and pushes
 * made by the DS push service of the test runtime on its own SQLite file.
 */
class CalendarButtonTest extends DisplayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path dir;

    private final List<ServiceRegistration<CalendarProvider>> registrations = new ArrayList<>();
    private final WorkbenchSettings settings = BoardHarness.service(WorkbenchSettings.class);
    private BoardHarness harness;
    private Shell statusShell;

    @BeforeEach
    void paidPlan() throws IOException {
        setTier("paid");
    }

    @AfterEach
    void closeBoardAndCalendars() throws IOException {
        if (statusShell != null) {
            statusShell.dispose();
        }
        if (harness != null) {
            harness.close();
        }
        registrations.forEach(ServiceRegistration::unregister);
        Files.deleteIfExists(settings.integrationFile("fake_calendar"));
    }

    enum Calendars { NONE, NOT_CONNECTED, CONNECTED }

    @ParameterizedTest
    @EnumSource(Calendars.class)
    void theButtonShowsOnPhoneScreenAndInterviewingCardsWithADateWhileACalendarIsConnectedAndOffersAnUpdateOnceThereIsAnEvent(
            Calendars calendars) throws JobStoreException {
        JobStore store = SqliteJobStores.open(dir.resolve("staging.db"));
        List<Long> ids = new ArrayList<>();
        for (Stage stage : List.of(Stage.APPLIED, Stage.SURVEY, Stage.PHONE_SCREEN, Stage.INTERVIEWING, Stage.OFFER,
                Stage.HIRED, Stage.REJECTED)) {
            for (boolean dated : List.of(false, true)) {
                for (boolean event : List.of(false, true)) {
                    long id = store.add(new NewJob(stage.label() + (dated ? " dated" : "") + (event ? " with event" : ""),
                            "Acme", "", stage == Stage.REJECTED ? Stage.INTERVIEWING : stage));
                    if (dated) {
                        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
                    }
                    if (event) {
                        store.putCalendarLink(id, new CalendarLink("fake_calendar", "e" + id));
                    }
                    if (stage == Stage.REJECTED) {
                        store.reject(id);
                    }
                    ids.add(id);
                }
            }
        }
        if (calendars != Calendars.NONE) {
            register(new FakeCalendar()).connected = calendars == Calendars.CONNECTED;
        }
        open(store);
        harness.expandRejected();

        for (long id : ids) {
            Job job = store.job(id);
            boolean expected = calendars == Calendars.CONNECTED && job.stage().orElseThrow().takesInterviewDate()
                    && job.interview().isPresent();
            Optional<String> label = harness.calendarButton(id).map(Button::getText);
            assertEquals(expected ? Optional.of(job.calendarLink().isPresent() ? InterviewRow.UPDATE_CALENDAR
                    : InterviewRow.ADD_TO_CALENDAR) : Optional.empty(), label, job.title() + " with " + calendars);
            label.ifPresent(text -> assertTrue(harness.calendarButton(id).orElseThrow().isEnabled(), job.title()));
        }
    }

    @Test
    void aCalendarProviderStartingAndStoppingWhileTheBoardIsOpenShowsAndHidesTheButton() throws JobStoreException {
        JobStore store = SqliteJobStores.open(dir.resolve("staging.db"));
        long id = datedJob(store, "Platform Engineer");
        open(store);
        assertTrue(harness.calendarButton(id).isEmpty());

        ServiceRegistration<CalendarProvider> registration = context().registerService(CalendarProvider.class,
                new FakeCalendar(), null);
        harness.waitUntil("the button appears", () -> harness.calendarButton(id).isPresent());
        assertEquals(InterviewRow.ADD_TO_CALENDAR, harness.calendarButton(id).orElseThrow().getText());

        registration.unregister();
        harness.waitUntil("the button goes away", () -> harness.calendarButton(id).isEmpty());
    }

    @Test
    void anIntegrationFileAppearingWhileTheBoardIsOpenShowsTheButton() throws Exception {
        JobStore store = SqliteJobStores.open(dir.resolve("staging.db"));
        long id = datedJob(store, "Platform Engineer");
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.connected = false;
        open(store);
        assertTrue(harness.calendarButton(id).isEmpty());

        // The fake reads no file; the settings watcher's event about the file is what makes the board look again.
        calendar.connected = true;
        Path file = settings.integrationFile("fake_calendar");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "calendar_name: Interviews\n");

        harness.waitUntil("the button appears after the settings event", () -> harness.calendarButton(id).isPresent());
    }

    @Test
    void belowThePaidPlanTheButtonIsDisabledAndExplainsThePaidFeatureAndTheCommandDoesNothing() throws Exception {
        setTier("free");
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Free plan");
        FakeCalendar calendar = register(new FakeCalendar());
        open(store);

        Button button = harness.calendarButton(id).orElseThrow();
        assertFalse(button.isEnabled());
        assertTrue(labelTexts(harness.card(id)).stream().anyMatch(text -> text.contains("part of the paid plan")
                && text.toLowerCase(java.util.Locale.ROOT).contains("your plan is free")), labelTexts(harness.card(id)).toString());
        assertFalse(harness.part.controller().canPush(id));

        executePush(Map.of(PushToCalendarHandler.JOB_ID, Long.toString(id)));
        harness.waitForTheBoard();
        assertTrue(calendar.events.isEmpty());
        assertTrue(store.job(id).calendarLink().isEmpty());
    }

    @Test
    void aSuccessfulPushShowsTheCalendarAndALinkToTheEventAndTheButtonThenOffersAnUpdate() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Pushed");
        FakeCalendar calendar = register(new FakeCalendar());
        open(store);

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, calendar.events.size());
        assertTrue(store.job(id).calendarLink().isPresent());
        assertEquals(InterviewRow.UPDATE_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
        assertEquals(List.of("Added to Fake Calendar \u2013 <a>Open event</a>"), eventLinks(id));

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();
        assertEquals(1, calendar.events.size(), "the second push updates the same event");
        assertEquals(List.of("Updated on Fake Calendar \u2013 <a>Open event</a>"), eventLinks(id));
    }

    /** The card's links to a calendar event; its other link opens the date entry. */
    private List<String> eventLinks(long id) {
        return all(harness.card(id), Link.class).stream().map(Link::getText).filter(text -> text.contains("Open event"))
                .toList();
    }

    @Test
    void theCalendarButtonShowsTheBundlesIconsAndNoEmojiBeforeAndAfterAPush() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Iconic");
        register(new FakeCalendar());
        open(store);
        Image add = assertDrawnIcon(harness.calendarButton(id).orElseThrow());

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        Image update = assertDrawnIcon(harness.calendarButton(id).orElseThrow());
        assertNotSame(add, update, "Update has an icon of its own");
    }

    /** Checks that {@code button} shows a 16 px icon that is not JFace's missing-image square, and no emoji. */
    private static Image assertDrawnIcon(Button button) {
        assertTrue(button.getText().codePoints().allMatch(Character::isBmpCodePoint), button.getText());
        Image image = button.getImage();
        assertNotNull(image, button.getText());
        ImageData data = image.getImageData();
        assertEquals(16, data.width);
        assertEquals(16, data.height);
        Set<RGB> colours = new HashSet<>();
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                colours.add(data.palette.getRGB(data.getPixel(x, y)));
            }
        }
        // Red header, frame, page, days and the green mark; the missing image has white, red and black only.
        assertTrue(colours.contains(new RGB(0x1e, 0x7b, 0x34)) && colours.size() >= 5, colours.toString());
        return image;
    }

    @Test
    void aFailedPushShowsTheErrorInPlainWordsAndTheButtonStillOffersToAdd() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Failing");
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.failure = new CalendarException(CalendarException.Kind.UNAVAILABLE,
                "The calendar server did not answer. Try again later.");
        open(store);

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        assertTrue(labelTexts(harness.card(id)).contains("Fake Calendar: The calendar server did not answer. Try again later."),
                labelTexts(harness.card(id)).toString());
        assertEquals(InterviewRow.ADD_TO_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
        assertTrue(harness.calendarButton(id).orElseThrow().isEnabled());
        assertTrue(store.job(id).calendarLink().isEmpty());
    }

    @Test
    void theDisplayThreadKeepsRunningWhileASlowPushWaitsAndTheStatusLineShowsIt() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Slow");
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.delayMillis = 2000;
        open(store);
        PushProgressControl status = statusLine();

        long pressed = System.nanoTime();
        press(harness.calendarButton(id).orElseThrow());
        // Pressing redraws the cards (display work) but never waits for the calendar, which takes 2 s.
        long pressMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pressed);
        assertTrue(pressMillis < 1000, "pressing the button returned after " + pressMillis + " ms");
        harness.waitUntil("the calendar is called", () -> calendar.started.getCount() == 0);

        long[] fired = new long[1];
        long scheduled = System.nanoTime();
        display.timerExec(10, () -> fired[0] = System.nanoTime());
        harness.waitUntil("the timer fires", () -> fired[0] != 0);
        assertTrue(fired[0] - scheduled < TimeUnit.MILLISECONDS.toNanos(100),
                "the event loop ran a 10 ms timer after " + TimeUnit.NANOSECONDS.toMillis(fired[0] - scheduled) + " ms");
        assertEquals(1, calendar.finished.getCount(), "the push was still waiting for the calendar");
        assertTrue(labelTexts(harness.card(id)).contains("Working on the calendar\u2026"));
        assertFalse(harness.calendarButton(id).orElseThrow().isEnabled(), "no second push while one runs");
        harness.waitUntil("the status line shows the push", () -> statusText(status).startsWith("Adding to the calendar: Slow @ Acme"));

        harness.waitForTheBoard();
        assertEquals(InterviewRow.UPDATE_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
        harness.waitUntil("the status line clears", () -> statusText(status).isEmpty());
    }

    @Test
    void cancellingAPushFromTheStatusLineStopsTheWaitAndTheCardFollowsWhatTheCalendarDid() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Cancelled");
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.delayMillis = 1500;
        open(store);
        statusLine();

        press(harness.calendarButton(id).orElseThrow());
        harness.waitUntil("the status line offers to cancel", () -> statusCancel().filter(Button::isVisible).isPresent());
        press(statusCancel().orElseThrow());
        harness.waitUntil("the card says the push was cancelled",
                () -> labelTexts(harness.card(id)).stream().anyMatch(text -> text.startsWith("Cancelled.")));
        assertEquals(1, calendar.finished.getCount(), "the wait ended before the calendar answered");
        assertEquals(InterviewRow.ADD_TO_CALENDAR, harness.calendarButton(id).orElseThrow().getText());

        // The calendar call was not stopped: once it completes, the card tells the truth about it.
        harness.waitUntil("the card shows the event that was made after all",
                () -> harness.calendarButton(id).map(Button::getText).orElse("").equals(InterviewRow.UPDATE_CALENDAR));
        assertTrue(store.job(id).calendarLink().isPresent());
        assertEquals(1, calendar.events.size());
    }

    @Test
    void theCommandWithoutAJobPushesTheSelectedCardAsTheMenuAndKeyBindingDo() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long first = datedJob(store, "First");
        long second = datedJob(store, "Second");
        long undated = store.add(new NewJob("Undated", "Acme", "", Stage.PHONE_SCREEN));
        FakeCalendar calendar = register(new FakeCalendar());
        open(store);
        assertFalse(canExecutePush(), "nothing is selected");

        click(harness.card(undated));
        assertEquals(JobCard.SELECTED.getRGB(), harness.card(undated).getBackground().getRGB());
        assertFalse(canExecutePush(), "a card without a date cannot be pushed");

        click(harness.card(second));
        assertEquals(JobCard.SELECTED.getRGB(), harness.card(second).getBackground().getRGB());
        assertFalse(JobCard.SELECTED.getRGB().equals(harness.card(undated).getBackground().getRGB()),
                "one card is selected at a time");
        assertTrue(canExecutePush());
        executePush(Map.of());
        harness.waitForTheBoard();

        assertTrue(store.job(second).calendarLink().isPresent());
        assertTrue(store.job(first).calendarLink().isEmpty());
        assertEquals(1, calendar.events.size());
        assertEquals(JobCard.SELECTED.getRGB(), harness.card(second).getBackground().getRGB(),
                "the selection survives the redraw");
    }

    @Test
    void pushAllAddsEveryInterviewOnTheBoardOnceAndPushingAllAgainUpdatesTheSameEvents() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        undateEarlierInterviews(store);
        List<Long> dated = List.of(datedJob(store, "One"), datedJob(store, "Two"), datedJob(store, "Three"));
        long undated = store.add(new NewJob("Undated", "Acme", "", Stage.PHONE_SCREEN));
        long applied = store.add(new NewJob("Applied", "Acme", "", Stage.APPLIED));
        FakeCalendar calendar = register(new FakeCalendar());
        open(store);

        assertTrue(canExecute(PUSH_ALL));
        execute(PUSH_ALL);
        harness.waitForTheBoard();
        assertEquals(3, calendar.events.size());
        for (long id : dated) {
            assertTrue(store.job(id).calendarLink().isPresent());
            assertEquals(InterviewRow.UPDATE_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
            assertEquals(List.of("Added to Fake Calendar \u2013 <a>Open event</a>"), eventLinks(id));
        }
        assertTrue(store.job(undated).calendarLink().isEmpty());
        assertTrue(store.job(applied).calendarLink().isEmpty());
        assertEquals("Push All Interviews: 3 of 3 on the calendar.", messageLine());

        execute(PUSH_ALL);
        harness.waitForTheBoard();
        assertEquals(3, calendar.events.size(), "pushing all again updates the same events");
        for (long id : dated) {
            assertEquals(List.of("Updated on Fake Calendar \u2013 <a>Open event</a>"), eventLinks(id));
        }
    }

    @Test
    void withAFilterPushAllPushesOnlyTheInterviewsShownAndSaysSoAndWithoutOnePushesEveryOne() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        undateEarlierInterviews(store);
        long engineer = datedJob(store, "Kestrel Engineer");
        long analyst = datedJob(store, "Kestrel Analyst");
        long hidden = datedJob(store, "Osprey Designer");
        FakeCalendar calendar = register(new FakeCalendar());
        open(store);
        PushAllHandler handler = new PushAllHandler();
        MHandledMenuItem item = MMenuFactory.INSTANCE.createHandledMenuItem();
        assertTrue(handler.canExecute(harness.part.controller(), item));
        assertEquals(PushAllHandler.LABEL, item.getLabel());

        find("kestrel");
        // Earlier runs may have left undated jobs of the same names in the runtime's shared store.
        List<Long> shown = harness.idsIn(BoardColumn.PHONE_SCREEN);
        assertTrue(shown.containsAll(Set.of(engineer, analyst)) && !shown.contains(hidden), "the filter shows " + shown);
        assertTrue(handler.canExecute(harness.part.controller(), item));
        assertEquals(PushAllHandler.SHOWN_LABEL, item.getLabel(), "the menu says that the filter narrows what is pushed");
        execute(PUSH_ALL);
        harness.waitForTheBoard();
        assertEquals(2, calendar.events.size());
        assertTrue(store.job(engineer).calendarLink().isPresent());
        assertTrue(store.job(analyst).calendarLink().isPresent());
        assertTrue(store.job(hidden).calendarLink().isEmpty(), "the job the filter hides is not pushed");
        assertEquals("Push All Shown Interviews: 2 of 2 on the calendar.", messageLine());

        Combo stages = harness.stageChoice();
        stages.select(List.of(stages.getItems()).indexOf(Stage.APPLIED.label()));
        stages.notifyListeners(SWT.Selection, new Event());
        harness.waitForTheBoard();
        assertFalse(canExecute(PUSH_ALL), "no interview shown: nothing to push");
        assertFalse(handler.canExecute(harness.part.controller(), item));
        assertEquals(PushAllHandler.SHOWN_LABEL, item.getLabel());

        harness.focus(harness.findField());
        harness.key(SWT.ESC);
        harness.waitUntil("Escape clears the filter", () -> harness.findField().getText().isEmpty());
        harness.waitForTheBoard();
        assertTrue(handler.canExecute(harness.part.controller(), item));
        assertEquals(PushAllHandler.LABEL, item.getLabel());
        execute(PUSH_ALL);
        harness.waitForTheBoard();
        assertEquals(3, calendar.events.size(), "every interview, the two already pushed updated");
        assertTrue(store.job(hidden).calendarLink().isPresent());
        assertEquals("Push All Interviews: 3 of 3 on the calendar.", messageLine());
    }

    @Test
    void pushAllIsOfferedOnlyWhileACardCanBePushed() throws Exception {
        JobStore store = SqliteJobStores.open(dir.resolve("staging.db"));
        store.add(new NewJob("Undated", "Acme", "", Stage.PHONE_SCREEN));
        register(new FakeCalendar());
        open(store);
        assertFalse(canExecute(PUSH_ALL), "no card has an interview date");

        datedJob(store, "Dated");
        harness.part.refresh();
        harness.waitForTheBoard();
        assertTrue(canExecute(PUSH_ALL), "a dated card on the paid plan");
        setTier("free");
        harness.waitUntil("the board reads the free plan", () -> !canExecute(PUSH_ALL));
        setTier("paid");
        harness.waitUntil("the board reads the paid plan", () -> canExecute(PUSH_ALL));
    }

    @Test
    void cancellingPushAllStartsNoFurtherPushAndTheCardsNotReachedStayAsTheyWere() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        undateEarlierInterviews(store);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3 * PushAllJob.CONCURRENCY; i++) {
            ids.add(datedJob(store, "Job " + i));
        }
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.delayMillis = 700;
        open(store);
        statusLine();

        execute(PUSH_ALL);
        harness.waitUntil("the status line offers to cancel", () -> statusCancel().filter(Button::isVisible).isPresent());
        harness.waitUntil("the calendar is called", () -> calendar.started.getCount() == 0);
        press(statusCancel().orElseThrow());
        harness.waitForTheBoard();

        int made = calendar.events.size();
        assertTrue(made >= 1 && made < ids.size(), made + " of " + ids.size() + " events were made");
        assertEquals(made, ids.stream().filter(id -> uncheckedJob(store, id).calendarLink().isPresent()).count(),
                "every event made is recorded, and no other");
        // The cards made so far (the section makes more as it scrolls) follow the store.
        for (Composite card : harness.cards()) {
            long id = ((Job) card.getData()).id();
            if (ids.contains(id)) {
                boolean pushed = uncheckedJob(store, id).calendarLink().isPresent();
                assertEquals(pushed ? InterviewRow.UPDATE_CALENDAR : InterviewRow.ADD_TO_CALENDAR,
                        harness.calendarButton(id).orElseThrow().getText());
                assertFalse(labelTexts(card).contains("Working on the calendar\u2026"), "job " + id);
            }
        }
        assertEquals("Push All Interviews: " + made + " of " + ids.size() + " on the calendar, " + (ids.size() - made)
                + " not pushed (cancelled).", messageLine());
        assertTrue(canExecute(PUSH_ALL), "the rest can be pushed again");
    }

    @Test
    void eachConnectionTestAsksTheCalendarAndTheStatusLineShowsTheLatestAnswer() {
        FakeCalendar calendar = register(new FakeCalendar());
        CalendarException refused = new CalendarException(CalendarException.Kind.AUTHENTICATION, "The server refused the password.");
        calendar.failure = refused;
        Shell parent = new Shell(display);
        harness = new BoardHarness(display, SqliteJobStores.open(dir.resolve("staging.db")));
        CalendarIntegrationsDialog dialog = new CalendarIntegrationsDialog(parent, List.of(calendar), settings,
                harness.context.get(org.eclipse.e4.ui.di.UISynchronize.class));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Group group = all(dialog.getShell(), Group.class).stream().filter(g -> g.getData() == calendar).findFirst()
                    .orElseThrow();
            harness.waitUntil("the status is read", () -> labelTexts(group)
                    .contains("Connected. Calendar 'Interviews' as ada@example.com"));
            assertTrue(labelTexts(group).contains(settings.integrationFile("fake_calendar").toString()));
            Button test = button(group, CalendarIntegrationsDialog.TEST_CONNECTION).orElseThrow();

            List<String> answers = new ArrayList<>();
            for (CalendarException failure : java.util.Arrays.asList(refused, null, refused)) {
                calendar.failure = failure;
                int before = calendar.connectionTests.get();
                press(test);
                harness.waitUntil("the test answers", () -> test.isEnabled() && (statusLine(group).contains("tested at")
                        || statusLine(group).startsWith(CalendarIntegrationsDialog.CONNECTION_FAILED)));
                assertEquals(before + 1, calendar.connectionTests.get(), "the press reached the calendar");
                answers.add(statusLine(group));
            }

            assertTrue(answers.get(0).startsWith(CalendarIntegrationsDialog.CONNECTION_FAILED)
                    && answers.get(0).endsWith(": The server refused the password."), answers.toString());
            assertTrue(answers.get(1).startsWith("Connected. Calendar 'Interviews' as ada@example.com \u2013 tested at ")
                    && answers.get(1).endsWith(CalendarIntegrationsDialog.CONNECTION_WORKS), answers.toString());
            assertTrue(answers.get(2).startsWith(CalendarIntegrationsDialog.CONNECTION_FAILED), "a failure after a "
                    + "success replaces the word that the calendar was connected: " + answers);
            assertEquals(1, labelTexts(group).stream().filter(text -> text.contains("refused")
                    || text.contains(CalendarIntegrationsDialog.CONNECTION_WORKS)).count(), "one line, the latest: "
                    + labelTexts(group));
        } finally {
            dialog.close();
            parent.dispose();
        }
    }

    /** The text of the dialog's "Status:" line in {@code group}. */
    private static String statusLine(Group group) {
        List<String> texts = labelTexts(group);
        return texts.get(texts.indexOf("Status:") + 1);
    }

    @Test
    void aMalformedUserYamlIsNamedWithItsLineOnTheCardAndNeverTakenForTheFreePlan() throws Exception {
        Path user = settings.configDirectory().resolve("user.yaml");
        Files.writeString(user, "tier: paid\ncalendar_timeout_seconds: [30\n");
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Broken plan");
        register(new FakeCalendar());
        open(store);

        Button button = harness.calendarButton(id).orElseThrow();
        assertFalse(button.isEnabled());
        List<String> texts = labelTexts(harness.card(id));
        // The push service's refusal names the file and the line; the board shows it as given.
        assertTrue(texts.stream().anyMatch(text -> text.contains(user + ", line ")), texts.toString());
        assertFalse(texts.stream().anyMatch(text -> text.contains("plan is free")), texts.toString());
        assertTrue(button.getToolTipText().contains(user + ", line "), button.getToolTipText());
        assertFalse(harness.part.controller().canPush(id));

        // Mended, the file is read again: the button is offered.
        setTier("paid");
        harness.waitUntil("the mended file is read", () -> harness.calendarButton(id).orElseThrow().isEnabled());
    }

    // --- helpers

    private void open(JobStore store) {
        harness = new BoardHarness(display, store).open();
        // The board reads the calendars in the background after injection; let it finish.
        harness.waitForTheBoard();
    }

    /**
     * The status line at the bottom of a window of the default size, as the window's bottom trim holds it: the trim
     * takes the height the control asks for when the window is laid out, and the rest goes to the parts above.
     */
    private PushProgressControl statusLine() {
        IEclipseContext context = harness.context.createChild("status line");
        Shell shell = new Shell(display);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(shell);
        Composite parts = new Composite(shell, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(parts);
        Composite trim = new Composite(shell, SWT.NONE);
        trim.setLayout(new org.eclipse.swt.layout.FillLayout());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(trim);
        context.set(Composite.class, trim);
        PushProgressControl control = ContextInjectionFactory.make(PushProgressControl.class, context);
        shell.setSize(1200, 800);
        shell.open();
        statusShell = shell;
        return control;
    }

    private boolean inWindow(Control control) {
        Rectangle window = statusShell.getClientArea();
        Rectangle bounds = display.map(control.getParent(), statusShell, control.getBounds());
        return window.contains(bounds.x, bounds.y) && window.contains(bounds.x + bounds.width - 1, bounds.y + bounds.height - 1);
    }

    @Test
    void theStatusLineShowsTheWholeNameAndCancelInsideAWindowOfTheDefaultSize() throws Exception {
        JobStore store = BoardHarness.service(JobStore.class);
        long id = datedJob(store, "Senior Site Reliability Engineer, Payments Infrastructure");
        FakeCalendar calendar = register(new FakeCalendar());
        calendar.delayMillis = 4000;
        open(store);
        statusLine();

        press(harness.calendarButton(id).orElseThrow());
        Button cancel = statusCancel().orElseThrow();
        Label name = all(statusShell, Label.class).get(0);
        harness.waitUntil("the status line offers to cancel", () -> cancel.isVisible() && !name.getText().isEmpty());
        // The window lays itself out again when the display thread is next idle, as it is here while the push waits.
        harness.waitUntil("the window is laid out for the status line", () -> !name.getText().isEmpty() && inWindow(cancel)
                && name.getSize().x >= name.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);

        assertTrue(inWindow(cancel), "Cancel lies inside the window");
        assertTrue(name.getText().endsWith("Payments Infrastructure @ Acme"), name.getText());
        harness.waitForTheBoard();
    }

    private String statusText(PushProgressControl control) {
        return all(statusShell, Label.class).get(0).getText();
    }

    private Optional<Button> statusCancel() {
        return button(statusShell, "Cancel");
    }

    private static final String PUSH_ALL = PushAllHandler.COMMAND_ID;

    /** Types {@code text} into the board's search field, key by key, and waits for the board to show what it finds. */
    private void find(String text) {
        harness.focus(harness.findField());
        harness.type(text);
        harness.waitUntil("the field shows " + text, () -> harness.findField().getText().equals(text));
        harness.waitForTheBoard();
    }

    private boolean canExecute(String commandId) {
        return harness.context.get(EHandlerService.class)
                .canExecute(harness.context.get(ECommandService.class).createCommand(commandId, Map.of()));
    }

    private void execute(String commandId) {
        harness.context.get(EHandlerService.class)
                .executeHandler(harness.context.get(ECommandService.class).createCommand(commandId, Map.of()));
    }

    /**
     * Clears the interview dates that earlier tests left in the runtime's shared store, so that "push
     * all" pushes only this test's jobs.
     */
    private static void undateEarlierInterviews(JobStore store) throws JobStoreException {
        for (Stage stage : Stage.values()) {
            if (stage.takesInterviewDate()) {
                for (Job job : store.list(Optional.of(stage))) {
                    if (job.interview().isPresent()) {
                        store.setInterview(job.id(), Optional.empty());
                    }
                }
            }
        }
    }

    /** @return the text of the line above the board, or null while it is hidden */
    private String messageLine() {
        return all(harness.shell, CLabel.class).stream().filter(CLabel::isVisible).map(CLabel::getText).findFirst()
                .orElse(null);
    }

    private static Job uncheckedJob(JobStore store, long id) {
        try {
            return store.job(id);
        } catch (JobStoreException e) {
            throw new AssertionError(e);
        }
    }

    private boolean canExecutePush() {
        return harness.context.get(EHandlerService.class).canExecute(
                harness.context.get(ECommandService.class).createCommand(PushToCalendarHandler.COMMAND_ID, Map.of()));
    }

    private void executePush(Map<String, Object> parameters) {
        ParameterizedCommand command = harness.context.get(ECommandService.class)
                .createCommand(PushToCalendarHandler.COMMAND_ID, parameters);
        harness.context.get(EHandlerService.class).executeHandler(command);
    }

    private static void click(Composite card) {
        Event down = new Event();
        down.button = 1;
        card.notifyListeners(SWT.MouseDown, down);
    }

    private long datedJob(JobStore store, String title) throws JobStoreException {
        long id = store.add(new NewJob(title, "Acme", "https://jobs.example/" + System.nanoTime(), Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
        return id;
    }

    private FakeCalendar register(FakeCalendar calendar) {
        registrations.add(context().registerService(CalendarProvider.class, calendar, null));
        return calendar;
    }

    private static org.osgi.framework.BundleContext context() {
        return FrameworkUtil.getBundle(CalendarButtonTest.class).getBundleContext();
    }

    private void setTier(String tier) throws IOException {
        Path user = settings.configDirectory().resolve("user.yaml");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "tier: " + tier + "\n");
    }
}
