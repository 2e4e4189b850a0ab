import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every package a bundle exports carries its version twice, in agreement: in the manifest's
 * Export-Package and as {@code @org.osgi.annotation.versioning.Version} in the package's package-info.java.
 * Tycho builds the manifest as written (manifest-first), so nothing else keeps the two equal; the API
 * baseline (bnd-baseline-maven-plugin) reads the manifest's.
 * <p>
 * Usage: {@code java releng/scripts/PackageVersions.java BUNDLE_DIR...}; exits 1 naming each disagreement.
 */
public final class PackageVersions {

    /** The commas between export clauses: those outside quotes. */
    private static final Pattern CLAUSE_SEPARATOR = Pattern.compile(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
    private static final Pattern VERSION_ATTRIBUTE = Pattern.compile(";\\s*version\\s*=\\s*\"?([0-9][^\";,]*)\"?");
    private static final Pattern VERSION_ANNOTATION = Pattern.compile(
            "@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private PackageVersions() {
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String arg : args) {
            Path bundle = Path.of(arg).toAbsolutePath().normalize();
            Manifest manifest;
            try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
            String exports = manifest.getMainAttributes().getValue("Export-Package");
            if (exports == null) {
                continue;
            }
            for (String clause : CLAUSE_SEPARATOR.split(exports)) {
                checked++;
                String pkg = clause.split(";", 2)[0].strip();
                Matcher attribute = VERSION_ATTRIBUTE.matcher(clause);
                String exported = attribute.find() ? attribute.group(1).strip() : null;
                Path info = bundle.resolve("src").resolve(pkg.replace('.', '/')).resolve("package-info.java");
                String annotated = null;
                if (Files.isRegularFile(info)) {
                    Matcher annotation = VERSION_ANNOTATION.matcher(Files.readString(info));
                    annotated = annotation.find() ? annotation.group(1).strip() : null;
                }
                if (exported == null || annotated == null || !exported.equals(annotated)) {
                    problems.add(bundle.getFileName() + ": package " + pkg + " is exported at version " + exported
                            + " in META-INF/MANIFEST.MF but " + info + " says @Version(" + annotated
                            + "). Give both the same semantic version.");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
        System.out.println("Package versions: " + checked + " exported packages, manifest and package-info agree");
    }
}
