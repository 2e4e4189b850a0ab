package peregrine.calendar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes an interview as a calendar file that any calendar application can import, registered as an OSGi
 * service by a plug-in that can (the CalDAV plug-in writes iCalendar). The file holds the event exactly as a
 * provider of that format would receive it. Local work only: no network I/O.
 */
@ConsumerType
public interface EventExporter {

    /** @return the file's media type, e.g. {@code text/calendar} */
    String mediaType();

    /** @return the usual file name extension without its dot, e.g. {@code ics} */
    String fileExtension();

    /** Writes {@code event} as one complete file to {@code out}, which it does not close. */
    void write(CalendarEvent event, OutputStream out) throws IOException;

    /**
     * Writes {@code event} to {@code file} as a whole or not at all: into a temporary file beside it, synced, then
     * moved over it, so a crash or a full disk never leaves a half-written file there.
     *
     * @throws IOException when {@code file}'s folder does not exist or cannot be written, or {@code file} exists and is
     *                     not a regular file (a symbolic link, too, is left alone)
     */
    default void export(CalendarEvent event, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is not a regular file (a folder, link, pipe or device), so it is left alone");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new IOException("the folder " + target.getParent() + " does not exist");
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                write(event, out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
