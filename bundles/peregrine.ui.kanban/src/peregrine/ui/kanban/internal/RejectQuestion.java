package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import peregrine.jobs.Job;

/**
 * Asks before a job is rejected, the one question a reject asks: for a job whose interview is on calendars while
 * {@code calendar_remove_on:} says ask, it holds the choice to remove the events too (unchecked: events are never
 * removed silently) and to remember that choice. Reject is the default button, since Undo takes a reject back;
 * Cancel, Escape and the close box change nothing.
 */
final class RejectQuestion extends MessageDialog {

    static final String TITLE = "Reject Job";
    static final String REJECT = "Reject";
    static final String CANCEL = IDialogConstants.CANCEL_LABEL;
    /** Opens the check box's text, which names the calendars. */
    static final String ALSO_REMOVE = "Also remove its interview from ";
    /** MessageDialog answers with the index of the button pressed. */
    private static final int REJECT_INDEX = 0;

    private final List<String> calendars;
    private boolean remove;
    private boolean remember;

    private RejectQuestion(Shell shell, String message, List<String> calendars) {
        super(shell, TITLE, null, message, QUESTION, REJECT_INDEX, REJECT, CANCEL);
        this.calendars = calendars;
    }

    /**
     * @param note      a sentence on the job's calendar events, or {@code ""}
     * @param calendars the calendars to offer to remove the events from; empty to offer nothing
     * @return whether to remove the events and whether to remember that, empty if the user did not reject
     */
    static Optional<RemoveEventsQuestion.Answer> ask(Shell shell, Job job, String note, List<String> calendars) {
        String message = "Reject \u201c" + job.title() + "\u201d at " + job.company() + "?" + (note.isEmpty() ? "" : "\n\n" + note);
        RejectQuestion question = new RejectQuestion(shell, message, calendars);
        if (question.open() != REJECT_INDEX) {
            return Optional.empty();
        }
        return Optional.of(new RemoveEventsQuestion.Answer(question.remove, question.remember));
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        if (calendars.isEmpty()) {
            return null;
        }
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(area);
        Button also = new Button(area, SWT.CHECK);
        also.setText(ALSO_REMOVE + String.join(" and ", calendars));
        also.addListener(SWT.Selection, e -> remove = also.getSelection());
        RemoveEventsQuestion.rememberBox(area, checked -> remember = checked);
        return area;
    }
}
