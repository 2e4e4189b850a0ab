package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.ui.kanban.internal.BoardHarness.all;
import static peregrine.ui.kanban.internal.BoardHarness.button;
import static peregrine.ui.kanban.internal.BoardHarness.press;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/**
 * Undo on the board: Ctrl+Z, typed as real key events, takes back a move, a reject or a date change in the store's
 * file, and refuses, writing nothing, when another process changed the job since; a reject asks first.
 */
class UndoTest extends DisplayTest {

    @TempDir
    Path dir;

    private Path file;
    private JobStore store;
    private BoardHarness harness;
    /** A job no test changes, whose card holds the keyboard focus while Ctrl+Z is typed. */
    private long bystander;

    @BeforeEach
    void openStore() throws JobStoreException {
        file = dir.resolve("staging.db");
        store = SqliteJobStores.open(file);
        bystander = store.add(new NewJob("Bystander", "Initech", "", Stage.APPLIED));
    }

    @AfterEach
    void closeBoard() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void ctrlZUndoesAMoveAndTheFileHoldsTheJobAsBefore() throws Exception {
        long id = store.add(new NewJob("Screening", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        List<String> before = row(id);
        openBoard();

        press(button(harness.card(id), "\u2192 Interviewing").orElseThrow());
        harness.waitForTheBoard();
        assertEquals(Stage.INTERVIEWING, store.job(id).stage().orElseThrow());
        assertEquals(Optional.of("Move to Interviewing"), harness.part.controller().undoLabel());

        undoByKey();

        assertEquals(before, row(id), "interviewing_at is NULL again");
        assertEquals(Optional.empty(), harness.part.controller().undoLabel());
        assertEquals(Stage.PHONE_SCREEN, ((peregrine.jobs.Job) harness.card(id).getData()).stage().orElseThrow());
    }

    @Test
    void ctrlZUndoesARejectAndTheFileHoldsTheJobAsBefore() throws Exception {
        long id = store.add(new NewJob("Interviewing", "Acme", "https://jobs.example/1", Stage.INTERVIEWING));
        List<String> before = row(id);
        openBoard();
        harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);

        press(button(harness.card(id), "Reject").orElseThrow());
        harness.waitForTheBoard();
        assertEquals(Stage.REJECTED, store.job(id).stage().orElseThrow());

        undoByKey();

        assertEquals(before, row(id), "status and rejection_stage as before");
        assertEquals(Stage.INTERVIEWING, ((peregrine.jobs.Job) harness.card(id).getData()).stage().orElseThrow());
    }

    @Test
    void ctrlZUndoesADateChangeAndTheFileHoldsTheEarlierDate() throws Exception {
        long id = store.add(new NewJob("Interviewing", "Acme", "https://jobs.example/1", Stage.INTERVIEWING));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 3))));
        List<String> before = row(id);
        openBoard();

        harness.openDateEntry(id);
        Composite card = harness.card(id);
        all(card, DateTime.class).get(0).setDate(2026, 11, 24);
        press(button(card, "Save").orElseThrow());
        harness.waitForTheBoard();
        assertEquals(Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 24))), store.job(id).interview());

        undoByKey();

        assertEquals(before, row(id));
        assertEquals(Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 3))), store.job(id).interview());
    }

    @Test
    void anUndoRefusedSinceAnotherProcessChangedTheJobSaysSoWritesNothingAndLeavesTheChangeBeforeToUndo() throws Exception {
        long earlier = store.add(new NewJob("Earlier", "Globex", "https://jobs.example/2", Stage.APPLIED));
        long id = store.add(new NewJob("Screening", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        List<String> earlierBefore = row(earlier);
        openBoard();
        press(button(harness.card(earlier), "\u2192 Phone Screen").orElseThrow());
        harness.waitForTheBoard();
        press(button(harness.card(id), "\u2192 Interviewing").orElseThrow());
        harness.waitForTheBoard();
        SqliteJobStores.open(file).setInterview(id, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 3))));
        List<String> changedElsewhere = row(id);

        undoByKey();

        assertEquals(changedElsewhere, row(id), "nothing written");
        String message = messageLine();
        assertTrue(message != null && message.startsWith("Undo Move to Interviewing: \u201cScreening\u201d")
                && message.contains("changed since"), message);
        assertEquals(Optional.of("Move to Phone Screen"), harness.part.controller().undoLabel(), "the refused change is dropped");

        undoByKey();

        assertEquals(earlierBefore, row(earlier));
        assertEquals(changedElsewhere, row(id));
    }

    @Test
    void anUndoOfAJobAnotherProcessDeletedSaysSoAndIsDropped() throws Exception {
        long id = store.add(new NewJob("Screening", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        openBoard();
        press(button(harness.card(id), "\u2192 Interviewing").orElseThrow());
        harness.waitForTheBoard();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            p.executeUpdate();
        }

        undoByKey();

        String message = messageLine();
        assertTrue(message != null && message.startsWith("Undo Move to Interviewing: "), message);
        assertEquals(Optional.empty(), harness.part.controller().undoLabel());
    }

    @Test
    void rejectAsksNamingTheJobAndCancelChangesNothing() throws Exception {
        long id = store.add(new NewJob("Interviewing", "Acme", "https://jobs.example/1", Stage.INTERVIEWING));
        List<String> before = row(id);
        openBoard();
        BoardHarness.Asked asked = harness.answer(RejectQuestion.TITLE, RejectQuestion.CANCEL);

        press(button(harness.card(id), "Reject").orElseThrow());
        harness.waitForTheBoard();
        harness.part.drop(Long.toString(id), peregrine.jobs.BoardColumn.REJECTED);
        harness.waitForTheBoard();

        assertEquals(2, asked.get(), "the card's Reject and a drop on Rejected both ask");
        assertTrue(asked.texts().stream().allMatch(text -> text.contains("Reject \u201cInterviewing\u201d at Acme?")), asked.texts().toString());
        assertEquals(before, row(id));
        assertEquals(Optional.empty(), harness.part.controller().undoLabel());
    }

    @Test
    void theUndoMenuItemNamesTheChangeItUndoesAndIsDisabledWithNothingToUndo() throws Exception {
        long id = store.add(new NewJob("Screening", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        openBoard();
        MHandledMenuItem item = MMenuFactory.INSTANCE.createHandledMenuItem();
        UndoHandler handler = new UndoHandler();
        assertEquals(false, handler.canExecute(null, harness.part.controller(), item));
        assertEquals(UndoHandler.LABEL, item.getLabel());
        harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);

        press(button(harness.card(id), "Reject").orElseThrow());
        harness.waitForTheBoard();

        assertEquals(true, handler.canExecute(null, harness.part.controller(), item));
        assertEquals("&Undo Reject", item.getLabel());
        assertEquals(false, handler.canExecute(null, null, null), "no board, nothing to undo");
    }

    // --- helpers

    private void openBoard() {
        harness = new BoardHarness(display, store).open();
        harness.bindKey(SWT.MOD1, 'z', UndoHandler.COMMAND_ID);
    }

    /** Types Ctrl+Z with the focus on a card the test does not change, and waits for the undo to be shown. */
    private void undoByKey() {
        harness.type(button(harness.card(bystander), "Reject").orElseThrow(), SWT.MOD1, 'z');
    }

    /** @return the job's row in the file, every column, as another program reads it */
    private List<String> row(long id) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT * FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), "job " + id + " is in the file");
                ResultSetMetaData meta = r.getMetaData();
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i) + "=" + r.getString(i));
                }
                return row;
            }
        }
    }

    /** @return a connection of another program to the store's file */
    private Connection connect() throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    /** @return the text of the line above the board, or null while it is hidden */
    private String messageLine() {
        return all(harness.shell, CLabel.class).stream().filter(CLabel::isVisible).map(CLabel::getText).findFirst().orElse(null);
    }
}
