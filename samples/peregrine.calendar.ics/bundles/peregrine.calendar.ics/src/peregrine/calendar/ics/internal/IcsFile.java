package peregrine.calendar.ics.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarException.Kind;

/**
 * The interviews file, changed by read-modify-write under a lock, so that two processes pushing at once never lose
 * an event: a {@link FileLock} on the sibling {@code <file>.lock} between processes, and one lock per file within
 * this one (the JVM refuses a second FileLock on a file it holds). Every write is atomic: the text goes to a
 * temporary file in the same folder, is forced to disk, and replaces the file by an atomic rename, so a crash leaves
 * the old file or the new one, never a part. A file that is not iCalendar text is never overwritten.
 */
final class IcsFile {

    /** A change of the file's events, made in place on the list; what it returns is the change's result. */
    @FunctionalInterface
    interface Change<T> {
        T apply(List<VEvent> events) throws CalendarException;
    }

    /** What runs while this process holds the file's locks. */
    @FunctionalInterface
    private interface Locked<T> {
        T run() throws CalendarException;
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final Path file;
    private final Optional<String> name;
    private final Duration timeout;

    /**
     * @param file    the calendar file; its folder is made when missing
     * @param name    the calendar's name, written as X-WR-CALNAME
     * @param timeout how long a call waits for the lock before it gives up
     */
    IcsFile(Path file, Optional<String> name, Duration timeout) {
        this.file = file.toAbsolutePath().normalize();
        this.name = name;
        this.timeout = timeout;
    }

    Path path() {
        return file;
    }

    /** Runs {@code change} on the file's events under the lock and writes them back, atomically, if it changed them. */
    <T> T change(Change<T> change) throws CalendarException {
        return locked(() -> {
            List<VEvent> events = read();
            List<VEvent> before = List.copyOf(events);
            T result = change.apply(events);
            if (!events.equals(before)) {
                write(IcsEvents.write(events, name));
            }
            return result;
        });
    }

    /** @return the file's events, read under the lock; none when the file does not exist */
    List<VEvent> events() throws CalendarException {
        return locked(this::read);
    }

    private <T> T locked(Locked<T> body) throws CalendarException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        try {
            if (!inProcess.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                try (FileLock lock = acquire(channel, deadline)) {
                    return body.run();
                }
            }
        } catch (InterruptedException | ClosedByInterruptException | FileLockInterruptionException e) {
            throw interrupted();
        } catch (IOException e) {
            throw failure("cannot be written", e);
        } finally {
            inProcess.unlock();
        }
    }

    /** Polls rather than blocks: a blocked {@link FileChannel#lock()} would wait past the deadline. */
    private FileLock acquire(FileChannel channel, long deadline) throws IOException, InterruptedException, CalendarException {
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            if (System.nanoTime() - deadline >= 0) {
                throw busy();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return lock;
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private List<VEvent> read() throws CalendarException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (MalformedInputException e) {
            throw notCalendar("it is not UTF-8 text");
        } catch (ClosedByInterruptException e) {
            throw interrupted();
        } catch (IOException e) {
            throw failure("cannot be read", e);
        }
        try {
            return new ArrayList<>(IcsEvents.parse(text));
        } catch (ParserException e) {
            throw notCalendar("line " + e.getLineNo() + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw notCalendar(e.getMessage());
        }
    }

    /** Replaces the file by {@code text}: temporary file, fsync, atomic rename, fsync of the folder. */
    private void write(String text) throws CalendarException {
        removeStaleTemporaryFiles();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            keepPermissions(temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException notSupported) {
                // Some file systems cannot sync a folder; the rename itself is atomic regardless.
            }
        } catch (ClosedByInterruptException e) {
            throw interrupted();
        } catch (IOException e) {
            throw failure("cannot be written", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // removed by the next write (removeStaleTemporaryFiles)
                }
            }
        }
    }

    /** The new file keeps the old one's permissions (a new one is the user's alone, as a temporary file is made). */
    private void keepPermissions(Path temporary) throws IOException {
        try {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException | UnsupportedOperationException first) {
            // no file yet, or no POSIX permissions here
        }
    }

    /** Temporary files a crashed writer left: safe to remove while this process holds the lock. */
    private void removeStaleTemporaryFiles() {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), "." + file.getFileName() + ".*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary file harms nothing
        }
    }

    private CalendarException busy() {
        return new CalendarException(Kind.UNAVAILABLE, "The calendar file " + file + " stayed locked by another program for "
                + timeout.toSeconds() + " s (" + lockFile() + "); nothing was changed. Try again.");
    }

    private CalendarException interrupted() {
        Thread.currentThread().interrupt();
        return new CalendarException(Kind.UNAVAILABLE, "Stopped before the calendar file " + file + " was changed: the push was cancelled.");
    }

    private CalendarException notCalendar(String problem) {
        return new CalendarException(Kind.CONFIGURATION, "The calendar file " + file + " is not an iCalendar file (" + problem
                + "); it was left as it is. Move it away, or set another path: in ics_file.yaml.");
    }

    private CalendarException failure(String what, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        Kind kind = e instanceof AccessDeniedException || e instanceof java.nio.file.NotDirectoryException
                || e instanceof java.nio.file.FileAlreadyExistsException ? Kind.CONFIGURATION : Kind.UNAVAILABLE;
        return new CalendarException(kind, "The calendar file " + file + " " + what + " (" + reason + "); nothing was changed.", e);
    }
}
