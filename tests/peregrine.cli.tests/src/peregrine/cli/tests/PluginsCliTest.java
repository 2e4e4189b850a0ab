package peregrine.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.cli.tests.Product.Result;

/**
 * {@code peregrine-cli plugins}: real p2 uninstalls and installs into a copy of the materialized product, from
 * the product's own p2 repository (releng/peregrine.product/target/repository), each seen by the next process.
 */
class PluginsCliTest {

    private static final String GOOGLE = "peregrine.calendar.google.feature";
    private static final String CALDAV = "peregrine.calendar.caldav.feature";
    /** The repository the product was materialized from, beside target/products. */
    private static final Path REPOSITORY = Product.DIR.resolve("../../../../../repository").normalize();

    @TempDir
    static Path cache;

    @TempDir
    Path home;

    private Path product;

    /** A copy of the product for each test, so that each starts from the profile the build made. */
    @BeforeEach
    void copyProduct() throws Exception {
        product = home.resolve("peregrine");
        Process copy = new ProcessBuilder("cp", "-a", Product.DIR.toString(), product.toString()).inheritIO().start();
        assertEquals(0, copy.waitFor(), "copying the product");
        // p2 records the copy's own folder in its roaming profile at the first look: a snapshot of its own
        succeeds("plugins", "list");
    }

    private Result cli(String... args) {
        return Product.run(product, "peregrine-cli", Product.environment(home, cache),
                new ArrayList<>(Arrays.asList(args)));
    }

    /** @return the profile's snapshots (p2 adds one per change) and the bundles the next start loads */
    private static List<String> profileState(Path installation) throws IOException {
        List<String> state = new ArrayList<>();
        try (Stream<Path> snapshots = Files.list(installation.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile"))) {
            // p2 keeps its lock and data files beside the snapshots
            snapshots.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".profile.gz")).sorted().forEach(state::add);
        }
        state.addAll(Files.readAllLines(installation.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info")));
        return state;
    }

    private void assertFailsChangingNothing(String expectedMessage, String... args) throws IOException {
        List<String> before = profileState(product);
        Result result = cli(args);
        assertEquals(1, result.exit(), () -> "expected exit 1:\n" + result);
        assertTrue(result.err().contains(expectedMessage), () -> "expected '" + expectedMessage + "':\n" + result);
        assertTrue(result.err().contains("Nothing was changed."), () -> result.toString());
        assertEquals(before, profileState(product), "the profile and bundles.info are as they were");
    }

    private Result succeeds(String... args) {
        Result result = cli(args);
        Product.assertSucceeded(result);
        return result;
    }

    @Test
    void uninstallingGoogleDropsItsProviderAndInstallingItFromTheRepositoryBringsItBack() throws IOException {
        List<String> original = profileState(Product.DIR);
        assertTrue(succeeds("calendar", "providers").out().contains("google_calendar"));
        assertTrue(succeeds("plugins", "list").out().contains(GOOGLE));

        long start = System.nanoTime();
        assertTrue(succeeds("plugins", "uninstall", GOOGLE).out().contains("Uninstalled Google Calendar"));
        long uninstalled = System.nanoTime();
        String providers = succeeds("calendar", "providers").out();
        assertFalse(providers.contains("google_calendar"), providers);
        assertTrue(providers.contains("apple_calendar"), providers);
        assertFalse(succeeds("plugins", "list").out().contains(GOOGLE));
        assertFalse(String.join("\n", profileState(product)).contains("com.google.api.client"), "no Google client bundle left to load");

        // the product's own bundles are unsigned: refused unless allowed, and the refusal changes nothing
        assertFailsChangingNothing("--allow-unsigned", "plugins", "install", "--repository", REPOSITORY.toString(), GOOGLE);

        long installing = System.nanoTime();
        assertTrue(succeeds("plugins", "install", "--allow-unsigned", "--repository", REPOSITORY.toString(), GOOGLE).out()
                .contains("Installed Google Calendar"));
        long installed = System.nanoTime();
        assertTrue(succeeds("calendar", "providers").out().contains("google_calendar"));
        assertTrue(succeeds("plugins", "list").out().contains(GOOGLE));

        assertEquals(original, profileState(Product.DIR), "the product the copy was made from is untouched");
        try (Stream<Path> files = Files.walk(product.resolve("p2"))) {
            for (Path prefs : files.filter(f -> f.toString().endsWith(".prefs")).toList()) {
                assertFalse(Files.readString(prefs).contains(REPOSITORY.toString()), prefs + ": the repository was loaded for the install only");
            }
        }
        System.out.printf("plugins uninstall: %d ms, plugins install: %d ms (each a whole peregrine-cli process)%n",
                (uninstalled - start) / 1_000_000, (installed - installing) / 1_000_000);
    }

    @Test
    void withNoProviderInstalledTheCliSaysSoAndHowToInstallOne() throws IOException {
        succeeds("plugins", "uninstall", GOOGLE);
        succeeds("plugins", "uninstall", CALDAV);
        String providers = succeeds("calendar", "providers").out();
        assertTrue(providers.startsWith("No calendar integration is installed."), providers);
        assertTrue(providers.contains("plugins install --repository"), providers);
        assertTrue(succeeds("plugins", "list").out().startsWith("No plug-ins are installed."));
        String db = home.resolve("staging.db").toString();
        succeeds("--db", db, "jobs", "add", "--title", "Platform Engineer", "--company", "Acme");
        assertTrue(succeeds("--db", db, "jobs", "list").out().contains("Platform Engineer"), "the job store works without a provider");
        assertEquals("[]", succeeds("calendar", "providers", "--json").out().strip());
    }

    @Test
    void aZipOfTheRepositoryInstallsLikeTheFolder(@TempDir Path zips) throws IOException {
        succeeds("plugins", "uninstall", CALDAV);
        assertFalse(succeeds("calendar", "providers").out().contains("apple_calendar"));
        Path zip = zips.resolve("peregrine-repository.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(REPOSITORY.relativize(f).toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        succeeds("plugins", "install", "--allow-unsigned", "--repository", zip.toString(), CALDAV);
        assertTrue(succeeds("calendar", "providers").out().contains("apple_calendar"));
    }

    @Test
    void anUnreachableRepositoryFailsAndChangesNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        succeeds("plugins", "uninstall", GOOGLE);
        assertFailsChangingNothing("cannot be read", "plugins", "install", "--allow-unsigned", "--repository",
                "http://127.0.0.1:" + closedPort + "/repository", GOOGLE);
    }

    @Test
    void aFolderThatIsNotAP2RepositoryFailsAndChangesNothing(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("readme.txt"), "not a repository");
        succeeds("plugins", "uninstall", GOOGLE);
        assertFailsChangingNothing("There is no p2 repository at", "plugins", "install", "--allow-unsigned", "--repository",
                folder.toString(), GOOGLE);
    }

    @Test
    void anUnknownFeatureFailsNamingWhatTheRepositoryOffers() throws IOException {
        assertFailsChangingNothing("has no feature no.such.feature; it offers: " + CALDAV, "plugins", "install",
                "--allow-unsigned", "--repository", REPOSITORY.toString(), "no.such.feature");
    }

    @Test
    void uninstallingWhatIsNotAPlugInFailsAndChangesNothing() throws IOException {
        assertFailsChangingNothing("no.such.feature is not installed. Installed plug-ins: " + CALDAV + ", " + GOOGLE,
                "plugins", "uninstall", "no.such.feature");
        assertFailsChangingNothing("part of the product, not a plug-in", "plugins", "uninstall", "peregrine.core.feature");
    }

    @Test
    void installWithoutARepositoryIsAUsageError() {
        Result result = cli("plugins", "install", GOOGLE);
        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().contains("--repository"), result::toString);
    }
}
