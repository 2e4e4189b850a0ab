package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the cards of one drawing of the board show besides their jobs.
 *
 * @param today    the day "applied … ago" counts from
 * @param calendar the calendars' state and the push service's offer for each job
 * @param pushes   the last calendar push of each job pushed since the board opened, by job id
 * @param selected the id of the selected card's job, if a card is selected
 */
record CardContext(LocalDate today, CalendarView calendar, Map<Long, PushOutcome> pushes, OptionalLong selected) {

    CardContext {
        pushes = Map.copyOf(pushes);
    }

    /** @return the last push of the job {@code id}, if it was pushed since the board opened */
    Optional<PushOutcome> push(long id) {
        return Optional.ofNullable(pushes.get(id));
    }

    /** @return whether the job {@code id} is the selected one */
    boolean isSelected(long id) {
        return selected.isPresent() && selected.getAsLong() == id;
    }
}
