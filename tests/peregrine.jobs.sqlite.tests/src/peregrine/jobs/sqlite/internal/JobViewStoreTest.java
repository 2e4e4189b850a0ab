package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.jobs.DuplicateListingException;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobDetails;
import peregrine.jobs.JobDetails.CompanyResearch;
import peregrine.jobs.JobDetails.JobEmail;
import peregrine.jobs.JobDetails.StageStamp;
import peregrine.jobs.JobEdit;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/** {@link JobStore#details} and {@link JobStore#edit}: a job's own view, against real files. */
class JobViewStoreTest {

    private static final InterviewSlot SLOT = new InterviewSlot(LocalDate.of(2026, 12, 10), Optional.of(LocalTime.of(15, 30)),
            Optional.of(ZoneId.of("Europe/Berlin")), Optional.of(Duration.ofMinutes(45)), Optional.of("Room 4, Acme HQ"));

    @TempDir
    Path dir;

    @Test
    void anOlderPeregrineFileShowsItsListingResearchEmailAndStageHistoryOldestFirst() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        JobDetails details = new SqliteJobStore(file).details(1);

        assertEquals("Staff Engineer, Platform", details.job().title());
        assertEquals("Berlin", details.location());
        assertEquals("€90k–€110k", details.salary());
        assertEquals("", details.notes(), "no notes yet: the column is new");
        CompanyResearch research = details.research().orElseThrow();
        assertEquals("2026-10-21", research.generatedAt());
        assertTrue(research.brief().contains("**Acme** builds rockets"), research.brief());
        assertEquals("", research.talkingPoints());
        assertEquals("", research.redFlags());
        assertEquals(List.of(new JobEmail("Phone screen?", "recruiter@acme.example", "2026-10-19", true)), details.emails());
        assertEquals(List.of(new StageStamp(Stage.PENDING, "2026-10-01"), new StageStamp(Stage.APPLIED, "2026-10-02T09:15"),
                new StageStamp(Stage.PHONE_SCREEN, "2026-10-20T14:05")), details.history());

        JobDetails bare = new SqliteJobStore(file).details(4);
        assertEquals(Optional.empty(), bare.research());
        assertEquals(List.of(), bare.emails());
        assertEquals(List.of(new StageStamp(Stage.PENDING, "2026-10-06")), bare.history());
    }

    @Test
    void aFileWithoutEmailsOrRedFlagsShowsTheRestAndGetsNeitherTable() throws Exception {
        Path file = dir.resolve("oldest.db");
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute(Schema.CREATE_JOBS);
            s.execute("""
                    CREATE TABLE company_research (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE,
                    generated_at TEXT, company_brief TEXT, ceo_brief TEXT, talking_points TEXT, raw_output TEXT)""");
            s.execute("INSERT INTO jobs (title, company, status, date_found) VALUES ('Engineer', 'Acme', 'applied', '2026-09-01')");
            s.execute("INSERT INTO company_research (job_id, company_brief, talking_points) VALUES (1, 'Anvils.', '- ask about ACME')");
        }

        JobDetails details = new SqliteJobStore(file).details(1);

        assertEquals(Optional.of(new CompanyResearch("", "Anvils.", "- ask about ACME", "")), details.research());
        assertEquals(List.of(), details.emails());
        assertEquals(List.of(new StageStamp(Stage.PENDING, "2026-09-01")), details.history());
        assertEquals(false, PeregrineFiles.tables(file).contains("job_contacts"), "Peregrine's table is never made by us");
        assertEquals(false, PeregrineFiles.ddl(file, "company_research").contains("red_flags"));
    }

    @Test
    void theCurrentPeregrinesEmailsAreOldestFirstWithTheirDirectionAndEveryStampIsInTheHistory() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO job_contacts (job_id, direction, subject, from_addr, received_at) VALUES
                    (1, 'outbound', 'Re: Phone screen?', 'me@example.org', '2026-10-19T18:00:00'),
                    (1, 'inbound', 'Application received', 'noreply@acme.example', '2026-10-03T08:00:00'),
                    (2, 'inbound', 'Not this job', 'x@globex.example', '2026-10-01')""");
            s.execute("UPDATE jobs SET interviewing_at = '2026-11-02T10:00', offer_at = '2026-11-20T16:45' WHERE id = 1");
            s.execute("UPDATE company_research SET generated_at = '2026-10-21T07:00', talking_points = 'Anvils', "
                    + "red_flags = 'Coyote incidents' WHERE job_id = 1");
        }

        JobDetails details = new SqliteJobStore(file).details(1);

        assertEquals(List.of("Application received", "Phone screen?", "Re: Phone screen?"),
                details.emails().stream().map(JobEmail::subject).toList());
        assertEquals(List.of(true, true, false), details.emails().stream().map(JobEmail::inbound).toList());
        assertEquals(new CompanyResearch("2026-10-21T07:00", "Acme makes anvils.", "Anvils", "Coyote incidents"),
                details.research().orElseThrow());
        assertEquals(List.of(Stage.PENDING, Stage.APPLIED, Stage.PHONE_SCREEN, Stage.INTERVIEWING, Stage.OFFER),
                details.history().stream().map(StageStamp::stage).toList());
    }

    @Test
    void anEditWritesEveryFieldWithOddCharactersAndTheSlotAndReadsBackAsWritten() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.job(1);
        List<List<String>> othersBefore = PeregrineFiles.rows(file, "jobs").subList(1, 3);
        String notes = "Ask about on-call.\n'; DROP TABLE jobs; --\nZoë → 🚀 \"quoted\" \\ %_";
        JobEdit edit = new JobEdit("  Staff Engineer 'Platform' 🚀 ", "O'Reilly & Söhne", "https://jobs.example/acme?id=1&q=ä%20b",
                "Zürich / remote", "CHF 140k – 160k", notes, Optional.of(SLOT));

        Job saved = store.edit(1, edit);

        assertEquals("Staff Engineer 'Platform' 🚀", saved.title());
        assertEquals("O'Reilly & Söhne", saved.company());
        assertEquals("https://jobs.example/acme?id=1&q=ä%20b", saved.url());
        assertEquals(Optional.of(SLOT), saved.interview());
        JobDetails reread = new SqliteJobStore(file).details(1);
        assertEquals("Zürich / remote", reread.location());
        assertEquals("CHF 140k – 160k", reread.salary());
        assertEquals(notes, reread.notes());
        List<String> row = PeregrineFiles.rows(file, "jobs").get(0);
        assertTrue(row.contains("interview_date=2026-12-10"), row.toString());
        assertTrue(row.contains("notes=" + notes), row.toString());
        assertTrue(row.contains("status=phone_screen") && row.contains("optimized_resume=resume text"), "the rest stays: " + row);
        assertEquals(othersBefore, PeregrineFiles.rows(file, "jobs").subList(1, 3), "no other job changes");
    }

    @Test
    void emptyFieldsAreStoredAsNullAndAnEmptySlotClearsTheInterview() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.edit(1, new JobEdit("Staff Engineer", "Acme", "https://jobs.example/acme", "Berlin", "90k", "n", Optional.of(SLOT)));

        Job cleared = store.edit(1, new JobEdit("Staff Engineer", "Acme", "", "", " ", "", Optional.empty()));

        assertEquals(Optional.empty(), cleared.interview());
        assertEquals("", cleared.url());
        List<String> row = PeregrineFiles.rows(file, "jobs").get(0);
        for (String column : List.of("url", "location", "salary", "notes", "interview_date", "interview_time", "interview_zone",
                "interview_duration_minutes", "interview_location")) {
            assertTrue(row.contains(column + "=null"), column + " in " + row);
        }
    }

    @Test
    void anEditWithProblemsIsRefusedAndNothingIsWritten() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.job(1);
        List<List<String>> before = PeregrineFiles.rows(file, "jobs");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.edit(1,
                new JobEdit(" ", "Acme", "javascript:alert(1)", "Berlin", "", "notes", Optional.of(SLOT))));

        assertTrue(e.getMessage().contains("A job needs a title."), e.getMessage());
        assertTrue(e.getMessage().contains("javascript:alert(1)"), e.getMessage());
        assertEquals(before, PeregrineFiles.rows(file, "jobs"));
    }

    @Test
    void aListingAnotherJobHasIsRefusedNamingTheAddressAndThatJobAndNothingIsWritten() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.job(1);
        List<List<String>> before = PeregrineFiles.rows(file, "jobs");

        DuplicateListingException e = assertThrows(DuplicateListingException.class, () -> store.edit(1,
                new JobEdit("Renamed", "Acme", "https://jobs.example/globex", "Berlin", "", "notes", Optional.of(SLOT))));

        assertTrue(e.getMessage().contains("https://jobs.example/globex"), e.getMessage());
        Job holder = e.holder().orElseThrow();
        assertEquals("https://jobs.example/globex", holder.url());
        assertTrue(e.getMessage().contains("\u201c" + holder.title() + "\u201d at Globex (job " + holder.id() + ")"), e.getMessage());
        assertEquals(before, PeregrineFiles.rows(file, "jobs"));
        assertEquals("Renamed", store.edit(1, new JobEdit("Renamed", "Acme", "https://jobs.example/acme", "", "", "", Optional.empty()))
                .title(), "the store is still usable, and a job may keep its own listing");
    }

    @Test
    void anEditThatFailsAfterTheListingWasWrittenLeavesTheJobAsItWas() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.job(1);
        // Another program's trigger refuses the interview's columns, the second statement of the edit.
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TRIGGER refuse AFTER UPDATE OF interview_date ON jobs
                    BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END""");
        }
        List<List<String>> before = PeregrineFiles.rows(file, "jobs");

        JobStoreException e = assertThrows(JobStoreException.class, () -> store.edit(1,
                new JobEdit("Renamed", "Acme", "https://jobs.example/new", "Paris", "1", "notes", Optional.of(SLOT))));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(before, PeregrineFiles.rows(file, "jobs"), "title, listing and notes were rolled back with the slot");
    }

    @Test
    void theNotesColumnIsAddedOnceAndKeepsWhatWasWritten() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        new SqliteJobStore(file).edit(2, new JobEdit("Data Scientist", "Globex", "", "", "", "Call back Monday", Optional.empty()));
        String ddl = PeregrineFiles.ddl(file, "jobs");

        assertEquals("Call back Monday", new SqliteJobStore(file).details(2).notes());
        assertEquals(ddl, PeregrineFiles.ddl(file, "jobs"), "a second store adds nothing");
        assertEquals(1, ddl.split("\\bnotes\\b", -1).length - 1, ddl);
    }

    @Test
    void anUnknownJobIsReportedByDetailsAndEdit() throws Exception {
        JobStore store = new SqliteJobStore(PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db")));
        assertThrows(UnknownJobException.class, () -> store.details(99));
        assertThrows(UnknownJobException.class,
                () -> store.edit(99, new JobEdit("T", "C", "", "", "", "", Optional.empty())));
    }
}
