package peregrine.calendar;

import java.util.Objects;

/**
 * A calendar provider could not do what it was asked. The message is written for the user: it says
 * what went wrong and what to do, names the calendar or file concerned, and never holds a password,
 * a key or a token.
 */
public class CalendarException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, which decides what the caller does next. */
    public enum Kind {
        /** The server refused the credentials. The user must fix them; retrying will not help. */
        AUTHENTICATION,
        /** The event (on update or delete) or the calendar does not exist. On update the caller creates the event again. */
        NOT_FOUND,
        /** The server holds a different version than expected and the provider could not reconcile it. Report it; never create another event. */
        CONFLICT,
        /** The server is unreachable, slow, rate-limiting or failing (timeouts, 429, 5xx). Nothing changed locally; the user may try again later. */
        UNAVAILABLE,
        /** The provider's settings are missing, malformed or incomplete. The user must fix the named file. */
        CONFIGURATION,
        /** The server refused the request for another reason (4xx). Report it. */
        REJECTED
    }

    private final Kind kind;

    public CalendarException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public CalendarException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    /** @return what kind of failure this is */
    public Kind kind() {
        return kind;
    }
}
