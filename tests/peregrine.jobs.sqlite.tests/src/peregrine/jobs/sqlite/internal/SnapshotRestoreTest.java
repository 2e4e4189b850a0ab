package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobChangedException;
import peregrine.jobs.JobSnapshot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;

/** Undo's store half: a snapshot of what the workbench writes, put back only over the state it was taken from. */
class SnapshotRestoreTest {

    private static final Clock NOON_IN_BERLIN = Clock.fixed(Instant.parse("2026-11-25T11:07:30Z"), ZoneId.of("Europe/Berlin"));
    private static final InterviewSlot SLOT = new InterviewSlot(LocalDate.of(2026, 12, 3), Optional.of(LocalTime.of(14, 30)),
            Optional.of(ZoneId.of("Europe/Berlin")), Optional.of(Duration.ofMinutes(45))).withLocation(Optional.of("Room 4"));

    @TempDir
    Path dir;

    private Path file;
    private JobStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("staging.db");
        store = new SqliteJobStore(file, NOON_IN_BERLIN);
    }

    /** A change of the workbench, on the store under test. */
    @FunctionalInterface
    private interface Change {
        void make(long id) throws JobStoreException;
    }

    @Test
    void restoringAfterAMoveTakesTheStageAndItsNewStampBack() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        assertUndone(id, i -> store.move(i, Stage.INTERVIEWING), "interviewing_at");
    }

    @Test
    void restoringAfterARejectPutsTheStageBackAndTheRejectionStageBackToNull() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "https://jobs.example/1", Stage.INTERVIEWING));
        store.setInterview(id, Optional.of(SLOT));
        assertUndone(id, store::reject, "rejection_stage");
    }

    @Test
    void restoringAfterADateWasSetPutsEveryInterviewColumnBackToNull() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        assertUndone(id, i -> store.setInterview(i, Optional.of(SLOT)), "interview_date", Columns.INTERVIEW_TIME,
                Columns.INTERVIEW_ZONE, Columns.INTERVIEW_DURATION, Columns.INTERVIEW_LOCATION);
    }

    @Test
    void restoringAfterADateWasClearedPutsTheDateTimeZoneDurationAndPlaceBack() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(SLOT));
        assertUndone(id, i -> store.setInterview(i, Optional.empty()), "interview_date", Columns.INTERVIEW_DURATION);
        assertEquals(Optional.of(SLOT), store.job(id).interview());
    }

    @Test
    void theSnapshotLeavesNullColumnsOutAndHoldsTheListingColumns() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));

        JobSnapshot snapshot = store.snapshot(id);

        assertEquals(id, snapshot.jobId());
        assertEquals("Engineer", snapshot.columns().get("title"));
        assertEquals("applied", snapshot.columns().get("status"));
        assertTrue(!snapshot.columns().containsKey("url") && !snapshot.columns().containsKey("interview_date"),
                snapshot.toString());
    }

    @Test
    void theNotesAndListingColumnsArePartOfTheSnapshot() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET notes = 'Call back Monday', salary = '90k' WHERE id = " + id);
        }
        JobSnapshot before = store.snapshot(id);
        assertEquals("Call back Monday", before.columns().get("notes"));
        List<List<String>> rows = PeregrineFiles.rows(file, "jobs");
        try (Connection c = PeregrineFiles.connect(file); Statement s = c.createStatement()) {
            s.execute("UPDATE jobs SET notes = NULL, salary = '100k', title = 'Lead' WHERE id = " + id);
        }

        store.restore(before, store.snapshot(id));

        assertEquals(rows, PeregrineFiles.rows(file, "jobs"));
    }

    @Test
    void aChangeByAnotherProcessInBetweenMakesRestoreRefuseAndWriteNothing() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "https://jobs.example/1", Stage.PHONE_SCREEN));
        JobSnapshot before = store.snapshot(id);
        store.move(id, Stage.INTERVIEWING);
        JobSnapshot after = store.snapshot(id);
        new SqliteJobStore(file, NOON_IN_BERLIN).setInterview(id, Optional.of(SLOT));
        List<List<String>> rows = PeregrineFiles.rows(file, "jobs");

        JobChangedException refused = assertThrows(JobChangedException.class, () -> store.restore(before, after));

        assertTrue(refused.getMessage().contains("Engineer"), refused.getMessage());
        assertEquals(rows, PeregrineFiles.rows(file, "jobs"));
        // the refusal ended its transaction: the store writes on
        store.restore(after, store.snapshot(id));
    }

    @Test
    void anUnknownJobIsReportedAndSnapshotsOfTwoJobsAreRefused() throws Exception {
        long id = store.add(new NewJob("Engineer", "Acme", "", Stage.APPLIED));
        long other = store.add(new NewJob("Analyst", "Globex", "", Stage.APPLIED));
        JobSnapshot snapshot = store.snapshot(id);

        assertThrows(UnknownJobException.class, () -> store.snapshot(99));
        assertThrows(UnknownJobException.class, () -> store.restore(new JobSnapshot(99, snapshot.columns()),
                new JobSnapshot(99, snapshot.columns())));
        assertThrows(IllegalArgumentException.class, () -> store.restore(snapshot, store.snapshot(other)));
        assertEquals(snapshot, store.snapshot(id));
    }

    /** Makes {@code change}, which writes {@code written}, restores the snapshot before it and finds the file as it was. */
    private void assertUndone(long id, Change change, String... written) throws Exception {
        List<List<String>> rows = PeregrineFiles.rows(file, "jobs");
        JobSnapshot before = store.snapshot(id);
        change.make(id);
        JobSnapshot after = store.snapshot(id);
        for (String column : written) {
            assertNotEquals(before.columns().get(column), after.columns().get(column), column + " was written");
        }

        store.restore(before, after);

        assertEquals(rows, PeregrineFiles.rows(file, "jobs"));
        assertEquals(before, store.snapshot(id));
    }
}
