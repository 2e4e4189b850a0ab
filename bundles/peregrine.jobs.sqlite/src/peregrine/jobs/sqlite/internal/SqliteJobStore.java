package peregrine.jobs.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.DuplicateListingException;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobChangedException;
import peregrine.jobs.JobDetails;
import peregrine.jobs.JobEdit;
import peregrine.jobs.JobSnapshot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.UnknownJobException;
import peregrine.settings.WorkbenchSettings;

/**
 * {@link JobStore} on a Peregrine {@code staging.db}. The file is created or migrated on first use,
 * not on activation, so a bad file shows up as a message where the user acts rather than as a missing
 * service. With WAL and a busy timeout, the workbench, the CLI and Peregrine share the file safely.
 * <p>
 * This class holds the SQL of each operation and composes the rest: the file's checks ({@link DatabaseFile}),
 * the migration ({@link Schema}), the connections and transactions ({@link ConnectionPool}), the mapping of
 * rows ({@link JobRows}, {@link InterviewDates}), the calendar links ({@link CalendarLinks}) and SQLite's errors
 * ({@link StoreErrors}). Every read is one query, jobs and their links joined, so it sees one state of the file.
 */
@Component(service = JobStore.class)
public final class SqliteJobStore implements JobStore {

    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String BOARD_STATUSES = Arrays.stream(Stage.values()).filter(Stage::onBoard)
            .flatMap(s -> s.dbValues().stream()).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    private static final String KNOWN_STATUSES = Arrays.stream(Stage.values())
            .flatMap(s -> s.dbValues().stream()).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    /** Jobs with their links: a job with n links is n rows, one without is one row. */
    private static final String SELECT = "SELECT " + JobRows.COLUMNS + " FROM jobs" + CalendarLinks.JOIN;

    private final Path file;
    private final Clock clock;
    private final ConnectionPool connections;
    private volatile boolean ready;
    /**
     * Whether the file passed {@link DatabaseFile#check} once. Only once: reading its header opens and closes the
     * file, and closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's too.
     */
    private boolean checked;

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
        this.connections = new ConnectionPool(this.file, BUSY_TIMEOUT);
    }

    /** Releases the file; connections in use are closed when their operation ends. */
    @Deactivate
    public synchronized void close() {
        connections.close();
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
        read(SELECT + " WHERE jobs.status IN (" + BOARD_STATUSES + ") ORDER BY jobs.id DESC, " + CalendarLinks.ORDER, List.of())
                .forEach(job -> board.get(job.stage().orElseThrow()).add(job));
        return board;
    }

    @Override
    public List<Job> otherStatuses() throws JobStoreException {
        return read(SELECT + " WHERE jobs.status IS NULL OR jobs.status NOT IN (" + KNOWN_STATUSES
                + ") ORDER BY jobs.status, jobs.id, " + CalendarLinks.ORDER, List.of());
    }

    @Override
    public List<Job> list(Optional<Stage> stage) throws JobStoreException {
        if (stage.isEmpty()) {
            return read(SELECT + " ORDER BY jobs.id, " + CalendarLinks.ORDER, List.of());
        }
        List<String> values = stage.get().dbValues();
        return read(SELECT + " WHERE jobs.status IN (" + String.join(", ", values.stream().map(v -> "?").toList())
                + ") ORDER BY jobs.id, " + CalendarLinks.ORDER, List.copyOf(values));
    }

    @Override
    public Job job(long id) throws JobStoreException {
        return withConnection(c -> requireJob(c, id));
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
                throw refuseDuplicateListing(c, e, job.url(), OptionalLong.empty());
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
                // rejection_stage keeps where the job was, as Peregrine records it
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
            writeInterview(c, id, slot);
            return jobIn(c, id);
        });
    }

    /** @throws IllegalArgumentException for Peregrine's own link (no provider): that is only ever its column */
    @Override
    public Job putCalendarLink(long id, CalendarLink link) throws JobStoreException {
        if (link.fromPeregrine()) {
            throw new IllegalArgumentException("A calendar link needs its provider: the event Peregrine recorded is kept in "
                    + "calendar_event_id only.");
        }
        return write(c -> {
            requireJob(c, id);
            CalendarLinks.put(c, id, link);
            return jobIn(c, id);
        });
    }

    @Override
    public Job removeCalendarLink(long id, String providerId) throws JobStoreException {
        Objects.requireNonNull(providerId, "providerId");
        return write(c -> {
            requireJob(c, id);
            CalendarLinks.remove(c, id, providerId);
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

    @Override
    public JobDetails details(long id) throws JobStoreException {
        return withConnection(c -> JobViewRows.details(c, requireJob(c, id)));
    }

    @Override
    public Job edit(long id, JobEdit edit) throws JobStoreException {
        Map<JobEdit.Field, String> problems = edit.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems.values()));
        }
        return write(c -> {
            requireJob(c, id);
            try {
                JobViewRows.write(c, id, edit);
            } catch (SQLException e) {
                throw refuseDuplicateListing(c, e, edit.url(), OptionalLong.of(id));
            }
            writeInterview(c, id, edit.interview());
            return jobIn(c, id);
        });
    }

    // TEMPORARY: the helpers of #15 replace these with the real queries (find: filter; snapshot/restore: undo).
    @Override
    public Set<Long> find(String text) throws JobStoreException {
        Objects.requireNonNull(text, "text");
        return withConnection(c -> JobSearch.find(c, text));
    }

    /** The snapshot holds the {@code jobs} columns the workbench writes (see {@link JobSnapshots}), not the calendar links. */
    @Override
    public JobSnapshot snapshot(long id) throws JobStoreException {
        return withConnection(c -> JobSnapshots.take(c, id));
    }

    /**
     * Compares and writes under the write lock (BEGIN IMMEDIATE), so no other process writes in between. The job's
     * calendar links stay as they are: an undone date change leaves its event, and the card then shows it out of date.
     */
    @Override
    public Job restore(JobSnapshot to, JobSnapshot from) throws JobStoreException {
        if (to.jobId() != from.jobId()) {
            throw new IllegalArgumentException("Snapshots of two jobs: " + to.jobId() + " and " + from.jobId() + ".");
        }
        return write(c -> {
            Job job = requireJob(c, to.jobId());
            if (!JobSnapshots.take(c, to.jobId()).equals(from)) {
                throw new JobChangedException(job.id(), job.title());
            }
            JobSnapshots.write(c, to);
            return jobIn(c, to.jobId());
        });
    }

    /** Writes the slot's columns, of {@link #setInterview} and {@link #edit}; the caller owns the transaction. */
    private static void writeInterview(Connection c, long id, Optional<InterviewSlot> slot) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET interview_date = ?, " + Columns.INTERVIEW_TIME
                + " = ?, " + Columns.INTERVIEW_ZONE + " = ?, " + Columns.INTERVIEW_DURATION + " = ?, " + Columns.INTERVIEW_LOCATION
                + " = ? WHERE id = ?")) {
            setNullable(p, 1, slot.map(s -> InterviewDates.write(s.date())).orElse(null));
            setNullable(p, 2, slot.flatMap(InterviewSlot::time).map(t -> t.truncatedTo(ChronoUnit.MINUTES).toString()).orElse(null));
            setNullable(p, 3, slot.flatMap(InterviewSlot::zone).map(ZoneId::getId).orElse(null));
            Optional<Duration> duration = slot.flatMap(InterviewSlot::duration);
            if (duration.isPresent()) {
                p.setLong(4, duration.get().toMinutes());
            } else {
                p.setNull(4, Types.INTEGER);
            }
            setNullable(p, 5, slot.flatMap(InterviewSlot::location).orElse(null));
            p.setLong(6, id);
            p.executeUpdate();
        }
    }

    /**
     * @param self the job that was to take the listing, if it exists already (an edit)
     * @return {@code e}, unless it is the refusal of a second job with the listing {@code url} ({@code jobs.url} is
     *         UNIQUE in Peregrine's table)
     * @throws DuplicateListingException naming the job that has the listing, when it is
     */
    private SQLException refuseDuplicateListing(Connection c, SQLException e, String url, OptionalLong self)
            throws JobStoreException {
        if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
            throw new DuplicateListingException(url, holder(c, url, self), file.toString());
        }
        return e;
    }

    /** @return the job other than {@code self} that has the listing {@code url}, if it can be read */
    private Optional<Job> holder(Connection c, String url, OptionalLong self) {
        // Only the refused statement was undone: the transaction, and the connection, can still read.
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE url = ? AND id <> ?")) {
            p.setString(1, url);
            p.setLong(2, self.orElse(-1));
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(requireJob(c, r.getLong(1))) : Optional.empty();
            }
        } catch (SQLException | UnknownJobException unreadable) {
            // the refusal stands without the name
            return Optional.empty();
        }
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
                    return JobRows.toJobs(r, clock.getZone());
                }
            }
        });
    }

    private Job requireJob(Connection c, long id) throws SQLException, UnknownJobException {
        try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE jobs.id = ? ORDER BY " + CalendarLinks.ORDER)) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                List<Job> found = JobRows.toJobs(r, clock.getZone());
                if (found.isEmpty()) {
                    throw new UnknownJobException(id);
                }
                return found.get(0);
            }
        }
    }

    private Job jobIn(Connection c, long id) throws SQLException, UnknownJobException {
        return requireJob(c, id);
    }

    private static void setNullable(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }

    private <T> T withConnection(ConnectionPool.Work<T> work) throws JobStoreException {
        ensureReady();
        return connections.withConnection(work);
    }

    /** Runs {@code work} in one transaction: it commits completely or not at all. */
    private <T> T write(ConnectionPool.Work<T> work) throws JobStoreException {
        ensureReady();
        return connections.inTransaction(work);
    }

    /** Checks the file and brings its tables up to date, once, at the first operation. */
    private void ensureReady() throws JobStoreException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (!checked) {
                DatabaseFile.check(file);
                checked = true;
            }
            try {
                Connection c = connections.open();
                try {
                    if (!Schema.isCurrent(c)) {
                        ConnectionPool.inTransaction(c, tx -> {
                            Schema.migrate(tx);
                            return null;
                        });
                    }
                } catch (SQLException | JobStoreException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                connections.keep(c);
            } catch (SQLException e) {
                throw StoreErrors.translate(file, e, BUSY_TIMEOUT);
            }
            ready = true;
        }
    }
}
