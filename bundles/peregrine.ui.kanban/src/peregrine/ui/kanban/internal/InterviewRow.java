package peregrine.ui.kanban.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Spinner;

import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * The interview part of a card: the saved date and time, the entry that changes them, the calendar
 * button and the outcome of the last push. Times are shown and entered in the user's time zone (the
 * machine's); a time entered here is saved with that zone, so the interview stays at the same instant
 * when the user travels.
 */
final class InterviewRow {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    static final String ADD_TO_CALENDAR = "\uD83D\uDCC5 Add to Calendar";
    static final String UPDATE_CALENDAR = "\uD83D\uDD04 Update Calendar";
    static final int DEFAULT_MINUTES = 60;
    static final LocalTime SUGGESTED_TIME = LocalTime.of(9, 0);

    private final Composite row;

    InterviewRow(Composite card, Job job, CardActions actions, CardContext context) {
        row = new Composite(card, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);

        Optional<InterviewSlot> saved = job.interview();
        Optional<ZonedDateTime> savedStart = saved.flatMap(InterviewRow::localStart);
        text(saved.map(slot -> describe(slot, savedStart)).orElse("No interview date yet"));
        entry(job, saved, savedStart, actions);
        if (BoardPart.offersPush(job, context.calendar())) {
            calendarButton(job, actions, context);
        }
        context.push(job.id()).ifPresent(outcome -> outcome(outcome, actions));
    }

    /** @return when a slot with a time of day starts, in the user's zone */
    static Optional<ZonedDateTime> localStart(InterviewSlot slot) {
        ZoneId here = ZoneId.systemDefault();
        return slot.time().map(time -> ZonedDateTime.of(slot.date(), time, slot.zone().orElse(here)).withZoneSameInstant(here));
    }

    /** @return e.g. "Interview on Mar 14, 2026 at 2:30 PM CET, 45 min", or without the time when none is set */
    static String describe(InterviewSlot slot, Optional<ZonedDateTime> start) {
        return start.map(at -> "Interview on " + DATE.format(at) + " at " + TIME.format(at) + " "
                + at.format(DateTimeFormatter.ofPattern("zzz")) + ", "
                + slot.duration().orElse(Duration.ofMinutes(DEFAULT_MINUTES)).toMinutes() + " min")
                .orElseGet(() -> "Interview on " + DATE.format(slot.date()));
    }

    private void entry(Job job, Optional<InterviewSlot> saved, Optional<ZonedDateTime> savedStart, CardActions actions) {
        Composite entry = new Composite(row, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).center(true).applyTo(entry);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(entry);
        DateTime date = new DateTime(entry, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN);
        savedStart.map(ZonedDateTime::toLocalDate).or(() -> saved.map(InterviewSlot::date))
                .ifPresent(day -> date.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
        date.setToolTipText("Interview date");

        Button timed = new Button(entry, SWT.CHECK);
        timed.setText("at");
        timed.setToolTipText("Set a time of day; without one the calendar event is at 12:00 UTC for an hour");
        DateTime time = new DateTime(entry, SWT.TIME | SWT.SHORT);
        time.setToolTipText("Time of day, in this computer's time zone (" + ZoneId.systemDefault().getId() + ")");
        Spinner minutes = new Spinner(entry, SWT.BORDER);
        minutes.setValues(DEFAULT_MINUTES, 5, 24 * 60, 0, 15, 60);
        minutes.setToolTipText("Duration in minutes");
        Label unit = new Label(entry, SWT.NONE);
        unit.setText("min");

        timed.setSelection(savedStart.isPresent());
        // Offer a plausible interview hour rather than the clock's current minute.
        LocalTime shownTime = savedStart.map(ZonedDateTime::toLocalTime).orElse(SUGGESTED_TIME);
        time.setTime(shownTime.getHour(), shownTime.getMinute(), 0);
        saved.flatMap(InterviewSlot::duration).ifPresent(d -> minutes.setSelection((int) d.toMinutes()));
        Runnable enableTime = () -> {
            time.setEnabled(timed.getSelection());
            minutes.setEnabled(timed.getSelection());
        };
        enableTime.run();
        timed.addListener(SWT.Selection, e -> enableTime.run());

        Button save = new Button(entry, SWT.PUSH);
        save.setText("Save");
        save.setToolTipText("Save the interview date");
        save.addListener(SWT.Selection, e -> {
            LocalDate day = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
            InterviewSlot slot = timed.getSelection()
                    ? new InterviewSlot(day, Optional.of(LocalTime.of(time.getHours(), time.getMinutes())),
                            Optional.of(ZoneId.systemDefault()), Optional.of(Duration.ofMinutes(minutes.getSelection())))
                    : InterviewSlot.onDate(day);
            actions.saveInterview(job, slot);
        });
    }

    private void calendarButton(Job job, CardActions actions, CardContext context) {
        boolean entitled = context.calendar().entitled();
        boolean update = job.calendarLink().isPresent();
        Button push = new Button(row, SWT.PUSH);
        push.setText(update ? UPDATE_CALENDAR : ADD_TO_CALENDAR);
        push.setEnabled(entitled && !(context.push(job.id()).orElse(null) instanceof PushOutcome.Running));
        push.setToolTipText(!entitled ? context.calendar().paidFeatureNote()
                : update ? "Update the interview's calendar event" : "Add the interview to your calendar");
        push.addListener(SWT.Selection, e -> actions.pushToCalendar(job));
        if (!entitled) {
            text(context.calendar().paidFeatureNote()).setForeground(row.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        }
    }

    private void outcome(PushOutcome outcome, CardActions actions) {
        switch (outcome) {
            case PushOutcome.Running running -> text("Working on the calendar\u2026");
            case PushOutcome.Cancelled cancelled -> text("Cancelled. If the calendar was reached already, the event is "
                    + "there and this card will say so.");
            case PushOutcome.Finished(PushResult.Pushed pushed) -> pushed(pushed, actions);
            case PushOutcome.Finished(PushResult.Failed failed) ->
                text(failed.message()).setForeground(row.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
    }

    private void pushed(PushResult.Pushed pushed, CardActions actions) {
        String done = (pushed.created() ? "Added to " : "Updated on ") + pushed.providerLabel();
        Optional<URI> link = pushed.link();
        if (link.isEmpty()) {
            text(done);
            return;
        }
        Link open = new Link(row, SWT.WRAP);
        // A link reads '&' as a mnemonic marker and '<' as the start of a tag.
        open.setText(done.replace("&", "&&").replace("<", "&lt;") + " \u2013 <a>Open event</a>");
        open.setToolTipText(link.get().toString());
        open.addListener(SWT.Selection, e -> actions.openEvent(link.get()));
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(open);
    }

    private Label text(String text) {
        Label label = new Label(row, SWT.WRAP);
        // A label reads '&' as a mnemonic marker.
        label.setText(text.replace("&", "&&"));
        // A zero width hint makes a long message wrap at the card's width instead of widening the card.
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(label);
        return label;
    }
}
