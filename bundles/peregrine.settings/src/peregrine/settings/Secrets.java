package peregrine.settings;

import java.util.Optional;

/**
 * Secrets of the integrations (such as the CalDAV {@code app_password}) kept in Eclipse secure storage
 * instead of the integration's YAML file.
 * <p>
 * Each integration has its own node, {@code /peregrine/integrations/<integration>}, whose values are
 * stored encrypted. The master password comes from the highest-priority password provider installed: an
 * OS keyring integration when the product has one, else Peregrine's own key file
 * ({@code $XDG_DATA_HOME/peregrine/secure-storage.key}, readable by the user alone).
 * <p>
 * <b>What this protects against.</b> The password is no longer in plain text in the configuration
 * directory, so it does not leak with a copied, shared or version-controlled YAML file, and other users of
 * the computer cannot read it (the key file is mode 0600). It does <b>not</b> protect against a program
 * running as the same user: such a program can read the key file and the storage as Peregrine does.
 * <p>
 * Every call may read or write files and derive keys: keep it off the UI thread. Errors are reported as
 * {@link SettingsException}s whose message a user can read and which never hold the secret.
 */
public interface Secrets {

    /**
     * @param integration the integration's name, e.g. {@code apple_calendar} (letters, digits, {@code _}, {@code -}, {@code .})
     * @param key         the secret's name, e.g. {@code app_password} (same characters)
     * @return the secret, or empty when none is stored
     * @throws SettingsException when secure storage is unavailable or cannot decrypt the value
     */
    Optional<String> get(String integration, String key) throws SettingsException;

    /**
     * Stores {@code value} encrypted and writes the storage to disk.
     *
     * @throws SettingsException when secure storage is unavailable or cannot encrypt or save the value
     */
    void put(String integration, String key, String value) throws SettingsException;

    /**
     * Removes the secret, if stored, and writes the storage to disk.
     *
     * @throws SettingsException when secure storage is unavailable or cannot be saved
     */
    void remove(String integration, String key) throws SettingsException;
}
