package peregrine.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way a settings file is read ({@code user.yaml}, an integration's file, a key file it names): checked,
 * bounded, decoded strictly, parsed, and kept until the file changes.
 * <p>
 * <b>Checked.</b> Before the file is opened, its attributes (following symbolic links) must show a regular file
 * of at most {@link #MAX_SIZE} bytes: a folder, a named pipe (which would block the read until something writes to
 * it), a device such as {@code /dev/zero}, a loop of symbolic links or a link to nothing is reported at once. The
 * read then takes at most {@code MAX_SIZE + 1} bytes whatever the file does meanwhile, and the text must be UTF-8.
 * Every refusal is a {@link SettingsException} naming the file (and the line of a byte that is not UTF-8), never
 * quoting the file's content, which may hold a password.
 * <p>
 * <b>Cached.</b> What the parser made of a file, or why it failed, is given again, the same object, while the
 * file's modification time, size and identity (its file key) stay as they were at the read. A file whose last
 * change was less than two seconds old at the read is read again on the next call, since a file system's coarse
 * clock can stamp a second change with the same time and size (Git's "racily clean" index entries). Equal results
 * therefore mean an unchanged file.
 * <p>
 * Thread-safe. Each call is quick local file I/O, but I/O: keep it off the UI thread.
 *
 * @param <T> what the parser makes of a file's text
 */
public final class SettingsFiles<T> {

    /** The largest settings file read: 1 MiB, far more than any settings file needs. */
    public static final int MAX_SIZE = 1 << 20;

    /** A change this recent at the read may be followed by another with the same time and size. */
    private static final long SETTLE_MILLIS = 2_000;

    /** Makes a value of a settings file's text. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * @param file the file, for messages
         * @param text the file's whole text, without a leading byte order mark
         * @throws SettingsException naming {@code file} when the text is not what the file must hold
         */
        T parse(Path file, String text) throws SettingsException;
    }

    /** What a read of the file gave, and the file's state at that read; {@code settled} when it may be trusted while unchanged. */
    private record Entry<T>(Object fileKey, FileTime modified, long size, boolean settled, T value, SettingsException failure) {

        static <T> Entry<T> of(BasicFileAttributes attributes, long readAt, T value, SettingsException failure) {
            return new Entry<>(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(),
                    attributes.lastModifiedTime().toMillis() < readAt - SETTLE_MILLIS, value, failure);
        }

        boolean describes(BasicFileAttributes attributes) {
            return settled && Objects.equals(fileKey, attributes.fileKey()) && modified.equals(attributes.lastModifiedTime())
                    && size == attributes.size();
        }

        Optional<T> result() throws SettingsException {
            if (failure != null) {
                throw failure;
            }
            return Optional.of(value);
        }
    }

    private final Parser<T> parser;
    private final Map<Path, Entry<T>> entries = new ConcurrentHashMap<>();

    /** @param parser what makes a value of a file's text; it is called again only when the file changed */
    public SettingsFiles(Parser<T> parser) {
        this.parser = Objects.requireNonNull(parser);
    }

    /**
     * @return what the parser made of the file; empty when the file does not exist
     * @throws SettingsException naming the file when it exists but is not a regular file of at most {@link #MAX_SIZE}
     *                           bytes of UTF-8 text, cannot be read, or the parser refused it
     */
    public Optional<T> read(Path file) throws SettingsException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            entries.remove(file);
            if (Files.isSymbolicLink(file)) {
                throw problem(file, "a symbolic link to a file that does not exist.");
            }
            return Optional.empty();
        } catch (IOException unreadable) {
            entries.remove(file);
            throw problem(file, "cannot be read (" + reason(unreadable) + ").");
        }
        Entry<T> known = entries.get(file);
        if (known != null && known.describes(attributes)) {
            return known.result();
        }
        long readAt = System.currentTimeMillis();
        Entry<T> entry;
        try {
            entry = Entry.of(attributes, readAt, parser.parse(file, text(file, attributes)), null);
        } catch (SettingsException e) {
            entry = Entry.of(attributes, readAt, null, e);
        }
        entries.put(file, entry);
        return entry.result();
    }

    /** @return the file's text, after the checks that keep a read from blocking or filling the memory */
    private static String text(Path file, BasicFileAttributes attributes) throws SettingsException {
        if (attributes.isDirectory()) {
            throw problem(file, "a folder, not a file.");
        }
        if (!attributes.isRegularFile()) {
            throw problem(file, "not a regular file but a named pipe, a device or a socket.");
        }
        if (attributes.size() > MAX_SIZE) {
            throw tooLarge(file);
        }
        byte[] bytes;
        // Checked just above: a regular file, so opening it does not wait for a writer as a named pipe's would.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SIZE + 1);
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + reason(e) + ").");
        }
        if (bytes.length > MAX_SIZE) {
            throw tooLarge(file); // it grew after the check
        }
        return utf8(file, bytes);
    }

    private static String utf8(Path file, byte[] bytes) throws SettingsException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new SettingsException(file, OptionalInt.of(line), "not UTF-8 text. Save the file as UTF-8.");
        }
        out.flip();
        if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    private static SettingsException tooLarge(Path file) {
        return problem(file, "larger than " + (MAX_SIZE >> 20) + " MiB, far more than a settings file holds. Check that it names the right file.");
    }

    private static SettingsException problem(Path file, String problem) {
        return new SettingsException(file, OptionalInt.empty(), problem);
    }

    /** @return why the operating system refused, in its own words (never the file's content) */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().contains("symbolic link") ? "its symbolic links form a loop" : fs.getReason();
        }
        return e.getClass().getSimpleName();
    }
}
