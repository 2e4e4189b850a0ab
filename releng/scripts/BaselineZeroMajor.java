import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API baseline's rule for packages still at major version 0, which bnd's baseline reports but never fails on
 * (semantic versioning calls 0.x unstable): our importers take {@code [0.N,0.N+1)}, so for 0.x the minor is the
 * major. An incompatible change (bnd: MAJOR) needs a higher minor; a compatible addition (MINOR) a higher version.
 * <p>
 * Usage: {@code java releng/scripts/BaselineZeroMajor.java REPORT...} (bnd-baseline-maven-plugin's report files);
 * exits 1 naming each package that needs a version bump.
 */
public final class BaselineZeroMajor {

    /** A package row of the report: mismatch mark, name, type, delta, new version, old version. */
    private static final Pattern ROW = Pattern.compile("^[* ] (\\S+)\\s+PACKAGE\\s+(MAJOR|MINOR|MICRO|UNCHANGED|ADDED|REMOVED|CHANGED)\\s+(\\S+)\\s+(\\S+)");

    private BaselineZeroMajor() {
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String report : args) {
            for (String line : Files.readAllLines(Path.of(report))) {
                Matcher row = ROW.matcher(line);
                if (!row.find()) {
                    continue;
                }
                String pkg = row.group(1);
                String delta = row.group(2);
                int[] now = version(row.group(3));
                int[] was = version(row.group(4));
                if (now == null || was == null || now[0] > 0 || was[0] > 0) {
                    continue; // bnd itself fails on versions from 1.0.0 up
                }
                if (delta.equals("MAJOR") && now[1] <= was[1]) {
                    problems.add(pkg + " changed incompatibly since the baseline (" + row.group(4) + "): its version must become 0."
                            + (was[1] + 1) + ".0 (for 0.x the minor is the major), in META-INF/MANIFEST.MF and package-info.java.");
                } else if (delta.equals("MINOR") && compare(now, was) <= 0) {
                    problems.add(pkg + " gained API since the baseline (" + row.group(4) + "): its version must become at least 0."
                            + was[1] + "." + (was[2] + 1) + ", in META-INF/MANIFEST.MF and package-info.java.");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("API baseline: " + p));
            System.exit(1);
        }
        System.out.println("API baseline: package versions follow the changes since the baseline");
    }

    private static int[] version(String text) {
        String[] parts = text.split("\\.");
        int[] v = new int[3];
        try {
            for (int i = 0; i < 3; i++) {
                v[i] = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            }
        } catch (NumberFormatException notAVersion) {
            return null;
        }
        return v;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
