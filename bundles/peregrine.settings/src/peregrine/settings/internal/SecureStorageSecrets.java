package peregrine.settings.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.component.annotations.Component;

import peregrine.settings.Secrets;
import peregrine.settings.SettingsException;

/**
 * {@link Secrets} in the default Equinox secure storage ({@code -eclipse.keyring FILE} chooses its file;
 * else {@code ~/.eclipse/org.eclipse.equinox.security/secure_storage}). Values are stored with
 * {@code encrypt=true}; see {@link KeyFilePasswordProvider} for the master password when no OS keyring is
 * installed.
 */
@Component(service = Secrets.class)
public final class SecureStorageSecrets implements Secrets {

    static final String ROOT = "/peregrine/integrations";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Supplier<ISecurePreferences> storage;

    public SecureStorageSecrets() {
        this(SecurePreferencesFactory::getDefault);
    }

    SecureStorageSecrets(Supplier<ISecurePreferences> storage) {
        this.storage = storage;
    }

    @Override
    public synchronized Optional<String> get(String integration, String key) throws SettingsException {
        String path = path(integration, key);
        ISecurePreferences root = root();
        if (!root.nodeExists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(root.node(path).get(key, null));
        } catch (StorageException e) {
            throw failure("read " + key + " of " + integration + " from", e);
        }
    }

    @Override
    public synchronized void put(String integration, String key, String value) throws SettingsException {
        Objects.requireNonNull(value);
        String path = path(integration, key);
        ISecurePreferences root = root();
        try {
            root.node(path).put(key, value, true);
        } catch (StorageException e) {
            throw failure("encrypt " + key + " of " + integration + " for", e);
        }
        flush(root, "save " + key + " of " + integration + " in");
    }

    @Override
    public synchronized void remove(String integration, String key) throws SettingsException {
        String path = path(integration, key);
        ISecurePreferences root = root();
        if (!root.nodeExists(path)) {
            return;
        }
        root.node(path).remove(key);
        flush(root, "remove " + key + " of " + integration + " from");
    }

    private static String path(String integration, String key) {
        if (!NAME.matcher(integration).matches() || !NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a valid integration or key name: " + integration + ", " + key);
        }
        return ROOT + "/" + integration;
    }

    private ISecurePreferences root() throws SettingsException {
        ISecurePreferences root = storage.get();
        if (root == null) {
            throw new SettingsException("Eclipse secure storage is not available (its file could not be opened). "
                    + "Keep the password in the integration's YAML file instead.");
        }
        return root;
    }

    private static void flush(ISecurePreferences root, String action) throws SettingsException {
        try {
            root.flush();
        } catch (IOException e) {
            throw new SettingsException("Could not " + action + " Eclipse secure storage: " + e.getMessage());
        }
    }

    /** Equinox's messages name the failure (no password provider, wrong master password), never a stored value. */
    private static SettingsException failure(String action, StorageException e) {
        String hint = switch (e.getErrorCode()) {
        case StorageException.NO_PASSWORD -> " No master password is available: is the key file "
                + KeyFilePasswordProvider.DEFAULT_DESCRIPTION + " readable?";
        case StorageException.DECRYPTION_ERROR -> " The stored value was encrypted with another master password (was the key file "
                + KeyFilePasswordProvider.DEFAULT_DESCRIPTION + " replaced?). Save the password again.";
        default -> "";
        };
        return new SettingsException("Could not " + action + " Eclipse secure storage: " + e.getMessage() + "." + hint);
    }
}
