package peregrine.p2;

/**
 * A plug-in: a feature of a p2 repository or of the product's profile.
 *
 * @param id      the feature's id, e.g. {@code peregrine.calendar.google.feature}: what install and uninstall take
 * @param version its version, e.g. {@code 0.1.0.202612011941}
 * @param name    its label, or the id when it has none
 * @param vendor  its provider name, or "" when it has none
 */
public record Plugin(String id, String version, String name, String vendor) {
}
