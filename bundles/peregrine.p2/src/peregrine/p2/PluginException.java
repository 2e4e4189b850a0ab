package peregrine.p2;

/** A repository could not be read, or the product has no p2 profile. The message is for the user. */
public final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }
}
