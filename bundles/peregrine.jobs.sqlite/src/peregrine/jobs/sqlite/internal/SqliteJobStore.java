package peregrine.jobs.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;
import peregrine.settings.WorkbenchSettings;

/**
 * {@link JobStore} on a Peregrine {@code staging.db}. The file is created or migrated on first use,
 * not on activation, so a bad file shows up as a message where the user acts rather than as a missing
 * service. With WAL and a busy timeout, the workbench and the CLI share the file safely.
 * <p>
 * Connections are kept open and reused: opening one applies its pragmas, and in WAL mode closing a file's
 * last connection checkpoints and syncs, which together cost a push more than its queries. A connection
 * serves one operation at a time; operations on other threads meanwhile take another idle one or open
 * their own. A reused connection is always in auto-commit mode between operations, so each read sees what
 * any process committed before it; one that failed is closed rather than reused.
 */
@Component(service = JobStore.class)
public final class SqliteJobStore implements JobStore {

    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String JOB_COLUMNS = "id, title, company, url, status, applied_at, rejection_stage, interview_date, "
            + Columns.INTERVIEW_TIME + ", " + Columns.INTERVIEW_ZONE + ", " + Columns.INTERVIEW_DURATION
            + ", calendar_event_id, " + Columns.CALENDAR_PROVIDER + ", " + Columns.CALENDAR_EVENT_VERSION;
    /** Idle connections kept beyond this many are closed: enough for push-all's default concurrency. */
    private static final int MAX_IDLE = 4;
    private static final String BOARD_STATUSES = Arrays.stream(Stage.values()).filter(Stage::onBoard)
            .flatMap(s -> s.dbValues().stream()).map(v -> "'" + v + "'").collect(Collectors.joining(", "));

    private final Path file;
    private final Clock clock;
    private final SQLiteDataSource dataSource;
    /** Open connections no operation is using, the most recently used first; guarded by {@code this}. */
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** Counts {@link #close()}s, so that a connection opened before one is not kept after it; guarded by {@code this}. */
    private int generation;
    private volatile boolean ready;

    @Activate
    public SqliteJobStore(@Reference WorkbenchSettings settings) {
        this(settings.databaseFile());
    }

    /** A store on any file, for {@link peregrine.jobs.sqlite.SqliteJobStores}: not a second public constructor, which would confuse DS. */
    public static SqliteJobStore on(Path file) {
        return new SqliteJobStore(file);
    }

    SqliteJobStore(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    SqliteJobStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Writers take the write lock when their transaction begins: two writers queue rather than deadlock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + this.file);
    }

    /** Releases the file; connections in use are closed when their operation ends. */
    @Deactivate
    public synchronized void close() {
        idle.forEach(SqliteJobStore::closeQuietly);
        idle.clear();
        generation++;
        ready = false;
    }

    @Override
    public Path location() {
        return file;
    }

    @Override
    public Map<Stage, List<Job>> board() throws JobStoreException {
        Map<Stage, List<Job>> board = new EnumMap<>(Stage.class);
        Arrays.stream(Stage.values()).filter(Stage::onBoard).forEach(s -> board.put(s, new ArrayList<>()));
        read("SELECT " + JOB_COLUMNS + " FROM jobs WHERE status IN (" + BOARD_STATUSES + ") ORDER BY id DESC", List.of())
                .forEach(job -> board.get(job.stage().orElseThrow()).add(job));
        return board;
    }

    // TEMPORARY stand-in (h-ui), to be replaced by the lead's implementation on main.
    @Override
    public List<Job> otherStatuses() throws JobStoreException {
        return read("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY status, id", List.of()).stream()
                .filter(job -> job.stage().isEmpty()).toList();
    }

    @Override
    public List<Job> list(Optional<Stage> stage) throws JobStoreException {
        return stage.isPresent()
                ? read("SELECT " + JOB_COLUMNS + " FROM jobs WHERE status IN (" + stage.get().dbValues().stream()
                        .map(v -> "?").collect(Collectors.joining(", ")) + ") ORDER BY id", List.copyOf(stage.get().dbValues()))
                : read("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY id", List.of());
    }

    @Override
    public Job job(long id) throws JobStoreException {
        List<Job> found = read("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?", List.of(id));
        if (found.isEmpty()) {
            throw new UnknownJobException(id);
        }
        return found.get(0);
    }

    @Override
    public long add(NewJob job) throws JobStoreException {
        return write(c -> {
            Stage stage = job.stage();
            String sql = "INSERT INTO jobs (title, company, url, source, status, date_found"
                    + stage.stampColumn().map(col -> ", " + col).orElse("")
                    + (stage == Stage.APPLIED ? ", applied_at" : "") + ") VALUES (?, ?, ?, 'manual', ?, ?"
                    + stage.stampColumn().map(col -> ", ?").orElse("") + (stage == Stage.APPLIED ? ", ?" : "") + ")";
            try (PreparedStatement p = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
                String now = now();
                p.setString(1, job.title().strip());
                p.setString(2, job.company().strip());
                setNullable(p, 3, job.url().isEmpty() ? null : job.url());
                p.setString(4, stage.dbValue());
                p.setString(5, now.substring(0, 10));
                int next = 6;
                if (stage.stampColumn().isPresent()) {
                    p.setString(next++, now);
                }
                if (stage == Stage.APPLIED) {
                    p.setString(next, now);
                }
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                    throw new JobStoreException("A job with the listing " + job.url() + " is already in " + file + ".");
                }
                throw e;
            }
        });
    }

    @Override
    public Job move(long id, Stage stage) throws JobStoreException {
        if (stage == Stage.REJECTED) {
            return reject(id);
        }
        return write(c -> {
            requireJob(c, id);
            StringBuilder sql = new StringBuilder("UPDATE jobs SET status = ?");
            stage.stampColumn().ifPresent(col -> sql.append(", ").append(col).append(" = ?"));
            if (stage == Stage.APPLIED) {
                sql.append(", applied_at = COALESCE(applied_at, ?)");
            }
            sql.append(" WHERE id = ?");
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                int i = 1;
                p.setString(i++, stage.dbValue());
                if (stage.stampColumn().isPresent() || stage == Stage.APPLIED) {
                    p.setString(i++, now());
                }
                p.setLong(i, id);
                p.executeUpdate();
            }
            return jobIn(c, id);
        });
    }

    @Override
    public Job reject(long id) throws JobStoreException {
        return write(c -> {
            Job job = requireJob(c, id);
            if (!job.stage().equals(Optional.of(Stage.REJECTED))) {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE jobs SET status = ?, rejection_stage = status WHERE id = ?")) {
                    p.setString(1, Stage.REJECTED.dbValue());
                    p.setLong(2, id);
                    p.executeUpdate();
                }
            }
            return jobIn(c, id);
        });
    }

    @Override
    public Job setInterview(long id, Optional<InterviewSlot> slot) throws JobStoreException {
        return write(c -> {
            requireJob(c, id);
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET interview_date = ?, " + Columns.INTERVIEW_TIME
                    + " = ?, " + Columns.INTERVIEW_ZONE + " = ?, " + Columns.INTERVIEW_DURATION + " = ? WHERE id = ?")) {
                setNullable(p, 1, slot.map(s -> s.date().toString()).orElse(null));
                setNullable(p, 2, slot.flatMap(InterviewSlot::time).map(t -> t.truncatedTo(ChronoUnit.MINUTES).toString()).orElse(null));
                setNullable(p, 3, slot.flatMap(InterviewSlot::zone).map(ZoneId::getId).orElse(null));
                Optional<Duration> duration = slot.flatMap(InterviewSlot::duration);
                if (duration.isPresent()) {
                    p.setLong(4, duration.get().toMinutes());
                } else {
                    p.setNull(4, Types.INTEGER);
                }
                p.setLong(5, id);
                p.executeUpdate();
            }
            return jobIn(c, id);
        });
    }

    @Override
    public Job setCalendarLink(long id, Optional<CalendarLink> link) throws JobStoreException {
        return write(c -> {
            requireJob(c, id);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE jobs SET calendar_event_id = ?, " + Columns.CALENDAR_PROVIDER + " = ?, "
                            + Columns.CALENDAR_EVENT_VERSION + " = ? WHERE id = ?")) {
                setNullable(p, 1, link.map(CalendarLink::eventId).orElse(null));
                setNullable(p, 2, link.map(CalendarLink::providerId).orElse(null));
                setNullable(p, 3, link.flatMap(CalendarLink::version).orElse(null));
                p.setLong(4, id);
                p.executeUpdate();
            }
            return jobIn(c, id);
        });
    }

    @Override
    public Optional<String> companySummary(long id) throws JobStoreException {
        return withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT company_brief FROM company_research WHERE job_id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? ResearchSummary.firstLine(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private String now() {
        return LocalDateTime.now(clock).format(STAMP);
    }

    private List<Job> read(String sql, List<Object> params) throws JobStoreException {
        return withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    p.setObject(i + 1, params.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    List<Job> jobs = new ArrayList<>();
                    while (r.next()) {
                        jobs.add(toJob(r));
                    }
                    return jobs;
                }
            }
        });
    }

    private Job requireJob(Connection c, long id) throws SQLException, UnknownJobException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new UnknownJobException(id);
                }
                return toJob(r);
            }
        }
    }

    private Job jobIn(Connection c, long id) throws SQLException, UnknownJobException {
        return requireJob(c, id);
    }

    private static Job toJob(ResultSet r) throws SQLException {
        Optional<LocalTime> time = parse(r, Columns.INTERVIEW_TIME, LocalTime::parse);
        Optional<ZoneId> zone = time.isEmpty() ? Optional.empty() : parse(r, Columns.INTERVIEW_ZONE, ZoneId::of);
        Optional<Duration> duration = positiveMinutes(r);
        Optional<InterviewSlot> interview = isoDate(r.getString("interview_date"))
                .map(date -> new InterviewSlot(date, time, zone, duration));
        String eventId = r.getString("calendar_event_id");
        Optional<CalendarLink> link = eventId == null || eventId.isBlank() ? Optional.empty()
                : Optional.of(new CalendarLink(text(r.getString(Columns.CALENDAR_PROVIDER)), eventId,
                        present(r.getString(Columns.CALENDAR_EVENT_VERSION))));
        return new Job(r.getLong("id"), text(r.getString("title")), text(r.getString("company")), text(r.getString("url")),
                text(r.getString("status")), present(r.getString("applied_at")), present(r.getString("rejection_stage")),
                interview, link);
    }

    private static Optional<LocalDate> isoDate(String value) {
        if (value == null || value.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    /** A value another program wrote badly reads as absent rather than hiding the whole job. */
    private static <T> Optional<T> parse(ResultSet r, String column, Parser<T> parser) {
        try {
            String value = r.getString(column);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(parser.parse(value.strip()));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> positiveMinutes(ResultSet r) throws SQLException {
        long minutes = r.getLong(Columns.INTERVIEW_DURATION);
        return r.wasNull() || minutes <= 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void setNullable(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, JobStoreException;
    }

    private <T> T withConnection(Work<T> work) throws JobStoreException {
        ensureReady();
        Connection c;
        int openedIn;
        synchronized (this) {
            c = idle.pollFirst();
            openedIn = generation;
        }
        boolean reusable = false;
        try {
            if (c == null) {
                c = dataSource.getConnection();
            }
            T result = work.run(c);
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw translate(e);
        } catch (JobStoreException e) {
            // the store's own refusal (an unknown id, a duplicate listing): the transaction was rolled back
            reusable = true;
            throw e;
        } finally {
            if (c != null) {
                release(c, reusable, openedIn);
            }
        }
    }

    private void release(Connection c, boolean reusable, int openedIn) {
        synchronized (this) {
            if (reusable && openedIn == generation && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing fails only for a connection that is already gone
        }
    }

    /** Runs {@code work} in one transaction: it commits completely or not at all. */
    private <T> T write(Work<T> work) throws JobStoreException {
        return withConnection(c -> inTransaction(c, work));
    }

    /** Leaves {@code c} in auto-commit mode, as a reused connection must be, whatever happens. */
    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException, JobStoreException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            // Switching auto-commit back on commits (JDBC). Not commit(): sqlite-jdbc follows that with a new
            // BEGIN IMMEDIATE, which would wait for the write lock again while another process writes.
            c.setAutoCommit(true);
            return result;
        } catch (SQLException | JobStoreException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
    }

    private void ensureReady() throws JobStoreException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            checkFile();
            try {
                Connection c = dataSource.getConnection();
                try {
                    if (!Schema.isCurrent(c)) {
                        inTransaction(c, tx -> {
                            Schema.migrate(tx);
                            return null;
                        });
                    }
                } catch (SQLException | JobStoreException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                // Kept idle from now on: the file always has an open connection while the store is in use.
                idle.addFirst(c);
            } catch (SQLException e) {
                throw translate(e);
            }
            ready = true;
        }
    }

    /** Refuses, before SQLite touches it, a file that would be damaged or could not be used. */
    private void checkFile() throws JobStoreException {
        try {
            if (Files.exists(file)) {
                if (Files.isDirectory(file)) {
                    throw new JobStoreException(file + " is a folder, not a job database. Choose a file with --db.");
                }
                if (Files.size(file) > 0) {
                    byte[] header = new byte[SQLITE_HEADER.length];
                    int read;
                    try (InputStream in = Files.newInputStream(file)) {
                        read = in.readNBytes(header, 0, header.length);
                    }
                    if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                        throw new JobStoreException(file + " is not a SQLite database. It was left as it is; "
                                + "choose Peregrine's staging.db or a new file with --db.");
                    }
                }
                if (!Files.isWritable(file)) {
                    throw new JobStoreException(file + " is read-only. Make it writable (chmod u+w) to use it.");
                }
            } else {
                Files.createDirectories(file.getParent());
            }
            if (!Files.isWritable(file.getParent())) {
                throw new JobStoreException("The folder " + file.getParent()
                        + " is read-only; the job database needs to write its journal there.");
            }
        } catch (IOException e) {
            throw new JobStoreException("Cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    private JobStoreException translate(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            String message = switch (code.code & 0xff) {
                case 5, 6 -> file + " is locked by another program and stayed locked for "
                        + BUSY_TIMEOUT.toSeconds() + " s. Try again when it has finished.";
                case 8 -> file + " is read-only. Make it writable (chmod u+w) to use it.";
                case 11 -> file + " is damaged (SQLite reports it corrupt). It was left as it is.";
                case 13 -> "The disk holding " + file + " is full.";
                case 14 -> "Cannot open " + file + ".";
                case 26 -> file + " is not a SQLite database. It was left as it is.";
                default -> "The job database " + file + " reported an error: " + code.message;
            };
            return new JobStoreException(message, e);
        }
        return new JobStoreException("The job database " + file + " reported an error: " + e.getMessage(), e);
    }
}
