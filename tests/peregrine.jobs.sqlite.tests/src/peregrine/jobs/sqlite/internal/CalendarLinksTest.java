package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/** The store's calendar links: the {@code calendar_links} table, its migration, and Peregrine's own column beside it. */
class CalendarLinksTest {

    private static final CalendarLink APPLE = new CalendarLink("apple_calendar", "uid-1@peregrine-workbench",
            Optional.of("https://cal.example/i/uid-1.ics"), Optional.of("\"e1\""), Optional.of("fp-apple"),
            Optional.of(Instant.parse("2026-11-25T10:00:00Z")));
    private static final CalendarLink GOOGLE = new CalendarLink("google_calendar", "g0ogle1d", Optional.empty(), Optional.empty(),
            Optional.of("fp-google"), Optional.of(Instant.parse("2026-11-25T10:00:01Z")));

    @TempDir
    Path dir;

    /** A file as the workbench before calendar_links left it: its link columns set for jobs 1 and 2, Peregrine's id on 3. */
    private Path fileOfTheOlderWorkbench() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            for (var column : Schema.ADDED_COLUMNS.get("jobs").entrySet()) {
                if (!column.getKey().equals(Columns.INTERVIEW_LOCATION) && !PeregrineFiles.ddl(file, "jobs").contains(" " + column.getKey() + " ")) {
                    s.execute("ALTER TABLE jobs ADD COLUMN " + column.getKey() + " " + column.getValue());
                }
            }
            s.execute("""
                    UPDATE jobs SET calendar_event_id = 'uid-1@peregrine-workbench', calendar_provider = 'apple_calendar',
                    calendar_event_address = 'https://cal.example/i/uid-1.ics', calendar_event_version = '"e1"' WHERE id = 1""");
            s.execute("UPDATE jobs SET calendar_event_id = 'g0ogle1d', calendar_provider = 'google_calendar' WHERE id = 2");
            s.execute("UPDATE jobs SET calendar_event_id = 'peregrine-job-3@circuitforge.tech' WHERE id = 3");
            s.execute("UPDATE jobs SET calendar_provider = 'apple_calendar' WHERE id = 4"); // a provider without an event
        }
        return file;
    }

    @Test
    void theOlderWorkbenchsLinkColumnsBecomeExactlyOneLinkPerJobAndASecondOpeningAddsNone() throws Exception {
        Path file = fileOfTheOlderWorkbench();
        List<List<String>> jobsBefore = PeregrineFiles.rows(file, "jobs");

        JobStore store = new SqliteJobStore(file);
        assertEquals(List.of(new CalendarLink("apple_calendar", "uid-1@peregrine-workbench", Optional.of("https://cal.example/i/uid-1.ics"),
                Optional.of("\"e1\""))), store.job(1).calendarLinks());
        assertEquals(List.of(new CalendarLink("google_calendar", "g0ogle1d")), store.job(2).calendarLinks());
        assertEquals(List.of(new CalendarLink("", "peregrine-job-3@circuitforge.tech")), store.job(3).calendarLinks(),
                "Peregrine's own event gets no row: it stays its column");
        assertEquals(List.of(), store.job(4).calendarLinks());
        List<List<String>> links = PeregrineFiles.rows(file, "calendar_links");
        assertEquals(2, links.size(), links.toString());

        List<List<String>> jobsOnce = PeregrineFiles.rows(file, "jobs");
        for (int i = 0; i < jobsBefore.size(); i++) {
            assertEquals(jobsBefore.get(i), jobsOnce.get(i).subList(0, jobsBefore.get(i).size()), "the old columns stay as they were");
        }
        new SqliteJobStore(file).board();
        assertEquals(links, PeregrineFiles.rows(file, "calendar_links"), "a second opening takes nothing over again");
        assertEquals(jobsOnce, PeregrineFiles.rows(file, "jobs"));
    }

    @Test
    void storesOpeningAnOlderFileAtOnceTakeEachLinkOverOnce() throws Exception {
        Path file = fileOfTheOlderWorkbench();
        int stores = 6;
        CyclicBarrier start = new CyclicBarrier(stores);
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        try {
            List<Callable<Map<Stage, List<Job>>>> openings = new ArrayList<>();
            for (int i = 0; i < stores; i++) {
                openings.add(() -> {
                    JobStore store = new SqliteJobStore(file);
                    start.await();
                    return store.board();
                });
            }
            for (Future<Map<Stage, List<Job>>> board : pool.invokeAll(openings)) {
                assertEquals(List.of(new CalendarLink("google_calendar", "g0ogle1d")), board.get().get(Stage.APPLIED).get(0).calendarLinks());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(List.of("1", "apple_calendar"), List.of("2", "google_calendar")),
                query(file, "SELECT job_id, provider_id FROM calendar_links ORDER BY id"));
    }

    @Test
    void putAndRemoveKeepPeregrinesColumnOnTheFirstRecordedLink() throws Exception {
        Path file = dir.resolve("links.db");
        JobStore store = new SqliteJobStore(file);
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.INTERVIEWING));

        assertEquals(List.of(APPLE), store.putCalendarLink(id, APPLE).calendarLinks());
        assertEquals(List.of(APPLE, GOOGLE), store.putCalendarLink(id, GOOGLE).calendarLinks());
        assertEquals(List.of(List.of(APPLE.eventId(), "apple_calendar", "https://cal.example/i/uid-1.ics", "\"e1\"")), legacy(file, id),
                "Peregrine sees the first link, and an older workbench its calendar beside it");

        CalendarLink moved = new CalendarLink("apple_calendar", "uid-2@peregrine-workbench", Optional.empty(), Optional.of("\"e2\""));
        assertEquals(List.of(moved, GOOGLE), store.putCalendarLink(id, moved).calendarLinks(), "replaced in its place: still first");
        assertEquals(moved.eventId(), legacy(file, id).get(0).get(0));

        assertEquals(List.of(GOOGLE), store.removeCalendarLink(id, "apple_calendar").calendarLinks());
        assertEquals(List.of(List.of(GOOGLE.eventId(), "google_calendar", "null", "null")), legacy(file, id));
        assertEquals(List.of(GOOGLE, APPLE), store.putCalendarLink(id, APPLE).calendarLinks(), "a link put again comes last");
        store.removeCalendarLink(id, "google_calendar");
        assertEquals(List.of(), store.removeCalendarLink(id, "apple_calendar").calendarLinks());
        assertEquals(List.of(List.of("null", "null", "null", "null")), legacy(file, id));
        assertEquals(List.of(), new SqliteJobStore(file).job(id).calendarLinks());
    }

    @Test
    void anIdPeregrineWroteReadsAsItsLinkFirstAndGivesWayToAWorkbenchLinkWithThatId() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.putCalendarLink(2, GOOGLE);
        peregrineWrites(file, 1, "peregrine-job-1@circuitforge.tech");
        peregrineWrites(file, 2, "peregrine-job-2@circuitforge.tech");

        CalendarLink peregrines1 = new CalendarLink("", "peregrine-job-1@circuitforge.tech");
        assertEquals(List.of(peregrines1), store.job(1).calendarLinks(), "read at once, by the store that keeps its connections");
        assertEquals(List.of(new CalendarLink("", "peregrine-job-2@circuitforge.tech"), GOOGLE), store.job(2).calendarLinks(),
                "the id in Peregrine's column comes first");

        CalendarLink adopted = new CalendarLink("apple_calendar", "peregrine-job-1@circuitforge.tech",
                Optional.of("https://cal.example/i/p1.ics"), Optional.of("\"p1\""));
        assertEquals(List.of(adopted), store.putCalendarLink(1, adopted).calendarLinks(), "no second link for the same event");
        assertEquals("peregrine-job-1@circuitforge.tech", legacy(file, 1).get(0).get(0));

        assertEquals(List.of(GOOGLE, APPLE), store.putCalendarLink(2, APPLE).calendarLinks(),
                "Peregrine's id gives way to the first link the workbench recorded, as JobStore says");
        assertEquals(GOOGLE.eventId(), legacy(file, 2).get(0).get(0));
    }

    @Test
    void removingALinkLeavesAnIdPeregrineWroteMeanwhileAndRemovingPeregrinesOwnClearsItsColumn() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.putCalendarLink(1, APPLE);
        peregrineWrites(file, 1, "peregrine-job-1@circuitforge.tech");

        CalendarLink peregrines = new CalendarLink("", "peregrine-job-1@circuitforge.tech");
        assertEquals(List.of(peregrines), store.removeCalendarLink(1, "apple_calendar").calendarLinks());
        assertEquals("peregrine-job-1@circuitforge.tech", legacy(file, 1).get(0).get(0), "Peregrine's event is not forgotten");

        assertEquals(List.of(), store.removeCalendarLink(1, "").calendarLinks());
        assertEquals("null", legacy(file, 1).get(0).get(0));

        store.putCalendarLink(2, GOOGLE);
        peregrineWrites(file, 2, "peregrine-job-2@circuitforge.tech");
        assertEquals(List.of(GOOGLE), store.removeCalendarLink(2, "").calendarLinks(), "the column passes back to the first link");
        assertEquals(GOOGLE.eventId(), legacy(file, 2).get(0).get(0));
    }

    @Test
    void removingALinkThatIsNotThereChangesNothing() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.putCalendarLink(1, APPLE);
        store.putCalendarLink(1, GOOGLE);
        Job before = store.job(1);
        List<List<String>> jobs = PeregrineFiles.rows(file, "jobs");
        List<List<String>> links = PeregrineFiles.rows(file, "calendar_links");

        assertEquals(before, store.removeCalendarLink(1, "outlook_calendar"));
        assertEquals(before, store.removeCalendarLink(1, ""), "Peregrine's column holds a workbench link: there is no link of its own");
        assertEquals(store.job(3), store.removeCalendarLink(3, "apple_calendar"));
        assertEquals(store.job(3), store.removeCalendarLink(3, ""));
        assertEquals(jobs, PeregrineFiles.rows(file, "jobs"));
        assertEquals(links, PeregrineFiles.rows(file, "calendar_links"));
    }

    @Test
    void aLinkWithoutProviderIsRefusedAndAnUnknownJobIsReportedAndNothingIsWritten() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.list(Optional.empty());
        List<List<String>> jobs = PeregrineFiles.rows(file, "jobs");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.putCalendarLink(1, new CalendarLink("", "peregrine-job-1@circuitforge.tech")));
        assertTrue(refused.getMessage().contains("calendar_event_id"), refused.getMessage());
        assertEquals(99, assertThrows(UnknownJobException.class, () -> store.putCalendarLink(99, APPLE)).jobId());
        assertEquals(99, assertThrows(UnknownJobException.class, () -> store.removeCalendarLink(99, "apple_calendar")).jobId());

        assertEquals(jobs, PeregrineFiles.rows(file, "jobs"));
        assertEquals(List.of(), PeregrineFiles.rows(file, "calendar_links"));
        assertEquals(List.of(APPLE), store.putCalendarLink(1, APPLE).calendarLinks(), "the refused writes ended their transactions");
    }

    @Test
    void aPutThatFailsHalfwayLeavesTheLinksAndTheColumnAsTheyWere() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.putCalendarLink(1, APPLE);
        // Another program's trigger refuses the second statement, Peregrine's column, after the link row was written.
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TRIGGER refuse AFTER UPDATE OF calendar_event_id ON jobs
                    BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END""");
        }
        List<List<String>> jobs = PeregrineFiles.rows(file, "jobs");
        List<List<String>> links = PeregrineFiles.rows(file, "calendar_links");

        JobStoreException failed = assertThrows(JobStoreException.class, () -> store.putCalendarLink(1, GOOGLE));
        assertTrue(failed.getMessage().contains(file.toString()), failed.getMessage());
        assertThrows(JobStoreException.class, () -> store.removeCalendarLink(1, "apple_calendar"));

        assertEquals(jobs, PeregrineFiles.rows(file, "jobs"));
        assertEquals(links, PeregrineFiles.rows(file, "calendar_links"));
        assertEquals(List.of(APPLE), store.job(1).calendarLinks());
    }

    @Test
    void twoStoresPuttingLinksToOneJobAtOnceLoseNeither() throws Exception {
        Path file = dir.resolve("shared.db");
        JobStore workbench = new SqliteJobStore(file);
        JobStore cli = new SqliteJobStore(file);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(workbench.add(new NewJob("Job " + i, "Co", "", Stage.INTERVIEWING)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> writers = List.of(() -> {
                for (long id : ids) {
                    workbench.putCalendarLink(id, APPLE);
                }
                return null;
            }, () -> {
                for (long id : ids) {
                    cli.putCalendarLink(id, GOOGLE);
                }
                return null;
            });
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (Job job : new SqliteJobStore(file).list(Optional.empty())) {
            assertEquals(2, job.calendarLinks().size(), job.toString());
            assertEquals(job.calendarLinks().get(0).eventId(), legacy(file, job.id()).get(0).get(0),
                    "Peregrine's column holds the first link's id, whichever store came first");
        }
    }

    @Test
    void aPlaceRoundTripsWithEmojiNewlinesAndTwoThousandCharactersAndClearsWithTheSlot() throws Exception {
        Path file = dir.resolve("place.db");
        JobStore store = new SqliteJobStore(file);
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.PHONE_SCREEN));
        InterviewSlot date = new InterviewSlot(LocalDate.of(2026, 12, 10), Optional.of(LocalTime.of(15, 0)), Optional.empty(),
                Optional.empty());
        String longest = "🚀".repeat(500) + "x".repeat(InterviewSlot.MAX_LOCATION_LENGTH - 1000);
        for (String place : List.of("Acme HQ 🚀, 3rd floor\nRoom \"Anvil\"; ask at the desk\r\n– Zoë's office",
                "https://meet.example/abc-defg-hij?pwd=a&b='c'", longest)) {
            InterviewSlot slot = date.withLocation(Optional.of(place));
            assertEquals(Optional.of(place), store.setInterview(id, Optional.of(slot)).interview().flatMap(InterviewSlot::location));
            assertEquals(Optional.of(slot), new SqliteJobStore(file).job(id).interview(), "as another process reads it");
        }
        assertEquals(Optional.of(date), store.setInterview(id, Optional.of(date)).interview(), "a slot without a place clears it");
        store.setInterview(id, Optional.of(date.withLocation(Optional.of("Phone"))));
        assertEquals(Optional.empty(), store.setInterview(id, Optional.empty()).interview());
        assertEquals(List.of(List.of("null")), query(file, "SELECT interview_location FROM jobs WHERE id = " + id), "cleared with the date");
    }

    @Test
    void aPlaceAnotherProgramWroteTooLongReadsAsNoPlaceAndKeepsTheInterview() throws Exception {
        Path file = PeregrineFiles.currentPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        store.list(Optional.empty());
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET interview_location = '" + "x".repeat(InterviewSlot.MAX_LOCATION_LENGTH + 1) + "' WHERE id = 1");
        }
        InterviewSlot slot = store.job(1).interview().orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 30), slot.date());
        assertEquals(Optional.empty(), slot.location());
    }

    @Test
    void theBoardOfTenThousandJobsHasEachJobsLinksInOrderWithinSeconds() throws Exception {
        Path file = dir.resolve("big.db");
        JobStore store = new SqliteJobStore(file);
        store.list(Optional.empty());
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
                    INSERT INTO jobs (id, title, company, status) SELECT i, 'Job ' || i, 'Co', 'interviewing' FROM n""");
            s.execute("""
                    INSERT INTO calendar_links (job_id, provider_id, event_id) SELECT id, 'google_calendar', 'g' || id FROM jobs""");
            s.execute("""
                    INSERT INTO calendar_links (job_id, provider_id, event_id) SELECT id, 'apple_calendar', 'a' || id FROM jobs WHERE id % 2 = 0""");
            s.execute("UPDATE jobs SET calendar_event_id = CASE WHEN id % 3 = 0 THEN 'p' || id ELSE 'a' || id END");
            s.execute("COMMIT");
        }
        store.board();
        long started = System.nanoTime();
        List<Job> jobs = store.board().get(Stage.INTERVIEWING);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("board() of 10,000 jobs and 15,000 links: " + millis + " ms");

        assertEquals(10_000, jobs.size());
        Job six = jobs.get(10_000 - 6);
        assertEquals(6, six.id());
        assertEquals(List.of(new CalendarLink("", "p6"), new CalendarLink("google_calendar", "g6"), new CalendarLink("apple_calendar", "a6")),
                six.calendarLinks());
        assertEquals(List.of(new CalendarLink("apple_calendar", "a4"), new CalendarLink("google_calendar", "g4")),
                jobs.get(10_000 - 4).calendarLinks());
        assertEquals(List.of(new CalendarLink("", "a5"), new CalendarLink("google_calendar", "g5")), jobs.get(10_000 - 5).calendarLinks());
        assertTrue(millis < 5_000, millis + " ms");
    }

    private static void peregrineWrites(Path file, long id, String eventId) throws Exception {
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET calendar_event_id = '" + eventId + "' WHERE id = " + id);
        }
    }

    /** Peregrine's column and the older workbench's beside it. */
    private static List<List<String>> legacy(Path file, long id) throws Exception {
        return query(file, "SELECT calendar_event_id, calendar_provider, calendar_event_address, calendar_event_version FROM jobs WHERE id = " + id);
    }

    private static List<List<String>> query(Path file, String sql) throws Exception {
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(r.getString(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
