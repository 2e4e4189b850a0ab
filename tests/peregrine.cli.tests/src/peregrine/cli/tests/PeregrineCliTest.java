package peregrine.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import peregrine.cli.tests.Product.Result;

/** {@code peregrine-cli}, run from the materialized product against temporary database files. */
class PeregrineCliTest {

    /** One cache for the class, so that only the first command starts cold. */
    @TempDir
    static Path cache;

    @TempDir
    Path home;

    private Path db;

    @BeforeEach
    void newDatabase() {
        db = home.resolve("jobs/staging.db");
    }

    private Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(Arrays.asList(args));
        return Product.run("peregrine-cli", Product.environment(home, cache), all);
    }

    private Result cliWithoutDb(String... args) {
        return Product.run("peregrine-cli", Product.environment(home, cache), List.of(args));
    }

    private long add(String title, String company, String... more) {
        List<String> args = new ArrayList<>(List.of("jobs", "add", "--title", title, "--company", company));
        args.addAll(Arrays.asList(more));
        Result result = cli(args.toArray(String[]::new));
        Product.assertSucceeded(result);
        assertTrue(result.out().matches("\\d+\\n"), () -> "jobs add prints only the new id:\n" + result);
        return Long.parseLong(result.out().strip());
    }

    private JsonArray listJson(String... more) {
        List<String> args = new ArrayList<>(List.of("jobs", "list", "--json"));
        args.addAll(Arrays.asList(more));
        Result result = cli(args.toArray(String[]::new));
        Product.assertSucceeded(result);
        assertEquals("", result.err(), "nothing on stderr");
        return JsonParser.parseString(result.out()).getAsJsonArray();
    }

    private JsonObject job(long id) {
        return StreamSupport.stream(listJson().spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("id").getAsLong() == id).findFirst().orElseThrow();
    }

    private static void assertOneLineError(Result result, String expectedPart) {
        assertEquals(1, result.exit(), () -> "expected exit status 1:\n" + result);
        assertEquals("", result.out(), "nothing on stdout");
        assertEquals(1, result.errLines().size(), () -> "expected one line on stderr:\n" + result);
        assertTrue(result.err().contains(expectedPart), () -> "stderr should mention '" + expectedPart + "':\n" + result);
        assertFalse(result.err().contains("Exception"), () -> "no stack trace or exception name:\n" + result);
    }

    @Test
    void listOnANewDatabaseCreatesTheFileAndPrintsAnEmptyJsonArray() {
        assertFalse(Files.exists(db));

        JsonArray jobs = listJson();

        assertEquals(0, jobs.size());
        assertTrue(Files.isRegularFile(db), "the database file is created");
    }

    @Test
    void addedJobsComeBackFromListAsJsonWithEveryDocumentedField() {
        long first = add("Senior Backend Engineer", "Acme", "--url", "https://jobs.example.com/acme/1");
        long second = add("Product Designer", "Müller & Söhne", "--stage", "phone_screen");

        JsonArray jobs = listJson();

        assertEquals(2, jobs.size());
        JsonObject a = jobs.get(0).getAsJsonObject();
        assertEquals(first, a.get("id").getAsLong());
        assertEquals("Senior Backend Engineer", a.get("title").getAsString());
        assertEquals("Acme", a.get("company").getAsString());
        assertEquals("https://jobs.example.com/acme/1", a.get("url").getAsString());
        assertEquals("applied", a.get("status").getAsString(), "a job is added at applied unless a stage is given");
        for (String key : List.of("interview_date", "calendar_event_id", "calendar_provider")) {
            assertTrue(a.has(key) && a.get(key).isJsonNull(), key + " is present and null");
        }
        JsonObject b = jobs.get(1).getAsJsonObject();
        assertEquals(second, b.get("id").getAsLong());
        assertEquals("Müller & Söhne", b.get("company").getAsString(), "UTF-8 survives the round trip");
        assertEquals("phone_screen", b.get("status").getAsString());
        assertTrue(b.get("url").isJsonNull());
    }

    @Test
    void listWithAStageShowsOnlyTheJobsAtThatStage() {
        add("A", "One");
        long screened = add("B", "Two", "--stage", "phone-screen");

        JsonArray jobs = listJson("--stage", "Phone Screen");

        assertEquals(1, jobs.size());
        assertEquals(screened, jobs.get(0).getAsJsonObject().get("id").getAsLong());
    }

    @Test
    void listWithoutJsonPrintsATableWithHeadingsAndOneRowPerJob() {
        add("Platform Engineer", "Northwind");
        add("Data Engineer", "Bluefin", "--stage", "interviewing");

        Result result = cli("jobs", "list");

        Product.assertSucceeded(result);
        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result::toString);
        assertTrue(lines.get(0).contains("ID") && lines.get(0).contains("TITLE") && lines.get(0).contains("COMPANY"));
        assertTrue(lines.get(2).contains("Interviewing") && lines.get(2).contains("Data Engineer"), result::toString);
    }

    @Test
    void moveChangesTheStageAndRejectRecordsTheStageTheJobWasAt() {
        long id = add("Site Reliability Engineer", "Kestrel");

        Product.assertSucceeded(cli("jobs", "move", Long.toString(id), "interviewing"));
        assertEquals("interviewing", job(id).get("status").getAsString());

        Result rejected = cli("jobs", "reject", Long.toString(id));
        Product.assertSucceeded(rejected);
        JsonObject job = job(id);
        assertEquals("rejected", job.get("status").getAsString());
        assertEquals("interviewing", job.get("rejection_stage").getAsString());
    }

    @Test
    void interviewSetStoresTheDateTimeZoneAndDurationAndClearRemovesThem() {
        long id = add("Android Engineer", "Helix", "--stage", "phone_screen");

        Result set = cli("interview", "set", Long.toString(id), "2026-03-14", "--time", "14:30", "--zone", "Europe/Berlin",
                "--duration", "45");

        Product.assertSucceeded(set);
        JsonObject job = job(id);
        assertEquals("2026-03-14", job.get("interview_date").getAsString());
        assertEquals("14:30", job.get("interview_time").getAsString());
        assertEquals("Europe/Berlin", job.get("interview_zone").getAsString());
        assertEquals(45, job.get("interview_duration_minutes").getAsInt());

        Product.assertSucceeded(cli("interview", "clear", Long.toString(id)));
        JsonObject cleared = job(id);
        assertTrue(cleared.get("interview_date").isJsonNull());
        assertFalse(cleared.has("interview_time") || cleared.has("interview_zone") || cleared.has("interview_duration_minutes"));
    }

    @Test
    void interviewSetIsRefusedForAJobThatIsNotAtAnInterviewStage() {
        long id = add("QA Automation Engineer", "Quill");

        assertOneLineError(cli("interview", "set", Long.toString(id), "2026-03-14"), "phone_screen");
        assertTrue(job(id).get("interview_date").isJsonNull());
    }

    @Test
    void anUnknownIdExitsWith1AndSaysSoInOneLine() {
        assertOneLineError(cli("jobs", "move", "4242", "offer"), "4242");
        assertOneLineError(cli("jobs", "reject", "4242"), "4242");
        assertOneLineError(cli("interview", "set", "4242", "2026-03-14"), "4242");
    }

    @Test
    void aBadStageExitsWith1AndNamesTheStages() {
        long id = add("Technical Writer", "Wren");

        assertOneLineError(cli("jobs", "move", Long.toString(id), "celebrating"), "phone_screen");
        assertOneLineError(cli("jobs", "add", "--title", "T", "--company", "C", "--stage", "nope"), "nope");
        assertEquals(1, listJson().size(), "nothing was added");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-02-30", "14.03.2026", "tomorrow", "2026-3-14" })
    void aBadDateExitsWith1AndShowsTheExpectedFormat(String date) {
        long id = add("Security Engineer", "Vantage", "--stage", "interviewing");

        assertOneLineError(cli("interview", "set", Long.toString(id), date), "YYYY-MM-DD");
        assertTrue(job(id).get("interview_date").isJsonNull());
    }

    @ParameterizedTest
    @ValueSource(strings = { "+10000-01-01", "-0001-01-01", "0000-01-01", "1899-12-31", "10000-01-01", "+2026-03-15" })
    void aDateNoCalendarCanHoldExitsWith1AndTheStoredDateStays(String date) {
        long id = add("Staff Engineer", "Orbit", "--stage", "interviewing");
        Product.assertSucceeded(cli("interview", "set", Long.toString(id), "2026-03-14"));

        assertOneLineError(cli("interview", "set", Long.toString(id), date), "1900 to 9999");

        assertEquals("2026-03-14", job(id).get("interview_date").getAsString(), "the stored date stays");
    }

    @Test
    void anInterviewThatWouldEndAfterTheYear9999ExitsWith1AndTheStoredDateStays() {
        long id = add("Staff Engineer", "Orbit", "--stage", "interviewing");
        Product.assertSucceeded(cli("interview", "set", Long.toString(id), "2026-03-14"));

        assertOneLineError(cli("interview", "set", Long.toString(id), "9999-12-31", "--time", "23:30", "--duration", "60"),
                "would end after the year 9999");

        JsonObject job = job(id);
        assertEquals("2026-03-14", job.get("interview_date").getAsString(), "the stored date stays");
        assertFalse(job.has("interview_time"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1900-01-01", "9999-12-31" })
    void theFirstAndLastDaysCalendarsHoldAreAccepted(String date) {
        long id = add("Staff Engineer", "Orbit", "--stage", "interviewing");

        Product.assertSucceeded(cli("interview", "set", Long.toString(id), date, "--time", "22:00", "--duration", "60"));

        assertEquals(date, job(id).get("interview_date").getAsString());
    }

    @Test
    void aJobPeregrinesWebInterfaceRejectedIsListedAsRejectedAndAnUnknownStatusUnderItsOwnName() throws SQLException {
        long rejected = add("Rejected at the interview", "Lumen", "--stage", "interviewing");
        long withdrawn = add("Withdrawn", "Corvid");
        setStatus(rejected, "interview_rejected");
        setStatus(withdrawn, "withdrawn");

        JsonObject r = job(rejected);
        assertEquals("interview_rejected", r.get("status").getAsString(), "the status as stored");
        assertEquals("rejected", r.get("stage").getAsString());
        JsonObject w = job(withdrawn);
        assertEquals("withdrawn", w.get("status").getAsString());
        assertTrue(w.get("stage").isJsonNull(), "no stage this version knows");

        Result table = cli("jobs", "list");
        Product.assertSucceeded(table);
        assertTrue(table.out().lines().anyMatch(line -> line.matches("\\s*" + rejected + "  Rejected\\s+Rejected at the interview.*")),
                table::toString);
        assertTrue(table.out().lines().anyMatch(line -> line.matches("\\s*" + withdrawn + "  withdrawn\\s+Withdrawn\\s+Corvid")),
                table::toString);

        JsonArray atRejected = listJson("--stage", "rejected");
        assertEquals(List.of(rejected), StreamSupport.stream(atRejected.spliterator(), false)
                .map(o -> o.getAsJsonObject().get("id").getAsLong()).toList());
    }

    /** Writes {@code status} as another program (Peregrine's web interface, a newer Peregrine) would. */
    private void setStatus(long id, String status) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + db);
        try (Connection c = source.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE jobs SET status = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Makes {@code file} what {@code kind} names: a named pipe, a link to /dev/zero, a folder, a link loop, 2 MiB. */
    private static void makeSpecial(Path file, String kind) throws Exception {
        Files.createDirectories(file.getParent());
        switch (kind) {
            case "fifo" -> assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
            case "dev-zero" -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            case "folder" -> Files.createDirectory(file);
            case "link-loop" -> {
                Path other = file.resolveSibling("loop.yaml");
                Files.createSymbolicLink(file, other);
                Files.createSymbolicLink(other, file);
            }
            case "two-mib" -> Files.write(file, new byte[2 << 20]);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "fifo", "dev-zero", "folder", "link-loop", "two-mib" })
    void aUserYamlThatIsNotAFileIsNamedAtOnceAndThePushExitsWith1(String kind) throws Exception {
        long id = add("SRE", "Globex", "--stage", "phone_screen");
        Product.assertSucceeded(cli("interview", "set", Long.toString(id), "2026-03-14"));
        Path user = home.resolve("config/peregrine/user.yaml");
        makeSpecial(user, kind);

        long start = System.nanoTime();
        Result push = cli("calendar", "push", Long.toString(id));

        assertEquals(1, push.exit(), push::toString);
        assertTrue(push.out().contains(user.toString()) || push.err().contains(user.toString()), () -> "names the file:\n" + push);
        assertFalse((push.out() + push.err()).contains("free"), () -> "never read as the free plan:\n" + push);
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "never hangs");
    }

    @ParameterizedTest
    @ValueSource(strings = { "fifo", "dev-zero" })
    void anIntegrationFileThatIsNotAFileIsNamedByCalendarProvidersAndNothingHangs(String kind) throws Exception {
        Files.createDirectories(home.resolve("config/peregrine"));
        Files.writeString(home.resolve("config/peregrine/user.yaml"), "tier: paid\n");
        Path integration = home.resolve("config/peregrine/integrations/apple_calendar.yaml");
        makeSpecial(integration, kind);

        Result providers = cli("calendar", "providers");

        Product.assertSucceeded(providers);
        assertTrue(providers.out().contains(integration.toString()) && providers.out().contains("not a regular file"),
                () -> "names the file and what it is:\n" + providers);
    }

    @Test
    void badTimeZoneOrDurationExitWith1() {
        long id = add("Data Scientist", "Ember", "--stage", "interviewing");

        assertOneLineError(cli("interview", "set", Long.toString(id), "2026-03-14", "--time", "25:00"), "HH:MM");
        assertOneLineError(cli("interview", "set", Long.toString(id), "2026-03-14", "--time", "10:00", "--zone", "Mars/Olympus"),
                "Mars/Olympus");
        assertOneLineError(cli("interview", "set", Long.toString(id), "2026-03-14", "--duration", "0"), "minutes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "frobnicate", "jobs", "jobs lst", "jobs move 1", "jobs reject", "jobs list --colour",
            "jobs add --title OnlyTitle", "jobs list extra", "interview set 1", "demo --jobs" })
    void badUsageExitsWith2(String commandLine) {
        Result result = cli(commandLine.split(" "));

        assertEquals(2, result.exit(), result::toString);
        assertEquals("", result.out(), "nothing on stdout");
        assertFalse(result.err().isBlank());
        assertFalse(result.err().contains("Exception"), result::toString);
    }

    @Test
    void noArgumentsPrintsTheUsageAndExits2() {
        Result result = cliWithoutDb();

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().startsWith("Usage: peregrine-cli"), result::toString);
    }

    @Test
    void helpPrintsTheUsageOfEveryCommandOnStdoutAndExits0() {
        Result result = cliWithoutDb("--help");

        Product.assertSucceeded(result);
        for (String command : List.of("jobs list", "jobs add", "jobs move", "jobs reject", "interview set", "interview clear", "demo")) {
            assertTrue(result.out().contains("  " + command), () -> command + " missing from\n" + result);
        }
        Result one = cliWithoutDb("jobs", "move", "--help");
        Product.assertSucceeded(one);
        assertTrue(one.out().startsWith("Usage: peregrine-cli jobs move ID STAGE"), one::toString);
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedByNameAndLeftUnchanged() throws IOException {
        Files.createDirectories(db.getParent());
        byte[] content = "id,title\n1,not a database\n".repeat(200).getBytes();
        Files.write(db, content);

        assertOneLineError(cli("jobs", "list"), db.toString());
        assertOneLineError(cli("demo"), db.toString());

        assertArrayEquals(content, Files.readAllBytes(db), "the file is unchanged");
        try (var siblings = Files.list(db.getParent())) {
            assertEquals(List.of(db), siblings.toList(), "no journal or WAL file was left next to it");
        }
    }

    @Test
    void demoSeedsAnEmptyDatabaseWithJobsAtEveryBoardStage() {
        Result result = cli("demo");

        Product.assertSucceeded(result);
        JsonArray jobs = listJson();
        assertEquals(24, jobs.size(), "24 jobs by default");
        List<JsonObject> all = StreamSupport.stream(jobs.spliterator(), false).map(JsonElement::getAsJsonObject).toList();
        Set<String> stages = all.stream().map(o -> o.get("status").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("applied", "survey", "phone_screen", "interviewing", "offer", "hired", "rejected"), stages);
        assertTrue(all.stream().anyMatch(o -> !o.get("interview_date").isJsonNull()), "some have an interview date");
        assertTrue(all.stream().map(o -> o.get("company").getAsString()).distinct().count() > 10, "companies vary");
        assertTrue(all.stream().map(o -> o.get("title").getAsString()).distinct().count() > 10, "titles vary");
    }

    @Test
    void demoTakesTheNumberOfJobs() {
        Product.assertSucceeded(cli("demo", "--jobs", "300"));

        assertEquals(300, listJson().size());
    }

    @Test
    void demoRefusesADatabaseThatAlreadyHasJobs() {
        long id = add("My real application", "Real Company");

        assertOneLineError(cli("demo"), "already holds 1 job");

        JsonArray jobs = listJson();
        assertEquals(1, jobs.size(), "nothing was added");
        assertEquals(id, jobs.get(0).getAsJsonObject().get("id").getAsLong());
    }

    @Test
    void theDatabaseComesFromStagingDbWhenNoDbOptionIsGiven() {
        Map<String, String> env = Product.environment(home, cache);
        env.put("STAGING_DB", db.toString());

        Result result = Product.run("peregrine-cli", env, List.of("jobs", "add", "--title", "T", "--company", "C"));

        Product.assertSucceeded(result);
        assertEquals(1, listJson().size(), "the job landed in $STAGING_DB");
    }
}
