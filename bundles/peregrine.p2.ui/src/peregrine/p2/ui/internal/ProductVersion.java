package peregrine.p2.ui.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.osgi.framework.Version;

/**
 * The product's name, its version and its build stamp, read from the version of the bundle that defines it:
 * {@code 0.1.0.202612011941} is version 0.1.0, built 2026-12-01 19:41 (Tycho's qualifier is the build's UTC time).
 */
record ProductVersion(String name, String version, String build) {

    private static final DateTimeFormatter QUALIFIER = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    static ProductVersion of(String name, Version version) {
        String plain = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        String qualifier = version.getQualifier();
        String build;
        try {
            build = LocalDateTime.parse(qualifier, QUALIFIER).format(SHOWN) + " (" + qualifier + ")";
        } catch (DateTimeParseException e) {
            // a build from the IDE or with a qualifier of its own
            build = qualifier.isEmpty() ? "unknown" : qualifier;
        }
        return new ProductVersion(name, plain, build);
    }
}
