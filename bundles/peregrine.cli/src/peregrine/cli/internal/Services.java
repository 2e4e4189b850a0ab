package peregrine.cli.internal;

/** Finds the OSGi services a command needs, when it first needs them. */
@FunctionalInterface
interface Services {

    /**
     * @param type what to find, e.g. {@code JobStore.class}
     * @param what its name for a user, for the message when it is missing, e.g. "the job store"
     * @return the service
     * @throws CliException (error) when no such service appears in time
     */
    <S> S get(Class<S> type, String what) throws CliException;
}
