package peregrine.tests.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made by this test run with the JDK's keytool, and the server certificates it signs for
 * host names of the tests' own (which {@code -Djdk.net.hosts.file} maps to 127.0.0.1). Its certificate is the one
 * entry of the trust store the test JVM names with {@code -Djavax.net.ssl.trustStore} (the test module's pom sets
 * both): written on first use, replacing any store an earlier run left. A client that builds its TLS context with
 * the default trust managers (Apache HttpClient's default does, once per client) reads the store then, so it may
 * appear after the JVM started; {@code SSLContext.getDefault()} reads it once and is not used for these hosts.
 * Every key is made afresh under {@code target/}: none is committed.
 */
public final class TestCa {

    private static final String PASSWORD = "changeit";
    private static TestCa instance;

    private final Path caStore;
    private final Certificate caCertificate;
    private final Map<String, SSLContext> servers = new HashMap<>();

    private TestCa(Path dir) throws Exception {
        this.caStore = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Peregrine Test CA " + dir.getFileName(), "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-startdate", "-1d", "-validity", "3", "-storetype", "PKCS12", "-keystore", caStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        this.caCertificate = load(caStore).getCertificate("ca");
    }

    /**
     * @return this JVM's CA, its certificate in the trust store
     * @throws IllegalStateException when the JVM names no trust store to write
     */
    public static synchronized TestCa get() throws Exception {
        if (instance == null) {
            String store = System.getProperty("javax.net.ssl.trustStore");
            if (store == null || !PASSWORD.equals(System.getProperty("javax.net.ssl.trustStorePassword"))) {
                throw new IllegalStateException("Run with -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=" + PASSWORD
                        + " (the test module's pom sets them): the test CA's certificate goes there");
            }
            Path trustStore = Path.of(store).toAbsolutePath();
            Files.createDirectories(trustStore.getParent());
            TestCa ca = new TestCa(Files.createTempDirectory(trustStore.getParent(), "ca-"));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("peregrine-test-ca", ca.caCertificate);
            Path written = Files.createTempFile(trustStore.getParent(), "trust", ".p12");
            try (OutputStream out = Files.newOutputStream(written)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            Files.move(written, trustStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            instance = ca;
        }
        return instance;
    }

    /**
     * @param hostNames the DNS names the certificate is for (its subjectAltName); the first is its CN
     * @return a server-side TLS context presenting a certificate this CA signed for those names (made once per
     *         set of names in this JVM)
     */
    public synchronized SSLContext serverContext(String... hostNames) throws Exception {
        String alias = String.join(",", hostNames);
        SSLContext known = servers.get(alias);
        if (known != null) {
            return known;
        }
        // -signer: keytool signs the new key pair's certificate with the CA's key at once (no request to pass around).
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + hostNames[0],
                "-ext", "SAN=" + Arrays.stream(hostNames).map(h -> "dns:" + h).collect(Collectors.joining(",")), "-ext", "eku=serverAuth",
                "-signer", "ca", "-signerkeypass", PASSWORD, "-startdate", "-1d", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", caStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore keys = load(caStore);
        KeyStore server = KeyStore.getInstance("PKCS12");
        server.load(null, null);
        server.setKeyEntry("server", keys.getKey(alias, PASSWORD.toCharArray()), PASSWORD.toCharArray(), keys.getCertificateChain(alias));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(server, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        servers.put(alias, tls);
        return tls;
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // each run is a JVM start: these halve it, on a busy machine seconds per certificate
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
