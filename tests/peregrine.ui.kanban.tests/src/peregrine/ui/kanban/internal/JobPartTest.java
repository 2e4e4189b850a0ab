package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.e4.ui.workbench.modeling.ISaveHandler.Save;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import peregrine.jobs.JobDetails;
import peregrine.jobs.JobEdit.Field;
import peregrine.jobs.JobStore;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/** A job's own view beside the board, over a Peregrine-format file, in a real shell. */
class JobPartTest extends DisplayTest {

    @TempDir
    Path dir;

    private Path file;
    private BoardHarness harness;

    @BeforeEach
    void openBoard() throws SQLException {
        file = peregrineFile(dir.resolve("staging.db"));
        harness = new BoardHarness(display, SqliteJobStores.open(file)).open();
    }

    @AfterEach
    void closeBoard() {
        harness.close();
    }

    @Test
    void thePartShowsAPeregrineJobWithItsListingResearchEmailsOldestFirstAndStageHistory() {
        MPart part = open(1);

        assertEquals("Staff Engineer & Lead", part.getLabel(), "the part is labelled with the job's title");
        Composite view = BoardHarness.parentOf(part);
        assertEquals("Staff Engineer & Lead", field(view, "&Title:").getText());
        assertEquals("Acme", field(view, "&Company:").getText());
        assertEquals("https://jobs.example/acme", field(view, "&Listing URL:").getText());
        assertEquals("Berlin", field(view, "L&ocation:").getText());
        assertEquals("€90k–€110k", field(view, "Sa&lary:").getText());
        assertEquals("", field(view, "&Notes:").getText());
        assertEquals("Acme makes anvils.", field(view, "Brief:").getText());
        assertEquals("- ask about rockets", field(view, "Talking points:").getText());
        assertEquals("Coyote incidents", field(view, "Red flags:").getText());
        assertEquals(List.of(List.of("Application received", "noreply@acme.example", "2026-10-03"),
                List.of("Phone screen?", "recruiter@acme.example", "2026-10-19")), rows(table(view, 0), 3));
        assertEquals(List.of(List.of("Pending", "2026-10-01"), List.of("Applied", "2026-10-02T09:15"),
                List.of("Phone Screen", "2026-10-20T14:05")), rows(table(view, 1), 2));
        assertTrue(button(view, JobPart.HAS_DATE).getSelection(), "the job has an interview date");
        assertFalse(part.isDirty(), "nothing changed yet");
    }

    @Test
    void editedFieldsAreSavedToTheFileAndTheBoardShowsThem() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);

        field(view, "&Title:").setText("Principal Engineer");
        field(view, "&Company:").setText("O'Reilly & Söhne");
        field(view, "&Listing URL:").setText("https://jobs.example/oreilly?id=2");
        field(view, "L&ocation:").setText("Zürich");
        field(view, "Sa&lary:").setText("CHF 150k");
        field(view, "&Notes:").setText("Ask about on-call.\nBring the portfolio 🚀");
        button(view, JobPart.HAS_DATE).setSelection(false);
        button(view, JobPart.HAS_DATE).notifyListeners(SWT.Selection, new Event());
        assertTrue(part.isDirty(), "the part has unsaved changes");

        BoardHarness.press(button(view, JobPart.SAVE));
        harness.waitForTheBoard();

        JobDetails saved = SqliteJobStores.open(file).details(1);
        assertEquals("Principal Engineer", saved.job().title());
        assertEquals("O'Reilly & Söhne", saved.job().company());
        assertEquals("https://jobs.example/oreilly?id=2", saved.job().url());
        assertEquals("Zürich", saved.location());
        assertEquals("CHF 150k", saved.salary());
        assertEquals("Ask about on-call.\nBring the portfolio 🚀", saved.notes());
        assertTrue(saved.job().interview().isEmpty(), "the date was cleared");
        assertFalse(part.isDirty());
        assertEquals("Principal Engineer", part.getLabel());
        harness.waitUntil("the board reads the job again after the part's save",
                () -> BoardHarness.labelTexts(harness.card(1)).contains("Principal Engineer"));
    }

    @Test
    void undoUndoesASaveAndTheFileHoldsTheJobAsBefore() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        field(view, "&Title:").setText("Principal Engineer");
        field(view, "&Notes:").setText("Call back Friday");
        BoardHarness.press(button(view, JobPart.SAVE));
        harness.waitUntil("the board shows the save",
                () -> BoardHarness.labelTexts(harness.card(1)).contains("Principal Engineer"));

        // Ctrl+Z runs this command (UndoTest sends the key)
        harness.context.get(EHandlerService.class)
                .executeHandler(harness.context.get(ECommandService.class).createCommand(UndoHandler.COMMAND_ID, null));

        harness.waitUntil("the board shows the job as before the save",
                () -> !BoardHarness.labelTexts(harness.card(1)).contains("Principal Engineer"));
        JobDetails undone = SqliteJobStores.open(file).details(1);
        assertEquals("Staff Engineer & Lead", undone.job().title());
        assertEquals("", undone.notes());
        harness.waitUntil("the part reads the job again", () -> field(view, "&Title:").getText().equals("Staff Engineer & Lead"));
    }

    @Test
    void ctrlSInThePartSaves() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        Text notes = field(view, "&Notes:");
        notes.setText("Typed, then saved with the keyboard");
        harness.focus(notes);

        harness.key('s', SWT.CTRL);

        harness.waitUntil("the part saved", () -> !part.isDirty());
        harness.waitForTheBoard();
        assertEquals("Typed, then saved with the keyboard", SqliteJobStores.open(file).details(1).notes());
    }

    @Test
    void anInvalidListingUrlAndAMissingTitleAreMarkedAtTheirFieldsAndNothingIsWritten() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        JobPart job = (JobPart) part.getObject();
        List<String> before = row(file);

        field(view, "&Listing URL:").setText("javascript:alert(1)");
        field(view, "&Title:").setText("  ");
        field(view, "&Notes:").setText("not to be saved");
        BoardHarness.press(button(view, JobPart.SAVE));
        harness.waitForTheBoard();

        assertTrue(job.problemMark(Field.URL).isVisible(), "the listing is marked");
        assertTrue(job.problemMark(Field.URL).getDescriptionText().contains("javascript:alert(1)"),
                job.problemMark(Field.URL).getDescriptionText());
        assertTrue(job.problemMark(Field.URL).getDescriptionText().contains("http"), "it says what a listing is");
        assertTrue(job.problemMark(Field.TITLE).isVisible(), "the title is marked");
        assertFalse(job.problemMark(Field.COMPANY).isVisible(), "the company is not");
        assertEquals(before, row(file), "nothing was written");
        assertTrue(part.isDirty(), "the changes are kept for a correction");

        field(view, "&Listing URL:").setText("https://jobs.example/fixed");
        field(view, "&Title:").setText("Fixed");
        BoardHarness.press(button(view, JobPart.SAVE));
        harness.waitForTheBoard();
        assertFalse(job.problemMark(Field.URL).isVisible(), "the mark goes once the field is right");
        assertEquals("https://jobs.example/fixed", SqliteJobStores.open(file).details(1).job().url());
    }

    @Test
    void aListingAnotherJobHasIsMarkedAtTheUrlFieldNamingThatJobAndTheEditsStay() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        JobPart job = (JobPart) part.getObject();
        List<String> before = row(file);

        field(view, "&Listing URL:").setText("https://jobs.example/globex");
        field(view, "&Notes:").setText("Kept for a correction");
        BoardHarness.press(button(view, JobPart.SAVE));
        harness.waitForTheBoard();

        assertTrue(job.problemMark(Field.URL).isVisible(), "the listing is marked at its field");
        String problem = job.problemMark(Field.URL).getDescriptionText();
        assertTrue(problem.contains("\u201cSRE\u201d at Globex (job 2)"), "it names the job that has the listing: " + problem);
        assertFalse(job.problemMark(Field.TITLE).isVisible(), "no other field is marked");
        assertEquals("https://jobs.example/globex", field(view, "&Listing URL:").getText());
        assertEquals("Kept for a correction", field(view, "&Notes:").getText());
        assertTrue(part.isDirty(), "the edits are still unsaved");
        assertEquals(before, row(file), "nothing was written");
        assertTrue(BoardHarness.button(view, JobPart.SAVE).orElseThrow().isEnabled(), "Save can be pressed again");
    }

    @Test
    void closingAJobTabWithAnInvalidFieldAndAnsweringYesKeepsItOpenWithTheFieldMarkedAndTheEdits() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        JobPart job = (JobPart) part.getObject();
        List<String> before = row(file);
        field(view, "&Title:").setText(" ");
        field(view, "&Notes:").setText("Not to be lost");

        assertFalse(harness.closeTab(part), "the close is vetoed");
        harness.waitForTheBoard();

        assertEquals(List.of("Staff Engineer & Lead"), harness.saveQuestion.asked, "closing a changed tab asks");
        assertTrue(harness.side.contains(part), "the tab is still open");
        assertFalse(view.isDisposed());
        assertTrue(job.problemMark(Field.TITLE).isVisible(), "the title is marked");
        assertEquals("Not to be lost", field(view, "&Notes:").getText());
        assertTrue(part.isDirty());
        assertEquals(before, row(file), "nothing was written");
    }

    @Test
    void closingAJobTabWhoseListingAnotherJobHasAndAnsweringYesKeepsItOpenWithTheListingMarked() throws Exception {
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        JobPart job = (JobPart) part.getObject();
        List<String> before = row(file);
        field(view, "&Listing URL:").setText("https://jobs.example/globex");
        field(view, "&Notes:").setText("Not to be lost");

        assertFalse(harness.closeTab(part), "the store refused the save: the close is vetoed");
        harness.waitForTheBoard();

        assertTrue(harness.side.contains(part), "the tab is still open");
        assertTrue(job.problemMark(Field.URL).isVisible(), "the listing is marked");
        assertTrue(job.problemMark(Field.URL).getDescriptionText().contains("SRE"), job.problemMark(Field.URL).getDescriptionText());
        assertEquals("Not to be lost", field(view, "&Notes:").getText());
        assertEquals(before, row(file), "nothing was written");
    }

    @Test
    void closingAJobTabWithValidChangesAndAnsweringYesSavesThemAndCloses() throws Exception {
        MPart part = open(1);
        field(BoardHarness.parentOf(part), "&Notes:").setText("Saved as the tab closed");

        assertTrue(harness.closeTab(part), "the tab closes");
        harness.waitForTheBoard();

        assertFalse(harness.side.contains(part));
        assertEquals("Saved as the tab closed", SqliteJobStores.open(file).details(1).notes());
    }

    @Test
    void closingAJobTabAndAnsweringNoClosesItWithoutSaving() throws Exception {
        MPart part = open(1);
        List<String> before = row(file);
        field(BoardHarness.parentOf(part), "&Title:").setText(" ");
        harness.saveQuestion.answer = Save.NO;

        assertTrue(harness.closeTab(part), "the tab closes");
        harness.waitForTheBoard();

        assertFalse(harness.side.contains(part));
        assertEquals(before, row(file), "nothing was written");
    }

    @Test
    void ctrlZWhileTypingInAJobsFieldTakesBackTheTypingNotTheBoardsLastChangeAndThenTheBoardsChange() throws Exception {
        harness.bindKey(SWT.MOD1, 'z', UndoHandler.COMMAND_ID);
        BoardHarness.press(BoardHarness.button(harness.card(2), "\u2192 Offer").orElseThrow());
        harness.waitForTheBoard();
        assertEquals(Stage.OFFER, SqliteJobStores.open(file).job(2).stage().orElseThrow());
        MPart part = open(1);
        Composite view = BoardHarness.parentOf(part);
        Text title = field(view, "&Title:");
        Text notes = field(view, "&Notes:");
        harness.focus(notes);
        harness.type("call back");
        harness.waitUntil("the notes' typing arrived", () -> notes.getText().equals("call back"));
        harness.focus(title);
        harness.key(SWT.END);
        harness.type(" remote");
        harness.waitUntil("the typing arrived", () -> title.getText().equals("Staff Engineer & Lead remote"));
        assertTrue(part.isDirty());

        harness.key('z', SWT.MOD1);
        harness.waitForTheBoard();

        assertEquals("Staff Engineer & Lead", title.getText(), "the focused field is back as saved");
        assertEquals("call back", notes.getText(), "the other field keeps its typing");
        assertEquals(Stage.OFFER, SqliteJobStores.open(file).job(2).stage().orElseThrow(), "the board's move is not undone");
        assertTrue(part.isDirty(), "the notes are still unsaved");

        harness.key('z', SWT.MOD1);
        harness.waitForTheBoard();
        assertEquals("", notes.getText(), "with the focused field as saved, every unsaved change goes");
        assertFalse(part.isDirty());
        assertEquals(Stage.OFFER, SqliteJobStores.open(file).job(2).stage().orElseThrow(), "the board's move is still not undone");

        harness.key('z', SWT.MOD1);
        harness.waitForTheBoard();
        assertEquals(Stage.INTERVIEWING, SqliteJobStores.open(file).job(2).stage().orElseThrow(),
                "with nothing unsaved, Undo takes back the board's last change");
        assertEquals("Staff Engineer & Lead", SqliteJobStores.open(file).details(1).job().title(), "nothing of the typing was saved");
    }

    @Test
    void theUndoMenuItemSaysUndoTypingWhileTheFocusedFieldHasUnsavedTypingAndNamesTheBoardsChangeOtherwise() {
        BoardHarness.press(BoardHarness.button(harness.card(2), "\u2192 Offer").orElseThrow());
        harness.waitForTheBoard();
        MPart part = open(1);
        Text company = field(BoardHarness.parentOf(part), "&Company:");
        MHandledMenuItem item = MMenuFactory.INSTANCE.createHandledMenuItem();
        UndoHandler handler = new UndoHandler();
        Undoable unsaved = (Undoable) part.getContext().get(Undoable.UNSAVED);
        BoardController board = harness.part.controller();

        assertTrue(handler.canExecute(unsaved, board, item));
        assertEquals("&Undo Move to Offer", item.getLabel(), "nothing typed: the board's change");

        harness.focus(company);
        harness.key(SWT.END);
        harness.type(" ltd");
        harness.waitUntil("the typing arrived", () -> company.getText().equals("Acme ltd"));
        assertTrue(handler.canExecute(unsaved, board, item));
        assertEquals("&Undo " + JobPart.UNDO_TYPING, item.getLabel());

        harness.focus(field(BoardHarness.parentOf(part), "L&ocation:"));
        assertTrue(handler.canExecute(unsaved, board, item));
        assertEquals("&Undo " + JobPart.UNDO_CHANGES, item.getLabel(), "the focused field is as saved, another is not");
    }

    @Test
    void aDoubleClickOnACardsTitleOpensThatJobsPartAndASecondOneActivatesTheSamePart() {
        Label title = BoardHarness.all(harness.card(2), Label.class).stream().filter(l -> l.getText().equals("SRE"))
                .findFirst().orElseThrow();

        title.notifyListeners(SWT.MouseDoubleClick, new Event());
        harness.waitForTheBoard();
        MPart part = harness.jobPart(2).orElseThrow();
        assertEquals("SRE", part.getLabel());
        assertEquals("SRE", field(BoardHarness.parentOf(part), "&Title:").getText());

        title.notifyListeners(SWT.MouseDoubleClick, new Event());
        harness.waitForTheBoard();
        assertEquals(1, harness.side.size(), "one part per job");
        assertSame(part, harness.jobPart(2).orElseThrow());
    }

    // --- helpers

    private MPart open(long id) {
        ECommandService commands = harness.context.get(ECommandService.class);
        harness.context.get(EHandlerService.class).executeHandler(commands.createCommand(OpenJobHandler.COMMAND_ID,
                Map.of(OpenJobHandler.JOB_ID, Long.toString(id))));
        harness.waitForTheBoard();
        MPart part = harness.jobPart(id).orElseThrow();
        assertNotNull(part.getObject());
        return part;
    }

    /** @return the text field that follows the label {@code label}: each field's label is beside it */
    private static Text field(Composite view, String label) {
        for (Composite parent : BoardHarness.all(view, Composite.class)) {
            Control[] children = parent.getChildren();
            for (int i = 0; i + 1 < children.length; i++) {
                if (children[i] instanceof Label l && l.getText().equals(label) && children[i + 1] instanceof Text text) {
                    return text;
                }
            }
        }
        throw new AssertionError("No field labelled " + label);
    }

    private static Table table(Composite view, int index) {
        return BoardHarness.all(view, Table.class).get(index);
    }

    private static Button button(Composite view, String text) {
        return BoardHarness.button(view, text).orElseThrow(() -> new AssertionError("No button " + text));
    }

    private static List<List<String>> rows(Table table, int columns) {
        return Arrays.stream(table.getItems()).map(item -> texts(item, columns)).toList();
    }

    private static List<String> texts(TableItem item, int columns) {
        return java.util.stream.IntStream.range(0, columns).mapToObj(item::getText).toList();
    }

    /** Job 1 as Peregrine stores it, every column as text. */
    private static List<String> row(Path file) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM jobs WHERE id = 1")) {
            r.next();
            List<String> row = new java.util.ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.add(r.getMetaData().getColumnName(i) + "=" + r.getString(i));
            }
            return row;
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    /** A staging.db as Peregrine makes it: a job at the phone screen with research, two e-mails and its stamps. */
    private static Path peregrineFile(Path file) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, company TEXT, url TEXT UNIQUE,
                    source TEXT, location TEXT, is_remote INTEGER DEFAULT 0, salary TEXT, description TEXT,
                    match_score REAL, keyword_gaps TEXT, date_found TEXT, status TEXT DEFAULT 'pending',
                    notion_page_id TEXT, cover_letter TEXT, applied_at TEXT)""");
            for (String column : List.of("interview_date", "rejection_stage", "phone_screen_at", "interviewing_at", "offer_at",
                    "hired_at", "survey_at", "calendar_event_id", "optimized_resume", "ats_gap_report")) {
                s.execute("ALTER TABLE jobs ADD COLUMN " + column + " TEXT");
            }
            s.execute("""
                    CREATE TABLE job_contacts (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL,
                    direction TEXT DEFAULT 'inbound', subject TEXT, from_addr TEXT, to_addr TEXT, body TEXT, received_at TEXT,
                    is_response_needed INTEGER DEFAULT 0, responded_at TEXT, message_id TEXT, stage_signal TEXT,
                    suggestion_dismissed INTEGER DEFAULT 0)""");
            s.execute("""
                    CREATE TABLE company_research (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE,
                    generated_at TEXT, company_brief TEXT, ceo_brief TEXT, talking_points TEXT, raw_output TEXT,
                    tech_brief TEXT, funding_brief TEXT, competitors_brief TEXT, red_flags TEXT, scrape_used INTEGER,
                    accessibility_brief TEXT)""");
            s.execute("""
                    INSERT INTO jobs (title, company, url, source, location, salary, status, date_found, applied_at,
                    phone_screen_at, interview_date) VALUES
                    ('Staff Engineer & Lead', 'Acme', 'https://jobs.example/acme', 'linkedin', 'Berlin', '€90k–€110k',
                     'phone_screen', '2026-10-01', '2026-10-02T09:15', '2026-10-20T14:05', '2026-11-30'),
                    ('SRE', 'Globex', 'https://jobs.example/globex', 'indeed', NULL, NULL, 'interviewing', '2026-10-03',
                     '2026-10-04', NULL, NULL)""");
            s.execute("""
                    INSERT INTO company_research (job_id, generated_at, company_brief, talking_points, red_flags) VALUES
                    (1, '2026-10-21', 'Acme makes anvils.', '- ask about rockets', 'Coyote incidents')""");
            s.execute("""
                    INSERT INTO job_contacts (job_id, direction, subject, from_addr, received_at) VALUES
                    (1, 'inbound', 'Phone screen?', 'recruiter@acme.example', '2026-10-19'),
                    (1, 'inbound', 'Application received', 'noreply@acme.example', '2026-10-03')""");
        }
        return file;
    }
}
