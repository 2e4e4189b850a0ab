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

    /**
     * The one mapping of an HTTP status that was not the success a request needed to the kind of failure it
     * is, for every provider that speaks HTTP (RFC 9110, RFC 6585). A provider refines a status only where its
     * protocol gives it a meaning of its own (such as 412 on a conditional write).
     *
     * @param status an HTTP status code that is not 2xx
     * @return the kind: 401 {@code AUTHENTICATION}; 404 and 410 {@code NOT_FOUND}; 409 and 412 {@code CONFLICT};
     *         408, 425, 429 and every 5xx {@code UNAVAILABLE}; every other status {@code REJECTED}
     */
    public static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.AUTHENTICATION;
            case 404, 410 -> Kind.NOT_FOUND;
            case 409, 412 -> Kind.CONFLICT;
            case 408, 425, 429 -> Kind.UNAVAILABLE;
            default -> status >= 500 && status < 600 ? Kind.UNAVAILABLE : Kind.REJECTED;
        };
    }

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
