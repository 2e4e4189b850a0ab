package peregrine.ui.kanban.internal;

import peregrine.calendar.PushReport;

/** Where a card's last calendar push stands, as the card shows it. */
sealed interface PushOutcome {

    /** The push is running in the background. */
    record Running() implements PushOutcome {
    }

    /** The push service answered; its report says, for each calendar, whether the interview is on it. */
    record Finished(PushReport report) implements PushOutcome {
    }

    /**
     * The user cancelled the push before the service answered. The provider call may still complete:
     * the push is idempotent, and the board is read again from the store when it does.
     */
    record Cancelled() implements PushOutcome {
    }
}
