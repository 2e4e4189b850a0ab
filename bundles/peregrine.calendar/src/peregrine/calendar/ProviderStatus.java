package peregrine.calendar;

/**
 * Whether a provider can be pushed to, from its settings alone (no network).
 *
 * @param connected whether its settings exist and are complete
 * @param setUp     whether the user set the provider up at all (its settings file exists), connected or not;
 *                  a provider that is set up but not connected has the message the user most needs
 * @param message   for the user: what is connected ("iCloud calendar 'Interviews' as ada@example.com"),
 *                  or why not and what to do; never a secret
 */
public record ProviderStatus(boolean connected, boolean setUp, String message) {

    public ProviderStatus {
        if (connected && !setUp) {
            throw new IllegalArgumentException("A connected provider is set up");
        }
    }

    public static ProviderStatus connected(String message) {
        return new ProviderStatus(true, true, message);
    }

    /** @return the status of a provider the user has not set up (no settings file) */
    public static ProviderStatus notConnected(String message) {
        return new ProviderStatus(false, false, message);
    }

    /** @return the status of a provider whose settings exist but are unreadable, incomplete or invalid */
    public static ProviderStatus broken(String message) {
        return new ProviderStatus(false, true, message);
    }

    /**
     * @return {@code provider}'s status; broken, naming the provider, where its plug-in throws instead of telling, so
     *         that one faulty plug-in leaves the other calendars and the views that list them working
     */
    public static ProviderStatus of(CalendarProvider provider) {
        try {
            return provider.status();
        } catch (RuntimeException e) {
            // Its message may hold anything, so the user sees only its kind; the log has the rest.
            System.getLogger(ProviderStatus.class.getName()).log(System.Logger.Level.ERROR,
                    "Calendar provider " + provider.id() + " failed to tell its status", e);
            return broken(provider.label() + ": the calendar plug-in failed to tell its status (" + e.getClass().getSimpleName()
                    + "). Details are in the error log.");
        }
    }
}
