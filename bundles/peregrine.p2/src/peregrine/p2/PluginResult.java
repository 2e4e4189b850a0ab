package peregrine.p2;

/**
 * What an install or uninstall did.
 *
 * @param ok      whether the product's profile now holds the change; when false, the profile is as it was
 * @param message one or more sentences for the user: what was done, or why nothing was
 */
public record PluginResult(boolean ok, String message) {

    public static PluginResult done(String message) {
        return new PluginResult(true, message);
    }

    public static PluginResult failed(String message) {
        return new PluginResult(false, message);
    }
}
