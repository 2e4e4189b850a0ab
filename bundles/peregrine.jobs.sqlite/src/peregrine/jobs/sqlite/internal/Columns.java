package peregrine.jobs.sqlite.internal;

/**
 * The names of the columns the workbench adds to Peregrine's {@code jobs} table. The three link columns
 * ({@link #CALENDAR_PROVIDER}, {@link #CALENDAR_EVENT_VERSION}, {@link #CALENDAR_EVENT_ADDRESS}) were the one link of
 * an older workbench; {@code calendar_links} has taken them over, and they now mirror the job's first link, so that
 * an older workbench on the same file still pairs {@code calendar_event_id} with the right calendar.
 */
final class Columns {
    static final String CALENDAR_PROVIDER = "calendar_provider";
    static final String INTERVIEW_TIME = "interview_time";
    static final String INTERVIEW_ZONE = "interview_zone";
    static final String INTERVIEW_DURATION = "interview_duration_minutes";
    /** The event's version at its provider (a CalDAV ETag): public, never a secret. */
    static final String CALENDAR_EVENT_VERSION = "calendar_event_version";
    /**
     * Where the event's provider reaches it (a CalDAV resource URL): public. Kept beside
     * {@code calendar_event_id}, which holds what Peregrine itself reads there (a UID, a Google event id).
     */
    static final String CALENDAR_EVENT_ADDRESS = "calendar_event_address";
    /** Where the interview takes place: free text or a video link. */
    static final String INTERVIEW_LOCATION = "interview_location";
    /** The user's notes on the job: free text. */
    static final String NOTES = "notes";


    private Columns() {
    }
}
