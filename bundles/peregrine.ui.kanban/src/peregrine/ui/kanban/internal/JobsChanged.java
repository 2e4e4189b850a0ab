package peregrine.ui.kanban.internal;

/**
 * The e4 event (through {@code IEventBroker}) that a view posts after it changed jobs in the store, so that every other
 * view of them (the board, a job's own view, the upcoming interviews) reads them again. A view ignores the events
 * whose {@link #ORIGIN} is itself: it has already shown its own change.
 */
final class JobsChanged {

    /** The topic. */
    static final String TOPIC = "peregrine/ui/jobs/changed";
    /** The property holding the view that made the change. */
    static final String ORIGIN = "origin";
    /** The property holding the id ({@code Long}) of the job changed, absent when several were. */
    static final String JOB_ID = "jobId";

    private JobsChanged() {
    }
}
