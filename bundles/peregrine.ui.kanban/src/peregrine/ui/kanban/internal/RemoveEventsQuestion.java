package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import peregrine.settings.RemovePolicy;

/**
 * Asks whether to remove a job's calendar events as it leaves the interviews (rejected, its date cleared, moved
 * on to offer or hired), with a check box to remember the answer. Closing the dialog keeps them: events are
 * never removed silently.
 */
final class RemoveEventsQuestion extends MessageDialog {

    static final String TITLE = "Remove Calendar Events";
    static final String REMOVE = "Remove events";
    static final String KEEP = "Keep them";
    static final String REMEMBER = "Remember my answer";
    /** MessageDialog answers with the index of the button pressed. */
    private static final int REMOVE_INDEX = 0;

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

    private boolean remember;

    private RemoveEventsQuestion(Shell shell, String message) {
        // Keep is the default button: Return alone never takes events away.
        super(shell, TITLE, null, message, QUESTION, 1, REMOVE, KEEP);
    }

    /**
     * @param what      what happens to the job, e.g. {@code "Engineer @ Acme is rejected."}
     * @param calendars the names of the calendars that hold its events
     */
    static Answer ask(Shell shell, String what, List<String> calendars) {
        RemoveEventsQuestion question = new RemoveEventsQuestion(shell, what + " Its interview is on "
                + String.join(" and ", calendars) + ". Remove the events from "
                + (calendars.size() == 1 ? "that calendar?" : "those calendars?"));
        int answer = question.open();
        // Closed without an answer (Escape, the window's close box): keep them, and remember nothing.
        boolean answered = answer == REMOVE_INDEX || answer == 1;
        return new Answer(answer == REMOVE_INDEX, answered && question.remember);
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        return rememberBox(parent, checked -> remember = checked);
    }

    /** @return the "Remember my answer" check box, which tells {@code checked} each time it changes */
    static Button rememberBox(Composite parent, Consumer<Boolean> checked) {
        Button box = new Button(parent, SWT.CHECK);
        box.setText(REMEMBER);
        box.setToolTipText("Writes calendar_remove_on: into user.yaml");
        box.addListener(SWT.Selection, e -> checked.accept(box.getSelection()));
        return box;
    }
}
