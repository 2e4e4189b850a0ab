package peregrine.calendar;

/**
 * Whether a provider can be pushed to, from its settings alone (no network).
 *
 * @param connected whether its settings exist and are complete
 * @param message   for the user: what is connected ("iCloud calendar 'Interviews' as ada@example.com"),
 *                  or why not and what to do; never a secret
 */
public record ProviderStatus(boolean connected, String message) {

    public static ProviderStatus connected(String message) {
        return new ProviderStatus(true, message);
    }

    public static ProviderStatus notConnected(String message) {
        return new ProviderStatus(false, message);
    }
}
