package peregrine.ui.kanban.internal;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.swt.widgets.Shell;

import peregrine.settings.RemovePolicy;

/**
 * Asks whether to remove a job's calendar events as it leaves the interviews (rejected, its date cleared, moved
 * on to offer or hired), with a check box to remember the answer. Closing the dialog keeps them: events are
 * never removed silently.
 */
final class RemoveEventsQuestion {

    static final String TITLE = "Remove Calendar Events";
    static final String REMOVE = "Remove events";
    static final String KEEP = "Keep them";
    static final String REMEMBER = "Remember my answer";

    /**
     * @param remove   whether to remove the events
     * @param remember whether the user asked to be asked no more
     */
    record Answer(boolean remove, boolean remember) {
        /** @return the policy that gives this answer from now on */
        RemovePolicy policy() {
            return remove ? RemovePolicy.ALWAYS : RemovePolicy.NEVER;
        }
    }

    private RemoveEventsQuestion() {
    }

    /**
     * @param what      what happens to the job, e.g. {@code "Engineer @ Acme is rejected."}
     * @param calendars the names of the calendars that hold its events
     */
    static Answer ask(Shell shell, String what, List<String> calendars) {
        String message = what + " Its interview is on " + String.join(" and ", calendars)
                + ". Remove the events from " + (calendars.size() == 1 ? "that calendar?" : "those calendars?");
        // Keep is the default button: Return alone never takes events away.
        MessageDialogWithToggle dialog = new MessageDialogWithToggle(shell, TITLE, null, message, MessageDialog.QUESTION,
                new String[] { REMOVE, KEEP }, 1, REMEMBER, false);
        int answer = dialog.open();
        boolean answered = answer == 0 || answer == 1;
        return new Answer(answer == 0, answered && dialog.getToggleState());
    }
}
