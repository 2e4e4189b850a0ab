package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Control;

import peregrine.calendar.CalendarOffer;
import peregrine.calendar.CalendarPushService;
import peregrine.jobs.Job;
import peregrine.settings.RemovePolicy;
import peregrine.settings.SettingsException;
import peregrine.settings.WorkbenchSettings;

/**
 * Takes a job's events off its calendars: at the user's word on the card, or as the job leaves the interviews,
 * when {@code calendar_remove_on:} or the user's answer to a {@link RemoveEventsQuestion} (a {@link RejectQuestion} as it is
 * rejected) says so. The removal
 * runs as a {@link CalendarPushJob}, so the status line shows it and can stop the wait; the message line names
 * each calendar's outcome, and the board is read again, since the links it removed are gone from the store.
 */
final class EventRemoval {

    private final CalendarPushService push;
    private final WorkbenchSettings settings;
    private final UISynchronize sync;
    private final Object family;

    EventRemoval(CalendarPushService push, WorkbenchSettings settings, UISynchronize sync, Object family) {
        this.push = push;
        this.settings = settings;
        this.sync = sync;
        this.family = family;
    }

    /** Removes the job's events in the background; {@code done} runs on the display thread once they are. */
    void remove(Control owner, Job job, MessageSink message, Runnable done) {
        String name = "Removing from the calendar: " + job.title() + " @ " + job.company();
        new CalendarPushJob(name, () -> push.remove(job.id()), family, outcome -> sync.asyncExec(() -> {
            if (owner.isDisposed()) {
                return;
            }
            switch (outcome) {
                case PushOutcome.Finished finished -> message.show(finished.report().ok() ? Dialog.DLG_IMG_MESSAGE_INFO
                        : Dialog.DLG_IMG_MESSAGE_ERROR, job.title() + ": " + ReportWords.removal(finished.report()));
                case PushOutcome.Cancelled cancelled -> message.show(Dialog.DLG_IMG_MESSAGE_WARNING, job.title()
                        + ": stopped waiting for the calendar. An event it removed already no longer shows on the card.");
                case PushOutcome.Running running -> {
                    return;
                }
            }
            done.run();
        })).schedule();
    }

    /**
     * Decides, asking the user when {@code calendar_remove_on:} says ask, whether the job's events go as it leaves
     * the interviews; a remembered answer is written to {@code user.yaml} in the background.
     *
     * @param what       what happens to the job, in a sentence
     * @param remembered runs on the display thread once a remembered answer is written
     * @return whether to remove the job's events once the change is made
     */
    boolean removeOnLeaving(Control owner, Job job, String what, CalendarView calendar, MessageSink message,
            Runnable remembered) {
        if (!calendar.onCalendar(job.id())) {
            return false;
        }
        RemovePolicy policy = calendar.removeOn();
        if (policy != RemovePolicy.ASK) {
            return policy == RemovePolicy.ALWAYS;
        }
        RemoveEventsQuestion.Answer answer = RemoveEventsQuestion.ask(owner.getShell(), what, calendars(calendar, job));
        if (answer.remember()) {
            remember(owner, answer.policy(), message, remembered);
        }
        return answer.remove();
    }

    /**
     * Asks whether to reject the job: one {@link RejectQuestion}, which for a job on a calendar also asks about its
     * events when {@code calendar_remove_on:} says ask, and otherwise says what becomes of them.
     *
     * @param remembered runs on the display thread once a remembered answer is written
     * @return whether to remove the job's events once it is rejected; empty if the user did not reject it
     */
    Optional<Boolean> rejecting(Control owner, Job job, CalendarView calendar, MessageSink message, Runnable remembered) {
        if (!calendar.onCalendar(job.id())) {
            return RejectQuestion.ask(owner.getShell(), job, "", List.of()).map(answer -> false);
        }
        List<String> calendars = calendars(calendar, job);
        String on = String.join(" and ", calendars);
        RemovePolicy policy = calendar.removeOn();
        return switch (policy) {
            case ALWAYS -> RejectQuestion.ask(owner.getShell(), job, "Its interview is removed from " + on + " too.", List.of())
                    .map(answer -> true);
            case NEVER -> RejectQuestion.ask(owner.getShell(), job, "Its interview stays on " + on + ".", List.of())
                    .map(answer -> false);
            case ASK -> RejectQuestion.ask(owner.getShell(), job, "Its interview is on " + on + ".", calendars).map(answer -> {
                if (answer.remember()) {
                    remember(owner, answer.policy(), message, remembered);
                }
                return answer.remove();
            });
        };
    }

    private static List<String> calendars(CalendarView calendar, Job job) {
        return calendar.offer(job.id()).orElseThrow().calendars().stream().map(CalendarOffer.Placement::label).toList();
    }

    private void remember(Control owner, RemovePolicy policy, MessageSink message, Runnable remembered) {
        org.eclipse.core.runtime.jobs.Job write = new org.eclipse.core.runtime.jobs.Job("Remembering your answer") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    settings.setCalendarRemoveOn(policy);
                    sync.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            remembered.run();
                        }
                    });
                } catch (SettingsException e) {
                    sync.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, "Your answer is not remembered: " + e.getMessage());
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object candidate) {
                return candidate == family;
            }
        };
        write.setSystem(true);
        write.schedule();
    }
}
