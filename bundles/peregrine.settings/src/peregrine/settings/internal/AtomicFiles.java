package peregrine.settings.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.OptionalInt;
import java.util.Set;

import peregrine.settings.SettingsException;

/**
 * Replaces a settings file as a whole or not at all: the new text goes to a temporary file beside it, is forced to
 * the disk, takes over the old file's permissions and then replaces it by a rename, so a crash or a full disk
 * leaves the old file, never half of the new one. Whoever reads the file sees the old text or the new one.
 */
final class AtomicFiles {

    /** A settings file made new is the user's alone, as the files that hold passwords must be. */
    private static final Set<PosixFilePermission> NEW_FILE = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file}, a regular file or one that does not exist yet (its folder is
     * made when missing). A symbolic link stays a link: the file it names is replaced.
     *
     * @throws SettingsException naming the file when it cannot be written; then it is unchanged
     */
    static void write(Path file, String text) throws SettingsException {
        Path target = file;
        try {
            if (Files.isSymbolicLink(file)) {
                target = file.toRealPath();
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw problem(file, e);
        }
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw problem(file, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // A stray temporary file is harmless; the failure that got here is what the user must see.
                }
            }
        }
        syncFolder(folder);
    }

    /** Makes the rename itself durable where the system allows a folder to be forced (Linux does). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The new file is complete either way; only a crash in the next moments could bring back the old one.
        }
    }

    private static SettingsException problem(Path file, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        return new SettingsException(file, OptionalInt.empty(), "cannot be written (" + reason + "). It was left unchanged.");
    }
}
