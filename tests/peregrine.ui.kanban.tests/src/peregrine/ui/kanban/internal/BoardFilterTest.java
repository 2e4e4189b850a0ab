package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import peregrine.jobs.BoardColumn;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/** The board's filter bar and the order of its interview columns, driven with real key events over a real SQLite file. */
class BoardFilterTest extends DisplayTest {

    @TempDir
    Path dir;

    private JobStore store;
    private BoardHarness harness;

    @BeforeEach
    void openStore() {
        store = SqliteJobStores.open(dir.resolve("staging.db"));
    }

    @AfterEach
    void closeBoard() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void typingFiltersByTitleCompanyLocationAndNotesAndTheCountsFollowWhileEscapeClears() throws Exception {
        long designer = store.add(new NewJob("Designer", "Acme", "", Stage.APPLIED));
        long globex = store.add(new NewJob("Engineer", "Globex", "", Stage.PHONE_SCREEN));
        long lisbon = store.add(new NewJob("Engineer", "Initech", "", Stage.INTERVIEWING));
        long noted = store.add(new NewJob("Analyst", "Umbrella", "", Stage.APPLIED));
        write(lisbon, "location", "Lisbon, Portugal");
        write(noted, "notes", "Referred by Dana from Globex");
        harness = new BoardHarness(display, store).open();

        typeInTheField("designer");
        assertShown(List.of(designer), List.of(), List.of());
        typeInTheField("globex");
        assertShown(List.of(noted), List.of(globex), List.of());
        typeInTheField("lisbon");
        assertShown(List.of(), List.of(), List.of(lisbon));
        typeInTheField("engineer");
        assertShown(List.of(), List.of(globex), List.of(lisbon));
        assertEquals("Applied (0)", harness.heading(BoardColumn.PRE_PIPELINE));
        assertEquals("Phone Screen (1)", harness.heading(BoardColumn.PHONE_SCREEN));
        assertEquals("Interviewing (1)", harness.heading(BoardColumn.INTERVIEWING));

        harness.key(SWT.ESC);
        harness.waitUntil("Escape clears the field", () -> harness.findField().getText().isEmpty());
        harness.waitForTheBoard();
        assertShown(List.of(noted, designer), List.of(globex), List.of(lisbon));
        assertEquals("Applied (2)", harness.heading(BoardColumn.PRE_PIPELINE));
    }

    @Test
    void aSelectedCardTheFilterHidesIsNoLongerTheSelectionSoCommandsOnTheSelectionCannotReachIt() throws Exception {
        long designer = store.add(new NewJob("Designer", "Acme", "", Stage.APPLIED));
        store.add(new NewJob("Engineer", "Globex", "", Stage.APPLIED));
        harness = new BoardHarness(display, store).open();
        harness.focus(harness.card(designer));
        harness.waitUntil("the designer's card is the selection",
                () -> harness.context.get(IServiceConstants.ACTIVE_SELECTION) instanceof Job job && job.id() == designer);

        typeInTheField("engineer");
        harness.waitForTheBoard();

        assertEquals(null, harness.context.get(IServiceConstants.ACTIVE_SELECTION), "the hidden card is not selected");
        assertFalse(new PushToCalendarHandler().canExecute(null, null, harness.context.get(BoardController.class)));
    }

    @Test
    void theStageChoiceNarrowsTheBoardToOneStageAlsoWithText() throws Exception {
        long applied = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        long survey = store.add(new NewJob("Engineer", "Globex", "", Stage.SURVEY));
        long screen = store.add(new NewJob("Engineer", "Initech", "", Stage.PHONE_SCREEN));
        long other = store.add(new NewJob("Designer", "Initech", "", Stage.PHONE_SCREEN));
        harness = new BoardHarness(display, store).open();

        choose(Stage.SURVEY);
        assertShown(List.of(survey), List.of(), List.of());
        assertEquals("Applied (1)", harness.heading(BoardColumn.PRE_PIPELINE));
        choose(Stage.PHONE_SCREEN);
        assertShown(List.of(), List.of(other, screen), List.of());
        typeInTheField("engineer");
        assertShown(List.of(), List.of(screen), List.of());

        harness.key(SWT.ESC);
        harness.waitUntil("Escape clears the field", () -> harness.findField().getText().isEmpty());
        harness.waitForTheBoard();
        assertEquals(BoardFilter.ALL_STAGES, harness.stageChoice().getText(), "Escape clears the stage too");
        assertShown(List.of(applied, survey), List.of(other, screen), List.of());
    }

    @Test
    void theFindCommandPutsTheFocusInTheSearchField() {
        harness = new BoardHarness(display, store).open();
        harness.shell.forceActive();
        harness.waitUntil("the board's shell is active", () -> display.getActiveShell() == harness.shell);

        ContextInjectionFactory.invoke(new FindHandler(), Execute.class, harness.context);

        harness.waitUntil("the focus in the search field", () -> display.getFocusControl() == harness.findField());
    }

    @Test
    void aSlowAnswerToAnOlderSearchDoesNotOverwriteTheAnswerToANewerOne() throws Exception {
        long design = store.add(new NewJob("Designer", "Acme", "", Stage.APPLIED));
        long developer = store.add(new NewJob("Developer", "Globex", "", Stage.APPLIED));
        CountDownLatch slowAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobStore slow = withSlowFind(store, "de", slowAsked, release);
        harness = new BoardHarness(display, slow).open();
        try {
            harness.focus(harness.findField());
            harness.type("de");
            harness.waitUntil("the search for \"de\" is under way", () -> slowAsked.getCount() == 0);
            harness.type("s");
            harness.waitUntil("the board shows the search for \"des\"", () -> "Applied (1)".equals(harness.heading(BoardColumn.PRE_PIPELINE)));
        } finally {
            release.countDown();
        }
        harness.waitForTheBoard();
        assertEquals("des", harness.findField().getText());
        assertEquals("Applied (1)", harness.heading(BoardColumn.PRE_PIPELINE), "the answer for \"de\" came last, and is dropped");
        assertEquals(List.of(design), harness.idsIn(BoardColumn.PRE_PIPELINE));
        assertTrue(developer != design);
    }

    @Test
    void theInterviewColumnsAreSortedByDateAndTimeWithUndatedJobsLast() throws Exception {
        LocalDate day = LocalDate.now().plusDays(3);
        ZoneId here = ZoneId.systemDefault();
        long undated = add("Undated", Stage.PHONE_SCREEN);
        long late = add("Late", Stage.PHONE_SCREEN);
        long morning = add("Morning", Stage.PHONE_SCREEN);
        long wholeDay = add("Whole day", Stage.PHONE_SCREEN);
        long early = add("Early", Stage.PHONE_SCREEN);
        store.setInterview(late, Optional.of(InterviewSlot.onDate(day.plusDays(7))));
        store.setInterview(morning, Optional.of(new InterviewSlot(day, Optional.of(LocalTime.of(9, 30)), Optional.of(here),
                Optional.of(Duration.ofMinutes(30)))));
        store.setInterview(wholeDay, Optional.of(InterviewSlot.onDate(day)));
        store.setInterview(early, Optional.of(InterviewSlot.onDate(day.minusDays(1))));
        long second = add("Second", Stage.INTERVIEWING);
        long first = add("First", Stage.INTERVIEWING);
        long none = add("None", Stage.INTERVIEWING);
        store.setInterview(second, Optional.of(InterviewSlot.onDate(day.plusDays(1))));
        store.setInterview(first, Optional.of(InterviewSlot.onDate(day)));
        long older = add("Older", Stage.APPLIED);
        long newer = add("Newer", Stage.APPLIED);

        harness = new BoardHarness(display, store).open();

        assertEquals(List.of(early, morning, wholeDay, late, undated), harness.idsIn(BoardColumn.PHONE_SCREEN));
        assertEquals(List.of(first, second, none), harness.idsIn(BoardColumn.INTERVIEWING));
        assertEquals(List.of(newer, older), harness.idsIn(BoardColumn.PRE_PIPELINE), "the other columns stay newest first");
    }

    @Test
    void typingAtTenThousandJobs() throws Exception {
        int total = 10_000;
        store.board();
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("staging.db"));
        try (Connection c = source.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO jobs (title, company, location, notes, source, status,"
                        + " date_found, applied_at) VALUES (?, ?, 'Berlin', ?, 'manual', 'applied', '2026-11-02', '2026-11-02T09:00')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < total; i++) {
                insert.setString(1, String.format("Job %05d", i));
                insert.setString(2, i % 100 == 0 ? "Logistik Müller" : "Company " + i % 977);
                insert.setString(3, "Applied through the careers page; follow up in two weeks.");
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
        harness = new BoardHarness(display, store).open();
        assertEquals("Applied (" + total + ")", harness.heading(BoardColumn.PRE_PIPELINE));
        Text field = harness.findField();
        harness.focus(field);

        String word = "logistik";
        List<Long> echo = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        List<Long> finds = new ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            String typed = word.substring(0, i + 1);
            long asked = System.nanoTime();
            int expected = store.find(typed).size();
            finds.add(System.nanoTime() - asked);
            long started = System.nanoTime();
            harness.type(word.substring(i, i + 1));
            harness.waitUntil("the field echoes " + typed, () -> field.getText().equals(typed));
            echo.add(System.nanoTime() - started);
            harness.waitForTheAnswers();
            harness.shell.update();
            shown.add(System.nanoTime() - started);
            assertEquals("Applied (" + expected + ")", harness.heading(BoardColumn.PRE_PIPELINE), typed);
            harness.waitForTheBoard();
        }
        assertEquals("Applied (100)", harness.heading(BoardColumn.PRE_PIPELINE));

        harness.key(SWT.ESC);
        long cleared = System.nanoTime();
        harness.waitUntil("the board unfiltered", () -> ("Applied (" + total + ")").equals(harness.heading(BoardColumn.PRE_PIPELINE)));
        harness.shell.update();
        long clearMillis = millis(System.nanoTime() - cleared);

        System.out.println("peregrine: filter at " + total + " jobs: keystroke to echo " + summary(echo) + "; keystroke to board shown "
                + summary(shown) + " (of which " + BoardFilter.PAUSE_MILLIS + " ms is the pause after typing, and the store's find alone takes "
                + summary(finds) + "); Escape to the whole board "
                + clearMillis + " ms");
    }

    // --- helpers

    private long add(String title, Stage stage) throws JobStoreException {
        return store.add(new NewJob(title, "Acme", "", stage));
    }

    /** Replaces what the field holds by {@code text}, typed key by key, and waits for the board to show the answer. */
    private void typeInTheField(String text) {
        Text field = harness.findField();
        harness.focus(field);
        if (!field.getText().isEmpty()) {
            harness.key(SWT.ESC);
            harness.waitUntil("Escape clears the field", () -> field.getText().isEmpty());
        }
        harness.type(text);
        harness.waitUntil("the field shows " + text, () -> field.getText().equals(text));
        harness.waitForTheBoard();
    }

    private void choose(Stage stage) {
        Combo choice = harness.stageChoice();
        choice.select(List.of(choice.getItems()).indexOf(stage.label()));
        choice.notifyListeners(SWT.Selection, new Event());
        harness.waitForTheBoard();
    }

    private void assertShown(List<Long> applied, List<Long> phoneScreen, List<Long> interviewing) {
        assertEquals(applied, harness.idsIn(BoardColumn.PRE_PIPELINE), "Applied");
        assertEquals(phoneScreen, harness.idsIn(BoardColumn.PHONE_SCREEN), "Phone Screen");
        assertEquals(interviewing, harness.idsIn(BoardColumn.INTERVIEWING), "Interviewing");
    }

    private void write(long id, String column, String value) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("staging.db"));
        try (Connection c = source.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE jobs SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** {@code store}, whose find of {@code slowText} says it was asked and then waits for {@code release}. */
    private static JobStore withSlowFind(JobStore store, String slowText, CountDownLatch asked, CountDownLatch release) {
        return (JobStore) Proxy.newProxyInstance(BoardFilterTest.class.getClassLoader(), new Class<?>[] { JobStore.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("find") && slowText.equals(args[0])) {
                        asked.countDown();
                        assertTrue(release.await(BoardHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "released");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = nanos.stream().map(BoardFilterTest::millis).sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms over " + sorted.size()
                + " keys";
    }
}
