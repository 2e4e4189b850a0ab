import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/**
 * Times the job store's part of one calendar push, as the push service makes it: {@code job(id)},
 * {@code companySummary(id)}, then {@code putCalendarLink(id, …)} with an ETag (a write transaction), for every job
 * at Phone Screen, on the product's own store classes. Prints one JSON line with the median of each
 * and of the three together, in milliseconds, after a warm-up pass.
 * <p>
 * {@code java -cp JARS PushStoreCost.java DB}
 */
public final class PushStoreCost {

    public static void main(String[] args) throws Exception {
        JobStore store = SqliteJobStores.open(Path.of(args[0]));
        List<Job> jobs = store.list(Optional.of(Stage.PHONE_SCREEN));
        for (int pass = 0; pass < 2; pass++) {
            double[] read = new double[jobs.size()];
            double[] summary = new double[jobs.size()];
            double[] write = new double[jobs.size()];
            double[] all = new double[jobs.size()];
            for (int i = 0; i < jobs.size(); i++) {
                long id = jobs.get(i).id();
                long t0 = System.nanoTime();
                store.job(id);
                long t1 = System.nanoTime();
                store.companySummary(id);
                long t2 = System.nanoTime();
                store.putCalendarLink(id, new CalendarLink("bench", "http://127.0.0.1/bench/" + id + "-" + pass + ".ics",
                        Optional.of("\"" + Long.toHexString(t2) + "\"")));
                long t3 = System.nanoTime();
                read[i] = (t1 - t0) / 1e6;
                summary[i] = (t2 - t1) / 1e6;
                write[i] = (t3 - t2) / 1e6;
                all[i] = (t3 - t0) / 1e6;
            }
            if (pass == 1) {
                System.out.printf(java.util.Locale.ROOT,
                        "{\"jobs\": %d, \"job_ms\": %.3f, \"company_summary_ms\": %.3f, \"put_calendar_link_ms\": %.3f, \"store_per_push_ms\": %.3f}%n",
                        jobs.size(), median(read), median(summary), median(write), median(all));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
