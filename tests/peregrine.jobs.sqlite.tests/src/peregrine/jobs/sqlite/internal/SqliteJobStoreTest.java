package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.DuplicateListingException;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

class SqliteJobStoreTest {

    private static final Clock NOON_IN_BERLIN = Clock.fixed(Instant.parse("2026-11-25T11:07:30Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsPeregrinesTablesAndEveryAddedColumn() throws Exception {
        Path file = dir.resolve("sub/folder/staging.db");
        JobStore store = new SqliteJobStore(file);
        assertTrue(store.list(Optional.empty()).isEmpty());
        assertTrue(Files.exists(file));
        String jobs = PeregrineFiles.ddl(file, "jobs");
        for (String column : List.of("url TEXT UNIQUE", "status TEXT DEFAULT 'pending'", "calendar_event_id", "interview_date",
                "calendar_provider", "interview_time", "interview_zone", "interview_duration_minutes", "ats_gap_report",
                "calendar_event_version TEXT", "interview_location TEXT")) {
            assertTrue(jobs.contains(column), column + " missing from " + jobs);
        }
        assertTrue(PeregrineFiles.ddl(file, "company_research").contains("accessibility_brief"));
        String links = PeregrineFiles.ddl(file, "calendar_links");
        for (String part : List.of("job_id INTEGER NOT NULL REFERENCES jobs(id)", "provider_id TEXT NOT NULL CHECK (provider_id <> '')",
                "fingerprint TEXT", "pushed_at TEXT", "UNIQUE (job_id, provider_id)")) {
            assertTrue(links.contains(part), part + " missing from " + links);
        }
    }

    @Test
    void anOlderPeregrineFileIsMigratedAdditivelyAndTwiceChangesNothingMore() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        List<List<String>> jobsBefore = PeregrineFiles.rows(file, "jobs");
        List<List<String>> researchBefore = PeregrineFiles.rows(file, "company_research");
        List<List<String>> contactsBefore = PeregrineFiles.rows(file, "job_contacts");
        String contactsDdl = PeregrineFiles.ddl(file, "job_contacts");

        assertEquals(4, new SqliteJobStore(file).list(Optional.empty()).size());
        List<List<String>> jobsOnce = PeregrineFiles.rows(file, "jobs");
        String ddlOnce = PeregrineFiles.ddl(file, "jobs");
        Map<Stage, List<Job>> board = new SqliteJobStore(file).board();
        assertEquals(List.of(1L, 2L, 3L), List.of(board.get(Stage.PHONE_SCREEN).get(0).id(), board.get(Stage.APPLIED).get(0).id(),
                board.get(Stage.REJECTED).get(0).id()), "the pending job stays off the board");

        for (int i = 0; i < jobsBefore.size(); i++) {
            List<String> migrated = jobsOnce.get(i);
            assertEquals(jobsBefore.get(i), migrated.subList(0, jobsBefore.get(i).size()), "original columns of row " + i);
            assertTrue(migrated.subList(jobsBefore.get(i).size(), migrated.size()).stream().allMatch(v -> v.endsWith("=null")),
                    "added columns are empty: " + migrated);
        }
        assertTrue(ddlOnce.contains("calendar_event_id") && ddlOnce.contains("calendar_provider"));
        assertEquals(jobsOnce, PeregrineFiles.rows(file, "jobs"), "second migration changed rows");
        assertEquals(ddlOnce, PeregrineFiles.ddl(file, "jobs"), "second migration changed the table");
        List<List<String>> researchAfter = PeregrineFiles.rows(file, "company_research");
        assertEquals(researchBefore.get(0), researchAfter.get(0).subList(0, researchBefore.get(0).size()));
        assertEquals(contactsBefore, PeregrineFiles.rows(file, "job_contacts"));
        assertEquals(contactsDdl, PeregrineFiles.ddl(file, "job_contacts"));
    }

    @Test
    void aFileOfTheWorkbenchBeforeEventVersionsGetsTheVersionColumnOnceAndKeepsEverythingElse() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        // as the workbench left it before it kept versions: every other added column, and a pushed event
        List<String> alters = new ArrayList<>();
        for (var table : Schema.ADDED_COLUMNS.entrySet()) {
            String ddl = PeregrineFiles.ddl(file, table.getKey());
            table.getValue().forEach((column, type) -> {
                if (!column.equals(Columns.CALENDAR_EVENT_VERSION) && !column.equals(Columns.INTERVIEW_LOCATION)
                        && !column.equals(Columns.NOTES)
                        && !ddl.contains(" " + column + " ")) {
                    alters.add("ALTER TABLE " + table.getKey() + " ADD COLUMN " + column + " " + type);
                }
            });
        }
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            for (String alter : alters) {
                s.execute(alter);
            }
            s.execute("UPDATE jobs SET calendar_event_id = 'https://cal.example/1.ics', calendar_provider = 'apple_calendar' WHERE id = 1");
        }
        List<List<String>> jobsBefore = PeregrineFiles.rows(file, "jobs");
        String jobsDdlBefore = PeregrineFiles.ddl(file, "jobs");
        List<List<String>> researchBefore = PeregrineFiles.rows(file, "company_research");
        String researchDdlBefore = PeregrineFiles.ddl(file, "company_research");
        List<List<String>> contactsBefore = PeregrineFiles.rows(file, "job_contacts");

        Job job = new SqliteJobStore(file).job(1);

        assertEquals(Optional.of(new CalendarLink("apple_calendar", "https://cal.example/1.ics", Optional.empty())), job.calendarLink());
        String jobsDdl = PeregrineFiles.ddl(file, "jobs");
        assertEquals(jobsDdlBefore.substring(0, jobsDdlBefore.length() - 1), jobsDdl.substring(0, jobsDdlBefore.length() - 1),
                "only appended: " + jobsDdl);
        assertTrue(jobsDdl.endsWith(", calendar_event_version TEXT, interview_location TEXT, notes TEXT)"), jobsDdl);
        List<List<String>> jobsAfter = PeregrineFiles.rows(file, "jobs");
        for (int i = 0; i < jobsBefore.size(); i++) {
            List<String> expected = new ArrayList<>(jobsBefore.get(i));
            expected.add("calendar_event_version=null");
            expected.add("interview_location=null");
            expected.add("notes=null");
            assertEquals(expected, jobsAfter.get(i));
        }
        assertEquals(researchBefore, PeregrineFiles.rows(file, "company_research"));
        assertEquals(researchDdlBefore, PeregrineFiles.ddl(file, "company_research"));
        assertEquals(contactsBefore, PeregrineFiles.rows(file, "job_contacts"));

        new SqliteJobStore(file).board();
        assertEquals(jobsDdl, PeregrineFiles.ddl(file, "jobs"), "a second store adds nothing");
        assertEquals(jobsAfter, PeregrineFiles.rows(file, "jobs"));
    }

    @Test
    void aMigrationThatFailsHalfwayLeavesTheFileAsItWas() throws Exception {
        Path file = dir.resolve("half.db");
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute(Schema.CREATE_JOBS);
            s.execute("INSERT INTO jobs (title, company, status) VALUES ('Engineer', 'Acme', 'applied')");
            // A view where Peregrine has a table: the jobs columns are added first, then altering the view fails.
            s.execute("CREATE VIEW company_research AS SELECT id AS job_id, title AS company_brief FROM jobs");
        }
        String jobsDdl = PeregrineFiles.ddl(file, "jobs");
        List<List<String>> rows = PeregrineFiles.rows(file, "jobs");

        JobStoreException e = assertThrows(JobStoreException.class, () -> new SqliteJobStore(file).board());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(jobsDdl, PeregrineFiles.ddl(file, "jobs"), "the columns added before the failure were rolled back");
        assertEquals(rows, PeregrineFiles.rows(file, "jobs"));
    }

    @Test
    void jobsReadFromPeregrineKeepTheirValuesAndStage() throws Exception {
        JobStore store = new SqliteJobStore(PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db")));
        Job acme = store.job(1);
        assertEquals("Staff Engineer, Platform", acme.title());
        assertEquals("Acme; Inc.", acme.company());
        assertEquals("https://jobs.example/acme?id=1&ref=x", acme.url());
        assertEquals(Optional.of(Stage.PHONE_SCREEN), acme.stage());
        assertEquals(LocalDate.of(2026, 11, 30), acme.interview().orElseThrow().date());
        assertTrue(acme.interview().orElseThrow().time().isEmpty());
        assertEquals(Optional.of("2026-10-02T09:15"), acme.appliedAt());
        assertEquals("", store.job(3).url());
        assertEquals(Optional.of("interviewing"), store.job(3).rejectionStage());
        assertEquals(Optional.of("Acme builds rockets, anvils and portable holes."), store.companySummary(1));
        assertEquals(Optional.empty(), store.companySummary(2));
    }

    @Test
    void theBoardHoldsOnlyBoardStagesNewestFirst() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("board.db"));
        long first = store.add(new NewJob("A", "Co", "", Stage.INTERVIEWING));
        long second = store.add(new NewJob("B", "Co", "", Stage.INTERVIEWING));
        store.add(new NewJob("C", "Co", "", Stage.PENDING));
        Map<Stage, List<Job>> board = store.board();
        assertEquals(List.of(second, first), board.get(Stage.INTERVIEWING).stream().map(Job::id).toList());
        assertFalse(board.containsKey(Stage.PENDING));
        assertTrue(board.get(Stage.OFFER).isEmpty());
    }

    @Test
    void movingStampsTheStageColumnWithLocalTimeAsPeregrineDoes() throws Exception {
        Path file = dir.resolve("move.db");
        JobStore store = new SqliteJobStore(file, NOON_IN_BERLIN);
        long id = store.add(new NewJob("Engineer", "Acme", "https://a.example/1", Stage.APPLIED));
        Job moved = store.move(id, Stage.PHONE_SCREEN);
        assertEquals(Optional.of(Stage.PHONE_SCREEN), moved.stage());
        assertEquals(Optional.of("2026-11-25T12:07"), moved.appliedAt());
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT phone_screen_at, interviewing_at FROM jobs WHERE id = " + id)) {
            r.next();
            assertEquals("2026-11-25T12:07", r.getString(1));
            assertEquals(null, r.getString(2));
        }
    }

    @Test
    void addingAJobWithAListingAnotherJobHasIsRefusedNamingThatJob() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("duplicate.db"));
        long first = store.add(new NewJob("Engineer", "Acme", "https://a.example/1", Stage.APPLIED));

        DuplicateListingException e = assertThrows(DuplicateListingException.class,
                () -> store.add(new NewJob("Other", "Initech", "https://a.example/1", Stage.APPLIED)));

        assertEquals(first, e.holder().orElseThrow().id());
        assertEquals("\u201cEngineer\u201d at Acme (job " + first + ") already has the listing https://a.example/1.", e.getMessage());
        assertEquals(1, store.list(Optional.empty()).size(), "nothing was added");
    }

    @Test
    void rejectingRecordsTheStageTheJobWasAt() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("reject.db"));
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.INTERVIEWING));
        Job rejected = store.move(id, Stage.REJECTED);
        assertEquals(Optional.of(Stage.REJECTED), rejected.stage());
        assertEquals(Optional.of("interviewing"), rejected.rejectionStage());
        assertEquals(Optional.of("interviewing"), store.reject(id).rejectionStage(), "rejecting twice keeps the stage");
    }

    @Test
    void interviewSlotRoundTripsWithTimeZoneAndDurationAndClears() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("slot.db"));
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.PHONE_SCREEN));
        InterviewSlot slot = new InterviewSlot(LocalDate.of(2028, 2, 29), Optional.of(LocalTime.of(9, 30)),
                Optional.of(ZoneId.of("America/New_York")), Optional.of(Duration.ofMinutes(45)));
        assertEquals(Optional.of(slot), store.setInterview(id, Optional.of(slot)).interview());
        assertEquals(Optional.of(slot), new SqliteJobStore(store.location()).job(id).interview());
        InterviewSlot dateOnly = InterviewSlot.onDate(LocalDate.of(2026, 12, 1));
        assertEquals(Optional.of(dateOnly), store.setInterview(id, Optional.of(dateOnly)).interview());
        assertEquals(Optional.empty(), store.setInterview(id, Optional.empty()).interview());
    }

    @Test
    void aLinkIsStoredAndForgottenWithItsProviderVersionFingerprintAndPushTime() throws Exception {
        Path file = dir.resolve("link.db");
        JobStore store = new SqliteJobStore(file);
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.INTERVIEWING));
        CalendarLink link = new CalendarLink("apple_calendar", "7k2pq@peregrine-workbench", Optional.of("https://cal.example/1.ics"),
                Optional.of("\"a1b2\""), Optional.of("sha256:9f86d0"), Optional.of(Instant.parse("2026-11-25T11:07:30.123Z")));
        assertEquals(List.of(link), store.putCalendarLink(id, link).calendarLinks());
        assertEquals(List.of(link), new SqliteJobStore(file).job(id).calendarLinks(), "as another process reads it");
        CalendarLink unversioned = new CalendarLink("apple_calendar", "0123abc");
        assertEquals(List.of(unversioned), store.putCalendarLink(id, unversioned).calendarLinks(),
                "a link without a version, fingerprint or push time clears the old ones");
        assertEquals(List.of(), store.removeCalendarLink(id, "apple_calendar").calendarLinks());
        assertEquals(List.of(List.of("id=" + id, "calendar_event_id=null", "calendar_provider=null", "calendar_event_version=null",
                "calendar_event_address=null")),
                PeregrineFiles.rows(file, "jobs").stream()
                        .map(row -> row.stream().filter(v -> v.startsWith("id=") || v.startsWith("calendar_")).toList())
                        .toList());
        assertEquals(List.of(), PeregrineFiles.rows(file, "calendar_links"));
    }

    @Test
    void anEventIdPeregrineRecordedReadsAsALinkWithoutProviderAndKeepsPeregrinesColumnAsItWas() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET calendar_event_id = 'peregrine-job-1@circuitforge.tech' WHERE id = 1");
        }
        JobStore store = new SqliteJobStore(file);
        CalendarLink peregrines = store.job(1).calendarLink().orElseThrow();
        assertTrue(peregrines.fromPeregrine());
        assertEquals(new CalendarLink("", "peregrine-job-1@circuitforge.tech"), peregrines);

        store.putCalendarLink(1, new CalendarLink("apple_calendar", "peregrine-job-1@circuitforge.tech",
                Optional.of("https://cal.example/p/abc.ics"), Optional.of("\"e1\"")));
        List<String> row = PeregrineFiles.rows(file, "jobs").get(0);
        assertTrue(row.contains("calendar_event_id=peregrine-job-1@circuitforge.tech"), "Peregrine still finds it by UID: " + row);
        assertTrue(row.contains("calendar_event_address=https://cal.example/p/abc.ics"), row.toString());
    }

    @Test
    void aDatabaseWithPeregrinesCurrentSchemaOpensAndNoTableOrColumnButOursChanges() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        List<String> tables = PeregrineFiles.tables(file);
        assertEquals(List.of("background_tasks", "company_research", "digest_queue", "job_contacts", "jobs", "schema_migrations",
                "survey_responses"), tables);
        Map<String, String> ddlBefore = new java.util.LinkedHashMap<>();
        Map<String, List<List<String>>> rowsBefore = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            ddlBefore.put(table, PeregrineFiles.ddl(file, table));
            rowsBefore.put(table, PeregrineFiles.rows(file, table));
        }

        JobStore store = new SqliteJobStore(file);
        assertEquals(3, store.list(Optional.empty()).size());
        store.setInterview(1, Optional.of(InterviewSlot.onDate(LocalDate.of(2026, 12, 10))));

        List<String> withOurs = new ArrayList<>(tables);
        withOurs.add(1, "calendar_links");
        assertEquals(withOurs, PeregrineFiles.tables(file), "no table but ours added, none dropped");
        for (String table : tables) {
            if (!table.equals("jobs")) {
                assertEquals(ddlBefore.get(table), PeregrineFiles.ddl(file, table), table);
                assertEquals(rowsBefore.get(table), PeregrineFiles.rows(file, table), table);
            }
        }
        String jobsBefore = ddlBefore.get("jobs");
        String jobsAfter = PeregrineFiles.ddl(file, "jobs");
        assertTrue(jobsAfter.startsWith(jobsBefore.substring(0, jobsBefore.length() - 1)), "Peregrine's columns stay as they were");
        for (String ours : List.of("calendar_provider", "calendar_event_version", "calendar_event_address", "interview_time",
                "interview_zone", "interview_duration_minutes")) {
            assertTrue(jobsAfter.contains(ours), ours);
        }
        List<String> second = PeregrineFiles.rows(file, "jobs").get(1);
        assertEquals(rowsBefore.get("jobs").get(1), second.subList(0, rowsBefore.get("jobs").get(1).size()), "other rows untouched");
        assertTrue(PeregrineFiles.rows(file, "jobs").get(0).contains("interview_date=2026-12-10"), "written as Peregrine writes it");
    }

    @Test
    void aDateTimeThatPeregrinesWebInterfaceWroteIsTheInterviewsStartShownInTheUsersZone() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET interview_date = '2026-12-10T15:00:00.000Z' WHERE id = 1");
            s.execute("UPDATE jobs SET interview_date = '2026-12-31T23:30:00Z' WHERE id = 2");
        }
        SqliteJobStore store = new SqliteJobStore(file, NOON_IN_BERLIN);
        InterviewSlot slot = store.job(1).interview().orElseThrow();
        assertEquals(new InterviewSlot(LocalDate.of(2026, 12, 10), Optional.of(LocalTime.of(16, 0)), Optional.of(ZoneId.of("Europe/Berlin")),
                Optional.empty()), slot);
        assertEquals(LocalDate.of(2027, 1, 1), store.job(2).interview().orElseThrow().date(), "the date is the user's, not UTC's");

        store.setInterview(1, Optional.of(slot));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT interview_date, interview_time, interview_zone FROM jobs WHERE id = 1")) {
            r.next();
            assertEquals(List.of("2026-12-10", "16:00", "Europe/Berlin"), List.of(r.getString(1), r.getString(2), r.getString(3)),
                    "the workbench writes the date as Peregrine's own code does, and keeps the time in its columns");
        }
        assertEquals(Optional.of(slot), store.job(1).interview());
    }

    @Test
    void aStoredDateNoCalendarCanHoldReadsAsNoDateAndADateOutOfRangeIsNeverWritten() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET interview_date = '0000-01-01' WHERE id = 1");
            s.execute("UPDATE jobs SET interview_date = 'next tuesday' WHERE id = 2");
        }
        JobStore store = new SqliteJobStore(file);
        assertEquals(Optional.empty(), store.job(1).interview());
        assertEquals(Optional.empty(), store.job(2).interview());
        assertThrows(IllegalArgumentException.class, () -> InterviewDates.write(LocalDate.of(10000, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> InterviewDates.write(LocalDate.of(-1, 1, 1)));
    }

    @Test
    void interviewRejectedIsARejectionAndAnUnknownStatusIsListedUnderItsOwnName() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET status = 'interview_rejected' WHERE id = 1");
            s.execute("UPDATE jobs SET status = 'withdrawn' WHERE id = 2");
        }
        JobStore store = new SqliteJobStore(file);
        Map<Stage, List<Job>> board = store.board();
        assertEquals(List.of(1L), board.get(Stage.REJECTED).stream().map(Job::id).toList());
        assertEquals(Optional.of(Stage.REJECTED), store.job(1).stage());
        assertEquals("interview_rejected", store.job(1).status(), "the stored value is kept as it is");
        assertEquals(List.of(1L), store.list(Optional.of(Stage.REJECTED)).stream().map(Job::id).toList());
        List<Job> other = store.otherStatuses();
        assertEquals(List.of("withdrawn"), other.stream().map(Job::status).toList());
        assertTrue(board.values().stream().flatMap(List::stream).noneMatch(j -> j.id() == 2));
    }

    @Test
    void anUnknownIdIsReportedAndNothingIsWritten() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("unknown.db"));
        UnknownJobException e = assertThrows(UnknownJobException.class, () -> store.move(99, Stage.OFFER));
        assertEquals(99, e.jobId());
        assertThrows(UnknownJobException.class, () -> store.job(99));
        assertTrue(store.list(Optional.empty()).isEmpty());
        // the refused write's connection is reused: it must have ended its transaction
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        assertEquals(id, new SqliteJobStore(dir.resolve("unknown.db")).job(id).id());
    }

    @Test
    void aStoreThatKeepsItsConnectionsSeesWhatAnotherStoreCommitted() throws Exception {
        Path file = dir.resolve("two.db");
        JobStore workbench = new SqliteJobStore(file);
        JobStore cli = new SqliteJobStore(file);
        long id = workbench.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        assertEquals(Stage.APPLIED, workbench.job(id).stage().orElseThrow());

        cli.move(id, Stage.PHONE_SCREEN);
        cli.putCalendarLink(id, new CalendarLink("apple_calendar", "https://cal.example/1.ics", Optional.of("\"v2\"")));

        Job seen = workbench.job(id);
        assertEquals(Stage.PHONE_SCREEN, seen.stage().orElseThrow());
        assertEquals(Optional.of("\"v2\""), seen.calendarLink().flatMap(CalendarLink::version));
    }

    @Test
    void addingASecondJobWithTheSameListingSaysSoAndKeepsTheFirst() throws Exception {
        JobStore store = new SqliteJobStore(dir.resolve("dup.db"));
        store.add(new NewJob("Engineer", "Acme", "https://a.example/1", Stage.APPLIED));
        JobStoreException e = assertThrows(JobStoreException.class,
                () -> store.add(new NewJob("Other", "Acme", "https://a.example/1", Stage.APPLIED)));
        assertTrue(e.getMessage().contains("https://a.example/1"), e.getMessage());
        assertEquals(1, store.list(Optional.empty()).size());
        store.add(new NewJob("No listing 1", "Acme", "", Stage.APPLIED));
        store.add(new NewJob("No listing 2", "Acme", "", Stage.APPLIED));
        assertEquals(3, store.list(Optional.of(Stage.APPLIED)).size());
    }

    @Test
    void twoStoresWritingTheSameFileAtOnceLoseNoUpdate() throws Exception {
        Path file = dir.resolve("shared.db");
        JobStore workbench = new SqliteJobStore(file);
        JobStore cli = new SqliteJobStore(file);
        workbench.list(Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (JobStore store : List.of(workbench, cli, workbench, cli)) {
                writers.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        long id = store.add(new NewJob("Job " + i, "Co " + store.hashCode(), "", Stage.APPLIED));
                        store.move(id, Stage.PHONE_SCREEN);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Job> all = new SqliteJobStore(file).list(Optional.empty());
        assertEquals(200, all.size());
        assertEquals(Set.of(Stage.PHONE_SCREEN), all.stream().map(j -> j.stage().orElseThrow()).collect(Collectors.toSet()));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedByNameAndLeftAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "title,company\nEngineer,Acme\n");
        byte[] before = Files.readAllBytes(file);
        JobStoreException e = assertThrows(JobStoreException.class, () -> new SqliteJobStore(file).board());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), Files.list(dir).toList(), "no journal or WAL file was created beside it");
    }

    @Test
    void aPipeOrADeviceGivenAsTheDatabaseIsRefusedByNameAtOnce() throws Exception {
        Path fifo = dir.resolve("staging.db");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path special : List.of(fifo, Path.of("/dev/zero"))) {
            long start = System.nanoTime();
            JobStoreException e = assertThrows(JobStoreException.class, () -> new SqliteJobStore(special).list(Optional.empty()));
            assertTrue(e.getMessage().contains(special.toString()) && e.getMessage().contains("not a regular file"), e.getMessage());
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered within a second");
        }
    }

    @Test
    void aReadOnlyFileIsRefusedByNameAndLeftAsItWas() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("ro.db"));
        byte[] before = Files.readAllBytes(file);
        PeregrineFiles.makeReadOnly(file);
        try {
            JobStoreException e = assertThrows(JobStoreException.class, () -> new SqliteJobStore(file).board());
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("read-only"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            PeregrineFiles.makeWritable(file);
        }
    }

    @Test
    void aDatabaseLockedByAnotherProcessPastTheTimeoutGivesAClearErrorAndTheWriteDoesNotHappen() throws Exception {
        Path file = dir.resolve("locked.db");
        JobStore store = new SqliteJobStore(file);
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        // Python's sqlite3 (Radicale, which the tests need anyway, brings python3) holds the lock from its own process.
        Process locker = new ProcessBuilder("python3", "-c", """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], isolation_level=None)
                c.execute("BEGIN EXCLUSIVE")
                print("locked", flush=True)
                sys.stdin.read()
                """, file.toString()).redirectErrorStream(true).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(locker.getInputStream())).readLine();
            assertEquals("locked", first, "the other process holds the lock");
            long started = System.nanoTime();
            JobStoreException e = assertThrows(JobStoreException.class, () -> store.move(id, Stage.OFFER));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("locked"), e.getMessage());
            assertTrue(System.nanoTime() - started >= SqliteJobStore.BUSY_TIMEOUT.toNanos() / 2, "it waited for the lock first");
        } finally {
            locker.getOutputStream().close();
            locker.waitFor();
        }
        assertEquals(Optional.of(Stage.APPLIED), store.job(id).stage());
        assertEquals(Optional.of(Stage.OFFER), store.move(id, Stage.OFFER).stage(), "the lock released, the write goes through");
    }
}
