package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarPushService;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/** The upcoming interviews part in a real shell over a real SQLite file. */
class UpcomingPartTest extends DisplayTest {

    /** The side stack's share (26 %) of a window 1280 pixels wide, its borders taken off. */
    private static final int SIDE_STACK_WIDTH = 320;

    @TempDir
    Path dir;

    private JobStore store;
    private BoardHarness harness;

    @BeforeEach
    void openStore() {
        store = SqliteJobStores.open(dir.resolve("staging.db"));
        harness = new BoardHarness(display, store);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void listsThePhoneScreenAndInterviewingJobsWithADateSoonestFirstAndGreysThePastOnes() throws Exception {
        LocalDate today = LocalDate.now();
        ZoneId here = ZoneId.systemDefault();
        long nextWeek = dated("Next week", Stage.INTERVIEWING, InterviewSlot.onDate(today.plusDays(7)));
        long tomorrowLate = dated("Tomorrow late", Stage.PHONE_SCREEN, new InterviewSlot(today.plusDays(1),
                Optional.of(LocalTime.of(16, 0)), Optional.of(here), Optional.of(Duration.ofMinutes(30))));
        long tomorrowEarly = dated("Tomorrow early", Stage.INTERVIEWING, new InterviewSlot(today.plusDays(1),
                Optional.of(LocalTime.of(8, 15)), Optional.of(here), Optional.empty()));
        long lastWeek = dated("Last week", Stage.PHONE_SCREEN, InterviewSlot.onDate(today.minusDays(7)));
        long todayUntimed = dated("Today", Stage.PHONE_SCREEN, InterviewSlot.onDate(today));
        store.add(new NewJob("No date", "Acme", "", Stage.PHONE_SCREEN));
        dated("An offer", Stage.INTERVIEWING, InterviewSlot.onDate(today.plusDays(2)));
        store.move(store.list(Optional.empty()).stream().filter(j -> j.title().equals("An offer")).findFirst().orElseThrow().id(),
                Stage.OFFER);
        dated("Rejected", Stage.INTERVIEWING, InterviewSlot.onDate(today.plusDays(3)));
        store.reject(store.list(Optional.empty()).stream().filter(j -> j.title().equals("Rejected")).findFirst().orElseThrow().id());

        harness.openUpcoming();

        Table table = table();
        assertEquals(List.of("Last week", "Today", "Tomorrow early", "Tomorrow late", "Next week"), column(table, 2));
        assertEquals(List.of("Phone Screen", "Phone Screen", "Interviewing", "Phone Screen", "Interviewing"), column(table, 4));
        assertEquals(List.of(InterviewRow.DATE.format(today.minusDays(7)), InterviewRow.DATE.format(today),
                InterviewRow.DATE.format(today.plusDays(1)), InterviewRow.DATE.format(today.plusDays(1)),
                InterviewRow.DATE.format(today.plusDays(7))), column(table, 0));
        assertEquals(List.of("", "", InterviewRow.TIME.format(LocalTime.of(8, 15)), InterviewRow.TIME.format(LocalTime.of(16, 0)), ""),
                column(table, 1));
        Color gray = display.getSystemColor(SWT.COLOR_DARK_GRAY);
        assertEquals(gray, table.getItem(0).getForeground(2), "last week's interview is past");
        for (int row = 1; row < table.getItemCount(); row++) {
            assertNotEquals(gray, table.getItem(row).getForeground(2), "row " + row + " is not past: an untimed interview today is not");
        }
        CalendarPushService push = BoardHarness.service(CalendarPushService.class);
        for (long id : List.of(lastWeek, todayUntimed, tomorrowEarly, tomorrowLate, nextWeek)) {
            assertEquals(UpcomingInterview.calendarState(push.offer(store.job(id))),
                    rowOf(table, store.job(id).title()).getText(5), "the push service's offer, in the board's words");
        }
    }

    @Test
    void itOpensScrolledToTheNextInterviewWithThePastOnesAboveIt() throws Exception {
        LocalDate today = LocalDate.now();
        for (int i = 40; i > 0; i--) {
            dated("Past " + i, Stage.PHONE_SCREEN, InterviewSlot.onDate(today.minusDays(i)));
        }
        for (int i = 1; i <= 40; i++) {
            dated(i == 1 ? "Next" : "Future " + i, Stage.INTERVIEWING, InterviewSlot.onDate(today.plusDays(i)));
        }

        harness.openUpcoming();
        Table table = table();

        assertEquals(40, table.getTopIndex());
        assertEquals("Next", table.getItem(table.getTopIndex()).getText(2));
    }

    @Test
    void aChangeToTheJobsAnnouncedByAnotherViewOrRefreshReadsThemAgain() throws Exception {
        dated("First", Stage.PHONE_SCREEN, InterviewSlot.onDate(LocalDate.now().plusDays(2)));
        harness.openUpcoming();
        assertEquals(List.of("First"), column(table(), 2));

        dated("Sooner", Stage.INTERVIEWING, InterviewSlot.onDate(LocalDate.now().plusDays(1)));
        BoardHarness.service(EventAdmin.class).postEvent(new Event(JobsChanged.TOPIC, Map.of(JobsChanged.ORIGIN, "another view")));
        harness.waitUntil("the new interview listed", () -> table().getItemCount() == 2);
        harness.waitForTheBoard();
        assertEquals(List.of("Sooner", "First"), column(table(), 2));

        dated("Soonest", Stage.INTERVIEWING, InterviewSlot.onDate(LocalDate.now()));
        ContextInjectionFactory.invoke(new UpcomingRefreshHandler(), Execute.class, harness.upcomingContext);
        harness.waitForTheBoard();
        assertEquals(List.of("Soonest", "Sooner", "First"), column(table(), 2));
    }

    @Test
    void aMoveOnTheBoardIsListedAtOnce() throws Exception {
        long id = dated("Moving on", Stage.PHONE_SCREEN, InterviewSlot.onDate(LocalDate.now().plusDays(4)));
        harness.open();
        harness.openUpcoming();
        assertEquals(List.of("Phone Screen"), column(table(), 4));

        BoardHarness.press(BoardHarness.button(harness.card(id), "\u2192 Interviewing").orElseThrow());

        harness.waitUntil("the upcoming list shows the job's new stage", () -> column(table(), 4).equals(List.of("Interviewing")));
    }

    @Test
    void theCalendarStateIsTheBoardsWordsForThePushServicesOffer() {
        CalendarOffer.Placement google = new CalendarOffer.Placement("google_calendar", "Google Calendar", "e1", true);
        CalendarOffer.Placement icloud = new CalendarOffer.Placement("apple_calendar", "iCloud", "e2", false);
        assertEquals(InterviewRow.ON_CALENDAR + "Google Calendar",
                UpcomingInterview.calendarState(new CalendarOffer(Optional.empty(), List.of(google), List.of("google_calendar"))));
        assertEquals(InterviewRow.OUT_OF_DATE + "iCloud", UpcomingInterview.calendarState(
                new CalendarOffer(Optional.empty(), List.of(google, icloud), List.of("google_calendar"))));
        assertEquals("Calendar integrations need the paid plan.", UpcomingInterview.calendarState(
                new CalendarOffer(Optional.of("Calendar integrations need the paid plan."), List.of(), List.of())));
        assertEquals(InterviewRow.ADD_TO_CALENDAR,
                UpcomingInterview.calendarState(new CalendarOffer(Optional.empty(), List.of(), List.of("google_calendar"))));
    }

    @Test
    void everyColumnShowsAtTheWidthOfTheSideStackAndTheWordsWidenWithThePart() throws Exception {
        LocalDate day = LocalDate.of(LocalDate.now().getYear() + 1, 9, 28);
        for (int i = 0; i < 30; i++) {
            long id = store.add(new NewJob("Senior Site Reliability Engineer, Payments Infrastructure " + i,
                    "Initech Global Holdings", "", Stage.INTERVIEWING));
            store.setInterview(id, Optional.of(new InterviewSlot(day.plusDays(i), Optional.of(LocalTime.of(22, 58)),
                    Optional.of(ZoneId.systemDefault()), Optional.empty())));
        }
        harness.openUpcoming();
        Table table = table();

        resize(table, SIDE_STACK_WIDTH);
        int[] narrow = widths(table);
        Rectangle area = table.getClientArea();
        assertTrue(table.getVerticalBar().isVisible(), "30 rows scroll up and down, as a busy list does");
        assertTrue(rightEdge(table) <= area.width, "the columns end at " + rightEdge(table) + ", in a table of "
                + area.width + " pixels: " + Arrays.toString(narrow));
        // GTK overlays its scroll bars, always "visible": what counts is whether there is anything to scroll to.
        ScrollBar sideways = table.getHorizontalBar();
        assertTrue(sideways.getMaximum() - sideways.getMinimum() <= sideways.getThumb(), "nothing to scroll to sideways");
        GC gc = new GC(table);
        try {
            for (int column : List.of(0, 1)) {
                String text = table.getItem(0).getText(column);
                assertTrue(narrow[column] > gc.textExtent(text).x, table.getColumn(column).getText() + " " + text
                        + " is whole in " + narrow[column] + " pixels");
            }
        } finally {
            gc.dispose();
        }

        resize(table, 2 * SIDE_STACK_WIDTH);
        int[] wide = widths(table);
        for (int column : List.of(2, 3, 4, 5)) {
            assertTrue(wide[column] > narrow[column], table.getColumn(column).getText() + " widens with the part: "
                    + Arrays.toString(narrow) + " to " + Arrays.toString(wide));
        }
        assertTrue(rightEdge(table) <= table.getClientArea().width, "the columns still end inside the table");
    }

    @Test
    void theTableTakesTheKeyboardFocusWhenThePartIsActivated() {
        harness.openUpcoming();
        table().getShell().forceActive();
        harness.upcoming.setFocus();
        harness.waitUntil("the focus in the table", () -> display.getFocusControl() == table());
    }

    private long dated(String title, Stage stage, InterviewSlot slot) throws JobStoreException {
        long id = store.add(new NewJob(title, "Acme", "", stage));
        store.setInterview(id, Optional.of(slot));
        return id;
    }

    /** Makes the part {@code width} pixels wide, as moving the sash does, and waits for the table to follow. */
    private void resize(Table table, int width) {
        Shell shell = table.getShell();
        Rectangle trimmed = shell.computeTrim(0, 0, width, 400);
        shell.setSize(trimmed.width, trimmed.height);
        shell.layout(true, true);
        harness.waitUntil("the part is " + width + " pixels wide", () -> shell.getClientArea().width == width);
        harness.waitForTheBoard();
    }

    private static int[] widths(Table table) {
        return Arrays.stream(table.getColumns()).mapToInt(TableColumn::getWidth).toArray();
    }

    /** @return where the last column ends, from the table's left edge */
    private static int rightEdge(Table table) {
        return Arrays.stream(table.getColumnOrder()).map(index -> table.getColumn(index).getWidth()).sum();
    }

    private Table table() {
        return BoardHarness.all(harness.upcomingContext.get(org.eclipse.swt.widgets.Composite.class), Table.class).get(0);
    }

    private static List<String> column(Table table, int index) {
        return Arrays.stream(table.getItems()).map(item -> item.getText(index)).toList();
    }

    private static TableItem rowOf(Table table, String title) {
        return Arrays.stream(table.getItems()).filter(item -> item.getText(2).equals(title)).findFirst().orElseThrow();
    }
}
