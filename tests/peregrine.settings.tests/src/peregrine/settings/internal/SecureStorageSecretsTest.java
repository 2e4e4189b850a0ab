package peregrine.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.settings.Secrets;

/**
 * The DS {@link Secrets} service on the real Equinox secure storage of this test runtime
 * ({@code -eclipse.keyring target/peregrine/secure_storage}, see tests/pom.xml), encrypted with the key
 * from {@link KeyFilePasswordProvider}.
 */
class SecureStorageSecretsTest {

    static ServiceTracker<Secrets, Secrets> tracker;
    static Secrets secrets;
    static Path storageFile;

    @BeforeAll
    static void findTheService() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SecureStorageSecretsTest.class).getBundleContext();
        tracker = new ServiceTracker<>(context, Secrets.class, null);
        tracker.open();
        secrets = tracker.waitForService(10_000);
        assertNotNull(secrets, "no Secrets service");
        EnvironmentInfo environment = context.getService(context.getServiceReference(EnvironmentInfo.class));
        List<String> args = Arrays.asList(environment.getNonFrameworkArgs());
        int at = args.indexOf("-eclipse.keyring");
        assertTrue(at >= 0 && at + 1 < args.size(), "the test runtime must choose its keyring: " + args);
        storageFile = Path.of(args.get(at + 1));
    }

    @AfterAll
    static void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aSecretIsStoredReadAndRemovedThroughTheService() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        assertEquals(Optional.empty(), secrets.get("settings_test", "app_password"));

        secrets.put("settings_test", "app_password", secret);
        assertEquals(Optional.of(secret), secrets.get("settings_test", "app_password"));
        assertTrue(SecurePreferencesFactory.getDefault().node(SecureStorageSecrets.ROOT + "/settings_test").isEncrypted("app_password"));

        secrets.put("settings_test", "app_password", secret + "-2");
        assertEquals(Optional.of(secret + "-2"), secrets.get("settings_test", "app_password"));

        secrets.remove("settings_test", "app_password");
        assertEquals(Optional.empty(), secrets.get("settings_test", "app_password"));
        secrets.remove("settings_test", "app_password");
        secrets.remove("never_stored", "app_password");
    }

    @Test
    void theStorageFileHoldsTheSecretOnlyEncryptedWithTheKeyFileBesideIt() throws Exception {
        String secret = "plain-" + UUID.randomUUID();
        secrets.put("settings_file_test", "app_password", secret);
        try {
            assertTrue(Files.isRegularFile(storageFile), storageFile + " was not written");
            String stored = Files.readString(storageFile, StandardCharsets.ISO_8859_1);
            assertTrue(stored.contains("settings_file_test"), stored);
            assertTrue(stored.contains("peregrine.settings.keyfilepasswordprovider"), "not encrypted by Peregrine's provider: " + stored);
            assertFalse(stored.contains(secret), "the secret is in plain text in " + storageFile);
            assertFalse(stored.contains(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))),
                    "the secret is only base64-encoded in " + storageFile);

            Path key = storageFile.resolveSibling(storageFile.getFileName() + ".key");
            assertTrue(Files.isRegularFile(key), key + " was not created");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertFalse(stored.contains(Files.readString(key).strip()), "the key is in the storage file");
        } finally {
            secrets.remove("settings_file_test", "app_password");
        }
        assertFalse(Files.readString(storageFile, StandardCharsets.ISO_8859_1).contains("settings_file_test/app_password"));
    }

    @Test
    void theKeyFileIsCreatedOnceWithModeSixHundredAndKeptAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/peregrine/secure-storage.key");
        String key = KeyFilePasswordProvider.key(file);
        assertTrue(key.length() >= 40, key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(key, KeyFilePasswordProvider.key(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(key, KeyFilePasswordProvider.key(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "made private again");
        assertNotEquals(key, KeyFilePasswordProvider.key(dir.resolve("other.key")));
    }

    @Test
    void theDefaultStorageUsesTheKeyInTheUsersDataDirectoryAndAChosenStorageAKeyBesideIt(@TempDir Path dir) throws Exception {
        Path home = Path.of(System.getProperty("user.home"));
        Path defaultKey = KeyFilePasswordProvider.keyFile(home.resolve(".eclipse/org.eclipse.equinox.security/secure_storage").toUri().toURL());
        assertTrue(defaultKey.endsWith(Path.of("peregrine", "secure-storage.key")), defaultKey.toString());
        assertEquals(defaultKey, KeyFilePasswordProvider.keyFile(null));
        assertEquals(dir.resolve("chosen.key"), KeyFilePasswordProvider.keyFile(dir.resolve("chosen").toUri().toURL()));
    }
}
