package peregrine.ui.kanban.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.ProviderStatus;
import peregrine.jobs.Job;
import peregrine.settings.RemovePolicy;
import peregrine.settings.WorkbenchSettings;

/**
 * What the cards show of the calendars, as read off the display thread: whether a calendar is connected at all
 * (which decides whether a card carries the calendar button), the push service's {@link CalendarOffer} for each
 * job that has an interview date or calendar events, the reminders a push sets and what to do with a job's
 * events when it leaves the interviews. The board never decides on its own whether a job may be pushed.
 *
 * @param connected whether at least one active provider reports its settings as connected
 * @param offers    the push service's offer for each job with an interview date or a calendar event, by job id
 * @param reminders the reminders a push sets, longest first
 * @param removeOn  {@code calendar_remove_on:}
 */
record CalendarView(boolean connected, Map<Long, CalendarOffer> offers, List<Duration> reminders, RemovePolicy removeOn) {

    /** Before the first look: no calendar. */
    static final CalendarView NONE = new CalendarView(false, Map.of(), WorkbenchSettings.DEFAULT_REMINDERS, RemovePolicy.ASK);

    CalendarView {
        offers = Map.copyOf(offers);
        reminders = List.copyOf(reminders);
    }

    /** Asks the providers, the push service and the settings; they read local files: call it off the display thread. */
    static CalendarView read(Collection<Job> jobs, List<CalendarProvider> providers, CalendarPushService push,
            WorkbenchSettings settings) {
        Map<Long, CalendarOffer> offers = push.offers(jobs.stream()
                .filter(job -> job.interview().isPresent() || !job.calendarLinks().isEmpty()).toList());
        return new CalendarView(providers.stream().anyMatch(provider -> ProviderStatus.of(provider).connected()), offers,
                settings.calendarReminders(), settings.calendarRemoveOn());
    }

    /** @return the push service's offer for the job {@code id}, if it has an interview date or a calendar event */
    Optional<CalendarOffer> offer(long id) {
        return Optional.ofNullable(offers.get(id));
    }

    /** @return whether the job {@code id} has an event on some calendar */
    boolean onCalendar(long id) {
        return offer(id).map(CalendarOffer::onCalendar).orElse(false);
    }

    /** @return e.g. "Reminders: 1 day and 1 hour before", or "No reminders" */
    String remindersLine() {
        if (reminders.isEmpty()) {
            return "No reminders";
        }
        List<String> each = reminders.stream().map(CalendarView::describe).toList();
        String joined = each.size() == 1 ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
        return "Reminders: " + joined + " before";
    }

    private static String describe(Duration before) {
        long minutes = before.toMinutes();
        if (minutes % (7 * 24 * 60) == 0) {
            return plural(minutes / (7 * 24 * 60), "week");
        }
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(minutes, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
