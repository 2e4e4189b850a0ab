package peregrine.settings.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

/**
 * The master password of Eclipse secure storage when no OS keyring provider is installed: a random key
 * (256 bits) in a file created on first use with mode 0600 —
 * {@code $XDG_DATA_HOME/peregrine/secure-storage.key} (default {@code ~/.local/share/…}) for the default
 * storage; {@code <storage file>.key} beside a storage file chosen with {@code -eclipse.keyring FILE}, so that
 * a test or second installation with its own storage never touches the user's key.
 * <p>
 * Registered with priority 1 (of 0..10) through {@code org.eclipse.equinox.security.secureStorage}
 * ({@code plugin.xml}): a real keyring provider, when installed, has a higher priority and wins for storage it
 * creates.
 * <p>
 * <b>What this protects against, honestly:</b> other users of the computer (they can read neither the key
 * file nor, without it, the encrypted values), and the password leaking with a copied or shared
 * configuration file. It does <b>not</b> protect against a program running as the same user, which can
 * read the key file as Peregrine does, nor against a backup that holds both the key file and the storage.
 */
public final class KeyFilePasswordProvider extends PasswordProvider {

    static final String DEFAULT_DESCRIPTION = "$XDG_DATA_HOME/peregrine/secure-storage.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        try {
            return new PBEKeySpec(key(keyFile(container == null ? null : container.getLocation())).toCharArray());
        } catch (IOException e) {
            // Equinox reports a missing password as StorageException.NO_PASSWORD.
            return null;
        }
    }

    @Override
    public boolean retryOnError(Exception e, IPreferencesContainer container) {
        return false;
    }

    /** @return the key file for the storage at {@code storage} (null: the default storage) */
    static Path keyFile(URL storage) {
        Path home = Path.of(System.getProperty("user.home"));
        Path defaultStorage = home.resolve(".eclipse/org.eclipse.equinox.security/secure_storage");
        Path location = null;
        try {
            location = storage == null ? null : Path.of(storage.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            // not a file: the default key
        }
        if (location != null && !location.equals(defaultStorage.toAbsolutePath().normalize())) {
            return location.resolveSibling(location.getFileName() + ".key");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local/share");
        return data.resolve("peregrine").resolve("secure-storage.key");
    }

    /** @return the key in {@code file}, created (mode 0600) with a new random key when the file does not exist */
    static synchronized String key(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path temp = Files.createTempFile(file.getParent(), ".secure-storage", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temp, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
                Files.move(temp, file);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (key.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return key;
    }
}
