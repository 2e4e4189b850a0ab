package peregrine.calendar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workbench may offer for a job's interview now, decided by the push service alone so that no view
 * derives it again: whether it can be pushed, to which calendars it would go, and which of the calendars that
 * hold it show an older version of it. Worked out from the job, local settings and the active providers, with no
 * network I/O.
 *
 * @param refusal   why the interview cannot be pushed now (no date, the plan, no connected calendar), for the
 *                  user; empty when it can
 * @param calendars the calendars that hold the job's event, the job's first link first
 * @param targets   the ids of the providers a push would write to now, in order; empty when {@link #refusal()}
 *                  is present
 */
public record CalendarOffer(Optional<String> refusal, List<Placement> calendars, List<String> targets) {

    public CalendarOffer {
        Objects.requireNonNull(refusal, "refusal");
        calendars = List.copyOf(calendars);
        targets = List.copyOf(targets);
    }

    /** @return whether the job can be pushed now */
    public boolean canPush() {
        return refusal.isEmpty();
    }

    /** @return whether the job's event is on at least one calendar */
    public boolean onCalendar() {
        return !calendars.isEmpty();
    }

    /** @return whether some calendar holding the event shows the interview as it was before a later change */
    public boolean outOfDate() {
        return calendars.stream().anyMatch(c -> !c.upToDate());
    }

    /** @return whether a push would add the event to a target that does not hold it yet */
    public boolean adds() {
        return targets.stream().anyMatch(t -> calendars.stream().noneMatch(c -> c.providerId().equals(t)));
    }

    /**
     * One calendar that holds the job's event.
     *
     * @param providerId the provider's id; empty for an event Peregrine recorded without naming its calendar
     * @param label      the provider's name for users, or its id when it is not installed now
     * @param eventId    the event's id there
     * @param upToDate   whether the last push there sent the interview as it is now; false when that is not known
     */
    public record Placement(String providerId, String label, String eventId, boolean upToDate) {
    }
}
