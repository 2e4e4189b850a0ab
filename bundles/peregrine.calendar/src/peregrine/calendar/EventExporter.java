package peregrine.calendar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
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
     * @throws IOException when {@code file}'s folder does not exist, cannot be written, or {@code file} is a folder
     */
    default void export(CalendarEvent event, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder");
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
