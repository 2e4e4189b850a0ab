import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.sqlite.SQLiteDataSource;

import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/**
 * Times {@link JobStore#board()}, the query the Interviews board loads, on a database: the product's own
 * store classes and sqlite-jdbc on the class path (bench.py passes the product's plug-in jars), run as a
 * single-file program. Warms up first so the JIT and SQLite's page cache are warm, as in a running
 * workbench, then prints one JSON line: the median, the fastest, the 90th percentile and the first
 * (cold) call in milliseconds.
 * <p>
 * For comparison it also times SQLite alone: the same statement the store sends (its columns and
 * its {@code WHERE status IN (…) ORDER BY id DESC}), every column read as text, on one connection held
 * open, without making jobs. The difference is the store's own cost (a connection per call, mapping
 * rows to records).
 * <p>
 * {@code java -cp JARS BoardQuery.java DB [WARMUP] [RUNS]}
 */
public final class BoardQuery {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        JobStore store = SqliteJobStores.open(db);
        long t = System.nanoTime();
        int jobs = count(store.board());
        double first = (System.nanoTime() - t) / 1e6;
        for (int i = 0; i < warmup; i++) {
            count(store.board());
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            t = System.nanoTime();
            count(store.board());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double[] sql = sqlOnly(db, warmup, runs);
        System.out.printf(java.util.Locale.ROOT,
                "{\"jobs_on_board\": %d, \"first_ms\": %.2f, \"median_ms\": %.2f, \"min_ms\": %.2f, \"p90_ms\": %.2f, \"runs\": %d, "
                        + "\"sql_only_median_ms\": %.2f, \"sql_only_min_ms\": %.2f}%n",
                jobs, first, ms[runs / 2], ms[0], ms[(int) (runs * 0.9)], runs, sql[runs / 2], sql[0]);
    }

    private static final String SQL = "SELECT id, title, company, url, status, applied_at, rejection_stage, interview_date, "
            + "interview_time, interview_zone, interview_duration_minutes, calendar_event_id, calendar_provider FROM jobs "
            + "WHERE status IN ('applied', 'survey', 'phone_screen', 'interviewing', 'offer', 'hired', 'rejected') ORDER BY id DESC";

    private static double[] sqlOnly(Path db, int warmup, int runs) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + db);
        double[] ms = new double[runs];
        try (Connection c = source.getConnection(); PreparedStatement p = c.prepareStatement(SQL)) {
            for (int i = 0; i < warmup + runs; i++) {
                long t = System.nanoTime();
                int n = 0;
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        for (int col = 1; col <= 13; col++) {
                            n += r.getString(col) == null ? 0 : 1;
                        }
                    }
                }
                if (i >= warmup) {
                    ms[i - warmup] = (System.nanoTime() - t) / 1e6;
                }
                if (n < 0) {
                    throw new AssertionError();
                }
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static int count(Map<Stage, List<Job>> board) {
        return board.values().stream().mapToInt(List::size).sum();
    }
}
