package peregrine.cli.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

/**
 * Realistic sample jobs spread over every stage of the board, the same ones for the same count and
 * day. Companies are invented and listings point to {@code example.com}.
 */
final class DemoJobs {

    /**
     * One sample: the job as added, its interview, if any, and the stage it moves to afterwards, if
     * it does not stay where it was added (an offer follows an interview; a rejection records the
     * stage it came at).
     */
    record Sample(NewJob job, Optional<InterviewSlot> interview, Optional<Stage> then) {

        /** @return the stage the job ends at */
        Stage stage() {
            return then.orElse(job.stage());
        }
    }

    /** The share of the jobs at each board stage, in per cent; every stage gets at least one job when there are enough. */
    private static final List<Share> SHARES = List.of(new Share(Stage.APPLIED, 30), new Share(Stage.SURVEY, 6),
            new Share(Stage.PHONE_SCREEN, 16), new Share(Stage.INTERVIEWING, 14), new Share(Stage.OFFER, 6),
            new Share(Stage.HIRED, 4), new Share(Stage.REJECTED, 24));

    private record Share(Stage stage, int percent) {
    }

    private static final String[] LEVELS = { "", "", "Senior ", "Senior ", "Staff ", "Junior ", "Lead ", "Principal " };
    private static final String[] ROLES = { "Backend Engineer", "Frontend Developer", "Full-Stack Engineer", "Data Scientist",
            "Data Engineer", "Site Reliability Engineer", "Platform Engineer", "Machine Learning Engineer", "Product Designer",
            "Engineering Manager", "QA Automation Engineer", "iOS Developer", "Android Engineer", "Security Engineer",
            "DevOps Engineer", "Technical Writer", "Product Manager", "Solutions Architect", "Embedded Software Engineer",
            "Database Reliability Engineer", "Developer Advocate", "Java Developer (Eclipse RCP)", "Analytics Engineer" };
    private static final String[] NAMES = { "Northwind", "Bluefin", "Cobalt", "Larkspur", "Quill", "Meridian", "Tidewater",
            "Ironbark", "Helix", "Juniper", "Kestrel", "Oakridge", "Pinecrest", "Solstice", "Vantage", "Wren", "Zephyr",
            "Brightline", "Copperleaf", "Driftwood", "Fjällräv", "Søndergaard", "Café Numérique", "Aurora", "Basalt",
            "Cinder", "Delta Nine", "Ember", "Foxglove", "Granite" };
    private static final String[] KINDS = { " Labs", " Systems", " Analytics", " Health", " Robotics", " Software",
            " Logistics", " Bank", " Energy", " Games", "", " Mobility", " Insurance", " Studio", " AI" };
    private static final ZoneId[] ZONES = { ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo") };
    private static final int[] DURATIONS = { 30, 45, 60, 60, 90 };

    private final LocalDate today;

    /** @param today the day the interviews are placed around */
    DemoJobs(LocalDate today) {
        this.today = today;
    }

    /** @return {@code count} samples in the order to add them, the stages mixed */
    List<Sample> samples(int count) {
        Random random = new Random(count);
        List<Stage> stages = stages(count);
        Collections.shuffle(stages, random);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(sample(i, stages.get(i), random));
        }
        return samples;
    }

    /** @return the final stage of each of {@code count} jobs, by {@link #SHARES} (largest remainders) */
    static List<Stage> stages(int count) {
        int[] n = new int[SHARES.size()];
        double[] exact = new double[SHARES.size()];
        int given = 0;
        for (int i = 0; i < n.length; i++) {
            exact[i] = count * SHARES.get(i).percent() / 100.0;
            n[i] = count >= SHARES.size() ? Math.max(1, (int) exact[i]) : (int) exact[i];
            given += n[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> Double.compare(exact[b] - Math.floor(exact[b]), exact[a] - Math.floor(exact[a])));
        for (int k = 0; given < count; k++, given++) {
            n[byRemainder.get(k % n.length)]++;
        }
        while (given > count) {
            int most = 0;
            for (int i = 1; i < n.length; i++) {
                most = n[i] > n[most] ? i : most;
            }
            n[most]--;
            given--;
        }
        List<Stage> stages = new ArrayList<>(count);
        for (int i = 0; i < n.length; i++) {
            stages.addAll(Collections.nCopies(n[i], SHARES.get(i).stage()));
        }
        return stages;
    }

    private Sample sample(int index, Stage stage, Random random) {
        String title = LEVELS[random.nextInt(LEVELS.length)] + ROLES[random.nextInt(ROLES.length)];
        String company = NAMES[random.nextInt(NAMES.length)] + KINDS[random.nextInt(KINDS.length)];
        String url = "https://jobs.example.com/" + slug(company) + "/" + (10_000 + index);
        return switch (stage) {
            case PHONE_SCREEN, INTERVIEWING -> new Sample(new NewJob(title, company, url, stage),
                    random.nextInt(10) < 8 ? Optional.of(interview(random, -3, 21)) : Optional.empty(), Optional.empty());
            // An offer comes after an interview, which is past.
            case OFFER -> new Sample(new NewJob(title, company, url, Stage.INTERVIEWING),
                    Optional.of(interview(random, -20, -2)), Optional.of(Stage.OFFER));
            // A rejection records where it came: mostly after applying, sometimes after a screen or an interview.
            case REJECTED -> {
                Stage at = switch (random.nextInt(10)) {
                    case 0, 1, 2, 3, 4, 5 -> Stage.APPLIED;
                    case 6, 7 -> Stage.PHONE_SCREEN;
                    default -> Stage.INTERVIEWING;
                };
                yield new Sample(new NewJob(title, company, url, at), Optional.empty(), Optional.of(Stage.REJECTED));
            }
            default -> new Sample(new NewJob(title, company, url, stage), Optional.empty(), Optional.empty());
        };
    }

    /** @return an interview between {@code fromDays} and {@code toDays} from today; most have a time, some a zone and a duration */
    private InterviewSlot interview(Random random, int fromDays, int toDays) {
        LocalDate date = today.plusDays(fromDays + random.nextInt(toDays - fromDays + 1));
        if (random.nextInt(4) == 0) {
            return InterviewSlot.onDate(date);
        }
        LocalTime time = LocalTime.of(9 + random.nextInt(8), random.nextBoolean() ? 0 : 30);
        Optional<ZoneId> zone = random.nextBoolean() ? Optional.of(ZONES[random.nextInt(ZONES.length)]) : Optional.empty();
        Optional<Duration> duration = random.nextInt(3) > 0 ? Optional.of(Duration.ofMinutes(DURATIONS[random.nextInt(DURATIONS.length)]))
                : Optional.empty();
        return new InterviewSlot(date, Optional.of(time), zone, duration);
    }

    private static String slug(String company) {
        String ascii = Normalizer.normalize(company.replace("ø", "o"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
