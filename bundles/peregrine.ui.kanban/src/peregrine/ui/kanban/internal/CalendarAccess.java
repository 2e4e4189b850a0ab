package peregrine.ui.kanban.internal;

import java.util.List;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.settings.Tier;
import peregrine.settings.WorkbenchSettings;

/**
 * What the calendar button may offer on every card alike: whether some calendar is connected, and
 * whether the user's plan includes calendar pushes.
 *
 * @param connected whether at least one active provider reports its settings as connected
 * @param tier      the user's plan
 */
record CalendarAccess(boolean connected, Tier tier) {

    /** Before the first look, and whenever no provider is active: no button at all. */
    static final CalendarAccess NONE = new CalendarAccess(false, Tier.FREE);

    /**
     * Reads the providers' status and the user's tier. Both read local files: call it off the display
     * thread.
     */
    static CalendarAccess read(List<CalendarProvider> providers, WorkbenchSettings settings) {
        boolean connected = providers.stream().anyMatch(CalendarAccess::connected);
        try {
            return new CalendarAccess(connected, settings.tier());
        } catch (peregrine.settings.SettingsException e) {
            return new CalendarAccess(connected, Tier.FREE);
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

    /** @return whether the plan includes pushing interviews to a calendar */
    boolean entitled() {
        return tier.includes(CalendarPushService.REQUIRED_TIER);
    }

    /** @return why the button is disabled below the required plan, in a sentence a user reads on the card */
    String paidFeatureNote() {
        return "Adding interviews to your calendar, and keeping them up to date, is part of the "
                + CalendarPushService.REQUIRED_TIER.yamlName() + " plan. Your plan is " + tier.yamlName() + ".";
    }
}
