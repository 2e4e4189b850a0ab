package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

class JobSearchTest {

    @TempDir
    Path dir;

    @Test
    void findMatchesTitleCompanyLocationAndNotesIgnoringCaseInAnyScript() throws Exception {
        Path file = dir.resolve("staging.db");
        JobStore store = new SqliteJobStore(file);
        long zurich = store.add(new NewJob("Senior Entwickler", "Müller GmbH", "", Stage.APPLIED));
        long paris = store.add(new NewJob("Ingénieure logiciel", "ÉCOLE 42", "", Stage.PHONE_SCREEN));
        long athens = store.add(new NewJob("Backend", "Initech", "", Stage.INTERVIEWING));
        setText(file, zurich, "location", "Zürich");
        setText(file, zurich, Columns.NOTES, "Met them at the café; ask about ÜBERSTUNDEN");
        setText(file, athens, "location", "ΑΘΗΝΑ");

        assertEquals(Set.of(zurich), store.find("MÜLLER"), "company, upper case against lower");
        assertEquals(Set.of(zurich), store.find("zürich"), "location");
        assertEquals(Set.of(zurich), store.find("CAFÉ"), "notes, é against É");
        assertEquals(Set.of(zurich), store.find("überstunden"), "notes, ü against Ü");
        assertEquals(Set.of(zurich), store.find("cafe\u0301"), "an é typed as e and a combining accent");
        assertEquals(Set.of(paris), store.find("école"), "company, É against é");
        assertEquals(Set.of(paris), store.find("INGÉNIEURE"), "title");
        assertEquals(Set.of(athens), store.find("αθηνα"), "Greek");
        assertEquals(Set.of(zurich), store.find("  gmbh "), "the text is stripped before it is looked for");
        assertEquals(Set.of(), store.find("Globex"));
        assertEquals(Set.of(zurich, paris, athens), store.find("   "), "blank text finds every job");
    }

    @Test
    void findLooksAtEveryJobNotOnlyThoseOnTheBoard() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        Set<Long> all = new HashSet<>(store.list(Optional.empty()).stream().map(Job::id).toList());
        assertEquals(Set.of(4L), store.find("umbrella"), "a pending job, which the board does not show");
        assertEquals(Set.of(1L), store.find("berlin"), "Peregrine's location column");
        assertEquals(Set.of(1L), store.find("ACME; INC."));
        assertEquals(Set.of(3L), store.find("🚀"));
        assertEquals(all, store.find(""));
    }

    @Test
    void anOlderFileGetsTheNotesColumnAndItsNotesAreSearched() throws Exception {
        Path file = PeregrineFiles.olderPeregrineDatabase(dir.resolve("staging.db"));
        JobStore store = new SqliteJobStore(file);
        assertEquals(Set.of(), store.find("referral"));
        assertTrue(PeregrineFiles.ddl(file, "jobs").contains("notes TEXT"), PeregrineFiles.ddl(file, "jobs"));
        setText(file, 2, Columns.NOTES, "Referral from Ana");
        assertEquals(Set.of(2L), store.find("REFERRAL"));
    }

    @Test
    void findAtTenThousandJobs() throws Exception {
        Path file = dir.resolve("staging.db");
        JobStore store = new SqliteJobStore(file);
        store.list(Optional.empty());
        try (Connection c = PeregrineFiles.connect(file)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO jobs (title, company, location, status, notes) VALUES (?, ?, ?, 'applied', ?)")) {
                for (int i = 0; i < 10_000; i++) {
                    p.setString(1, "Software Engineer " + i);
                    p.setString(2, i % 100 == 0 ? "Müller Logistik AG" : "Company " + i);
                    p.setString(3, "Berlin, Deutschland");
                    p.setString(4, "Applied through the careers page; follow up in two weeks. Job number " + i + ".");
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            store.find("müller");
        }
        long started = System.nanoTime();
        Set<Long> found = store.find("MÜLLER");
        long micros = (System.nanoTime() - started) / 1_000;
        assertEquals(100, found.size());
        started = System.nanoTime();
        Set<Long> none = store.find("zzz-no-such-text");
        long missMicros = (System.nanoTime() - started) / 1_000;
        assertEquals(0, none.size());
        System.out.println("peregrine: find at 10,000 jobs: " + micros / 1000.0 + " ms (100 found), " + missMicros / 1000.0
                + " ms (none found)");
    }

    private static void setText(Path file, long id, String column, String value) throws SQLException {
        try (Connection c = PeregrineFiles.connect(file);
                PreparedStatement p = c.prepareStatement("UPDATE jobs SET " + column + " = ? WHERE id = ?")) {
            p.setString(1, value);
            p.setLong(2, id);
            p.executeUpdate();
        }
    }
}
