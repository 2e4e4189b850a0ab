package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * The interview part of a card: the saved date and the entry that changes it. It is a row of its own
 * because it grows: time of day, duration and the calendar button belong here too.
 */
final class InterviewRow {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    InterviewRow(Composite card, Job job, CardActions actions) {
        Composite row = new Composite(card, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);

        Optional<InterviewSlot> saved = job.interview();
        Label when = new Label(row, SWT.WRAP);
        when.setText(saved.map(slot -> "Interview on " + DATE.format(slot.date())).orElse("No interview date yet"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(when);

        Composite entry = new Composite(row, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).center(true).applyTo(entry);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(entry);
        DateTime date = new DateTime(entry, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN);
        saved.map(InterviewSlot::date).ifPresent(day -> date.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
        date.setToolTipText("Interview date");

        Button save = new Button(entry, SWT.PUSH);
        save.setText("Save");
        save.setToolTipText("Save the interview date");
        save.addListener(SWT.Selection, e -> {
            LocalDate day = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
            // Changing the day keeps a time and duration set elsewhere, e.g. with peregrine-cli.
            InterviewSlot slot = saved.map(s -> new InterviewSlot(day, s.time(), s.zone(), s.duration()))
                    .orElseGet(() -> InterviewSlot.onDate(day));
            actions.saveInterview(job, slot);
        });
    }
}
