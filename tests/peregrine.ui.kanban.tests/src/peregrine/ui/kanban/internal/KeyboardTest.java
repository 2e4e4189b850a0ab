package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.ui.kanban.internal.BoardHarness.accessibleName;
import static peregrine.ui.kanban.internal.BoardHarness.all;
import static peregrine.ui.kanban.internal.BoardHarness.button;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

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

/** The board driven by real key events under Xvfb, as a keyboard user drives it. */
class KeyboardTest extends DisplayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    @TempDir
    Path dir;

    private BoardHarness harness;
    private final List<ServiceRegistration<CalendarProvider>> registrations = new ArrayList<>();
    /** Puts the user's plan back as it was before {@link #paidPlan()}, or null. */
    private Runnable planBefore;

    @AfterEach
    void closeBoard() {
        if (harness != null) {
            harness.close();
        }
        registrations.forEach(ServiceRegistration::unregister);
        if (planBefore != null) {
            planBefore.run();
        }
    }

    @Test
    void theBoardGivesItsFocusToAFirstCardAndUpAndDownMoveWithinAColumnAndLeftAndRightToTheNextColumnWithCards()
            throws JobStoreException {
        JobStore store = store();
        long first = store.add(new NewJob("First", "Acme", "", Stage.APPLIED));
        long second = store.add(new NewJob("Second", "Acme", "", Stage.APPLIED));
        long interviewing = store.add(new NewJob("Onsite", "Initech", "", Stage.INTERVIEWING));
        List<Long> applied = store.board().get(Stage.APPLIED).stream().map(Job::id).toList();
        assertEquals(List.of(first, second).stream().sorted().toList(), applied.stream().sorted().toList());
        open(store);

        // As the workbench does on activating the part.
        harness.shell.forceActive();
        harness.waitUntil("the board's shell is active", () -> display.getActiveShell() == harness.shell);
        harness.part.setFocus();
        // The sections make the cards around the view a frame later, moving the focused card's parent.
        harness.waitForTheBoard();
        awaitFocusOn(applied.get(0));
        harness.key(SWT.ARROW_DOWN);
        awaitFocusOn(applied.get(1));
        harness.key(SWT.ARROW_DOWN);
        harness.key(SWT.ARROW_UP);
        awaitFocusOn(applied.get(0));
        // Phone Screen, between them, has no cards.
        harness.key(SWT.ARROW_RIGHT);
        awaitFocusOn(interviewing);
        harness.key(SWT.ARROW_RIGHT);
        harness.key(SWT.ARROW_LEFT);
        awaitFocusOn(applied.get(0));
    }

    @Test
    void fromACardsButtonWhereTabLandsTheArrowsGoOnToTheNextCard() throws JobStoreException {
        JobStore store = store();
        long first = store.add(new NewJob("First", "Acme", "", Stage.APPLIED));
        long second = store.add(new NewJob("Second", "Acme", "", Stage.APPLIED));
        long interviewing = store.add(new NewJob("Onsite", "Initech", "", Stage.INTERVIEWING));
        List<Long> applied = store.board().get(Stage.APPLIED).stream().map(Job::id).toList();
        open(store);

        harness.focus(button(harness.card(applied.get(0)), "Reject").orElseThrow());
        harness.key(SWT.ARROW_DOWN);
        awaitFocusOn(applied.get(1));
        harness.focus(button(harness.card(applied.get(1)), "Reject").orElseThrow());
        harness.key(SWT.ARROW_RIGHT);
        awaitFocusOn(interviewing);
        assertTrue(List.of(first, second).containsAll(applied));
    }

    @Test
    void inTheRejectedSectionAcrossTheBoardLeftAndRightMoveToTheCardBeside() throws JobStoreException {
        JobStore store = store();
        for (String title : List.of("One", "Two", "Three")) {
            store.reject(store.add(new NewJob(title, "Acme", "", Stage.APPLIED)));
        }
        List<Long> rejected = store.board().get(Stage.REJECTED).stream().map(Job::id).toList();
        open(store);
        harness.expandRejected();
        harness.waitForTheBoard();

        harness.focus(harness.card(rejected.get(0)));
        harness.key(SWT.ARROW_RIGHT);
        awaitFocusOn(rejected.get(1));
        harness.key(SWT.ARROW_RIGHT);
        awaitFocusOn(rejected.get(2));
        harness.key(SWT.ARROW_LEFT);
        awaitFocusOn(rejected.get(1));
        harness.key(SWT.HOME);
        awaitFocusOn(rejected.get(0));
    }

    @Test
    void theArrowsGoPastTheCardsMadeInALongColumnMakingTheNextOnesAndScrollingThemIntoView() throws Exception {
        JobStore store = store();
        for (int i = 0; i < 80; i++) {
            store.add(new NewJob(String.format("Job %02d", i), "Acme", "", Stage.APPLIED));
        }
        List<Long> order = store.board().get(Stage.APPLIED).stream().map(Job::id).toList();
        open(store);
        int made = cardsIn(BoardColumn.PRE_PIPELINE).size();
        assertTrue(made < order.size() / 2, made + " cards made of " + order.size());

        harness.focus(harness.card(order.get(0)));
        for (int i = 1; i <= made + 5; i++) {
            harness.key(SWT.ARROW_DOWN);
            awaitFocusOn(order.get(i));
            assertWhollyInView(order.get(i));
        }
        harness.key(SWT.END);
        awaitFocusOn(order.get(order.size() - 1));
        assertWhollyInView(order.get(order.size() - 1));
        harness.key(SWT.HOME);
        awaitFocusOn(order.get(0));
        assertWhollyInView(order.get(0));
    }

    @Test
    void enterAndKeypadEnterOnAFocusedCardRunTheOpenCommandWithThatCardsJobId() throws JobStoreException {
        JobStore store = store();
        long first = store.add(new NewJob("First", "Acme", "", Stage.PHONE_SCREEN));
        long second = store.add(new NewJob("Second", "Acme", "", Stage.INTERVIEWING));
        harness = new BoardHarness(display, store).recordOpenedJobs().open();

        harness.focus(harness.card(first));
        harness.key(SWT.CR);
        harness.waitUntil("the open command ran", () -> harness.opened.size() == 1);
        harness.focus(harness.card(second));
        harness.key(SWT.KEYPAD_CR);
        harness.waitUntil("the open command ran again", () -> harness.opened.size() == 2);

        assertEquals(List.of(Long.toString(first), Long.toString(second)), harness.opened);
    }

    @Test
    void theFocusedCardIsTheSelectionAndDrawsARingInTheSelectionColour() throws JobStoreException {
        JobStore store = store();
        store.add(new NewJob("First", "Acme", "", Stage.PHONE_SCREEN));
        store.add(new NewJob("Second", "Acme", "", Stage.PHONE_SCREEN));
        List<Long> order = store.board().get(Stage.PHONE_SCREEN).stream().map(Job::id).toList();
        long first = order.get(0);
        long second = order.get(1);
        open(store);
        RGB ring = display.getSystemColor(SWT.COLOR_LIST_SELECTION).getRGB();
        Composite card = harness.card(first);
        assertNotEquals(ring, ringPixel(card), "not focused, no ring");

        harness.focus(card);
        harness.waitUntil("the focused card draws its ring", () -> ring.equals(ringPixel(card)));
        assertEquals(first, ((Job) harness.context.get(IServiceConstants.ACTIVE_SELECTION)).id());

        harness.key(SWT.ARROW_DOWN);
        awaitFocusOn(second);
        harness.waitUntil("the ring follows the focus", () -> ring.equals(ringPixel(harness.card(second)))
                && !ring.equals(ringPixel(card)));
        assertEquals(second, ((Job) harness.context.get(IServiceConstants.ACTIVE_SELECTION)).id());
    }

    @Test
    void ctrlShiftCPushesTheFocusedCardWithoutAClick() throws Exception {
        paidPlan();
        // The push service writes to the runtime's store: the board must show that one.
        JobStore store = BoardHarness.service(JobStore.class);
        long first = datedJob(store, "Keyboard first");
        long second = datedJob(store, "Keyboard second");
        FakeCalendar calendar = new FakeCalendar();
        registrations.add(FrameworkUtil.getBundle(KeyboardTest.class).getBundleContext()
                .registerService(CalendarProvider.class, calendar, null));
        open(store);

        harness.focus(harness.card(second));
        harness.key('c', SWT.MOD1, SWT.MOD2);
        harness.waitUntil("the focused card's interview is on the calendar",
                () -> uncheckedJob(store, second).calendarLink().isPresent());
        harness.waitForTheBoard();

        assertEquals(1, calendar.events.size());
        assertEquals(Optional.empty(), store.job(first).calendarLink());
        assertEquals(second, ((Job) harness.context.get(IServiceConstants.ACTIVE_SELECTION)).id());
        harness.waitUntil("the card drawn anew keeps the focus",
                () -> display.getFocusControl() == harness.card(second));
    }

    @Test
    void tabLeavesTheDateFieldForTheNextFieldAndShiftTabComesBackAndLeavesItBackwards() throws JobStoreException {
        JobStore store = store();
        long id = datedJob(store, "Dated");
        open(store);
        harness.focus(harness.card(id));
        harness.openDateEntry(id);
        DateTime date = all(harness.card(id), DateTime.class).get(0);
        harness.waitUntil("the date field has the focus", () -> display.getFocusControl() == date);

        harness.key('\t');
        harness.waitUntil("the focus left the date field", () -> display.getFocusControl() != date);
        Control next = display.getFocusControl();
        assertTrue(next instanceof Button box && (box.getStyle() & SWT.CHECK) != 0,
                "the focus is on the next field, the check box for a time: " + next);
        harness.key('\t', SWT.SHIFT);
        harness.waitUntil("the focus is back in the date field", () -> display.getFocusControl() == date);
        harness.waitForTheBoard();
        assertSame(date, display.getFocusControl(), "the release of Shift+Tab, pressed in the check box, does not move on");
        harness.key('\t', SWT.SHIFT);
        harness.waitUntil("Shift+Tab left the date field backwards", () -> display.getFocusControl() != date
                && display.getFocusControl() != next);
    }

    /** The fields of the entry, by their place in it: the date, the check box for a time, the time, the minutes, the place. */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4 })
    void returnInEveryFieldOfTheDateEntrySavesAndEscapeCancels(int field) throws Exception {
        JobStore store = store();
        long id = datedJob(store, "Dated");
        open(store);

        Control returnIn = openEntryAt(id, field);
        DateTime date = all(harness.card(id), DateTime.class).get(0);
        date.setDate(2027, 0, 15);
        harness.focus(returnIn);
        harness.key(SWT.CR);
        harness.waitUntil("Return saved the entry", () -> uncheckedJob(store, id).interview()
                .map(slot -> slot.date().equals(LocalDate.of(2027, 1, 15))).orElse(false));
        harness.waitForTheBoard();
        assertTrue(all(harness.card(id), DateTime.class).isEmpty(), "the entry is closed");

        Control escapeIn = openEntryAt(id, field);
        all(harness.card(id), DateTime.class).get(0).setDate(2027, 5, 1);
        harness.focus(escapeIn);
        harness.key(SWT.ESC);
        harness.waitUntil("Escape closed the entry", () -> all(harness.card(id), DateTime.class).stream()
                .noneMatch(Control::isVisible));
        harness.waitForTheBoard();
        assertEquals(LocalDate.of(2027, 1, 15), store.job(id).interview().orElseThrow().date(), "nothing saved");
    }

    @Test
    void cardsAndTheirButtonsHaveAccessibleNamesThatSayWhatTheyAreAndDo() throws Exception {
        paidPlan();
        JobStore store = store();
        long id = store.add(new NewJob("Staff Engineer", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
        store.putCalendarLink(id, new CalendarLink("fake_calendar", "e1"));
        registrations.add(FrameworkUtil.getBundle(KeyboardTest.class).getBundleContext()
                .registerService(CalendarProvider.class, new FakeCalendar("fake_calendar", "Apple Calendar"), null));
        open(store);
        Composite card = harness.card(id);

        assertEquals("Staff Engineer at Acme, Phone Screen, Interview on " + InterviewRow.DATE.format(DAY)
                + ", on Apple Calendar, calendar out of date", accessibleName(card),
                "the link stored has no record of what was sent, so the card offers an update");
        assertEquals("Update the calendar events of the interview for Staff Engineer at Acme",
                accessibleName(harness.calendarButton(id).orElseThrow()));
        assertEquals("Move Staff Engineer at Acme to Interviewing",
                accessibleName(button(card, "\u2192 Interviewing").orElseThrow()));
        assertEquals("Reject Staff Engineer at Acme", accessibleName(button(card, "Reject").orElseThrow()));
        assertEquals("Open the listing of Staff Engineer at Acme",
                accessibleName(button(card, "Open listing").orElseThrow()));
        assertEquals("Remove the interview for Staff Engineer at Acme from Apple Calendar",
                accessibleName(button(card, CardCalendarActions.REMOVE).orElseThrow()));
        assertEquals("Export the interview for Staff Engineer at Acme as an iCalendar file",
                accessibleName(button(card, CardCalendarActions.EXPORT).orElseThrow()));
    }

    // --- helpers

    /** Gives the user the paid plan, which pushes to calendars, until the test ends. */
    private void paidPlan() throws IOException {
        Path user = BoardHarness.service(WorkbenchSettings.class).configDirectory().resolve("user.yaml");
        Optional<String> before = Files.exists(user) ? Optional.of(Files.readString(user)) : Optional.empty();
        Files.createDirectories(user.getParent());
        Files.writeString(user, "tier: paid\n");
        planBefore = () -> {
            try {
                if (before.isPresent()) {
                    Files.writeString(user, before.get());
                } else {
                    Files.deleteIfExists(user);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private JobStore store() {
        return SqliteJobStores.open(dir.resolve("staging.db"));
    }

    private void open(JobStore store) {
        harness = new BoardHarness(display, store).open();
        harness.waitForTheBoard();
    }

    private static long datedJob(JobStore store, String title) throws JobStoreException {
        long id = store.add(new NewJob(title, "Acme", "", Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
        return id;
    }

    /** Opens the date entry of job {@code id}; @return its field number {@code field}, enabled to take the focus */
    private Control openEntryAt(long id, int field) {
        harness.openDateEntry(id);
        Composite card = harness.card(id);
        Button timed = all(card, Button.class).stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0).findFirst()
                .orElseThrow();
        if (field == 2 || field == 3) {
            timed.setSelection(true);
            timed.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
        List<DateTime> dates = all(card, DateTime.class);
        return switch (field) {
            case 0 -> dates.get(0);
            case 1 -> timed;
            case 2 -> dates.get(1);
            case 3 -> all(card, Spinner.class).get(0);
            default -> all(card, Text.class).get(0);
        };
    }

    private void awaitFocusOn(long id) {
        harness.waitUntil("the focus is on the card of job " + id, () -> display.getFocusControl() != null
                && display.getFocusControl().getData() instanceof Job job && job.id() == id);
    }

    private List<Composite> cardsIn(BoardColumn column) {
        Composite section = all(harness.shell, Composite.class).stream().filter(c -> c.getData() == column)
                .findFirst().orElseThrow();
        return all(section, Composite.class).stream().filter(c -> c.getData() instanceof Job).toList();
    }

    private void assertWhollyInView(long id) {
        harness.waitForTheBoard();
        Composite card = harness.card(id);
        Composite view = card.getParent().getParent();
        Rectangle onView = display.map(card.getParent(), view, card.getBounds());
        Rectangle area = view.getClientArea();
        assertTrue(area.contains(onView.x, onView.y) && area.contains(onView.x, onView.y + onView.height - 1),
                "card of job " + id + " at " + onView + " in a view of " + area);
    }

    /** @return the colour of the card's pixel where its focus ring lies, inside its border */
    private RGB ringPixel(Composite card) {
        card.update();
        Rectangle area = card.getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(card);
        try {
            gc.copyArea(image, area.x, area.y);
            var data = image.getImageData();
            return data.palette.getRGB(data.getPixel(BoardNavigation.RING_WIDTH / 2, area.height / 2));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static Job uncheckedJob(JobStore store, long id) {
        try {
            return store.job(id);
        } catch (JobStoreException e) {
            throw new AssertionError(e);
        }
    }
}
