package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.settings.SettingsException;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/**
 * What the calendar button may offer on every card alike: whether some calendar is connected, and
 * whether the user's plan includes calendar pushes.
 *
 * @param connected  whether at least one active provider reports its settings as connected
 * @param tier       the user's plan; empty when {@code user.yaml} cannot be read
 * @param tierFailed why the plan is not known (naming {@code user.yaml} and the line), when {@code tier} is empty
 */
record CalendarAccess(boolean connected, Optional<Tier> tier, Optional<String> tierFailed) {

    /** Before the first look, and whenever no provider is active: no button at all. */
    static final CalendarAccess NONE = new CalendarAccess(false, Optional.of(Tier.FREE), Optional.empty());

    CalendarAccess {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(tierFailed, "tierFailed");
        if (tier.isPresent() == tierFailed.isPresent()) {
            throw new IllegalArgumentException("Either the tier or why it is not known");
        }
    }

    /**
     * Reads the providers' status and the user's tier. Both read local files: call it off the display
     * thread.
     */
    static CalendarAccess read(List<CalendarProvider> providers, WorkbenchSettings settings) {
        boolean connected = providers.stream().anyMatch(CalendarAccess::connected);
        try {
            return new CalendarAccess(connected, Optional.of(settings.tier()), Optional.empty());
        } catch (SettingsException e) {
            // A broken user.yaml is named on the card, never taken for the free plan.
            return new CalendarAccess(connected, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** A provider whose status fails is a provider that cannot be pushed to; the others still can. */
    private static boolean connected(CalendarProvider provider) {
        try {
            return provider.status().connected();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return whether the plan is known and includes pushing interviews to a calendar */
    boolean entitled() {
        return tier.map(t -> t.includes(CalendarPushService.REQUIRED_TIER)).orElse(false);
    }

    /**
     * @return why the button is disabled when not {@link #entitled()}, in a sentence a user reads on the
     *         card: the plan it needs, or the settings file that hides the plan
     */
    String notEntitledNote() {
        String feature = "Adding interviews to your calendar, and keeping them up to date, is part of the "
                + CalendarPushService.REQUIRED_TIER.yamlName() + " plan.";
        return tier.map(t -> feature + " Your plan is " + t.yamlName() + ".")
                .orElseGet(() -> feature + " Your plan cannot be read: " + tierFailed.orElseThrow());
    }
}
