package peregrine.ui.kanban.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

import peregrine.calendar.CalendarOffer;
import peregrine.jobs.Job;

/**
 * A card's calendar actions besides the calendar button, as buttons so that the keyboard reaches them:
 * <i>Remove from Calendar</i> while the interview is on a calendar, and <i>Export as .ics…</i> while it has a
 * date, which needs no calendar connection.
 */
final class CardCalendarActions {

    static final String REMOVE = "Remove from Calendar";
    static final String EXPORT = "Export as .ics\u2026";

    CardCalendarActions(Composite card, Job job, CardActions actions, CalendarOffer offer) {
        boolean export = job.interview().isPresent();
        if (!offer.onCalendar() && !export) {
            return;
        }
        Composite row = new Composite(card, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        if (offer.onCalendar()) {
            String from = String.join(", ", offer.calendars().stream().map(CalendarOffer.Placement::label).toList());
            button(row, REMOVE, "Remove the interview's events from " + from,
                    "Remove the interview for " + JobCard.titleAtCompany(job) + " from " + from,
                    () -> actions.removeFromCalendar(job));
        }
        if (export) {
            button(row, EXPORT, "Save the interview as an iCalendar file that any calendar application imports",
                    "Export the interview for " + JobCard.titleAtCompany(job) + " as an iCalendar file",
                    () -> actions.exportEvent(job));
        }
    }

    private static void button(Composite row, String text, String tip, String name, Runnable action) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
        AccessibleNames.name(button, name);
    }
}
