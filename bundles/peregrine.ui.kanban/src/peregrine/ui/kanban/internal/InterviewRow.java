package peregrine.ui.kanban.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;

import peregrine.calendar.CalendarOffer;
import peregrine.calendar.PushResult;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * The interview part of a card: the saved date, time and place with a link that opens the entry to change
 * them, the calendars that hold the interview (and whether they show it as it is now), the calendar button,
 * the card's other calendar actions and the outcome of the last push. What the button may do is the push
 * service's {@link CalendarOffer}, never decided here. Times are shown and entered in the user's
 * time zone (the machine's); a time entered here is saved with that zone, so the interview stays at the
 * same instant when the user travels.
 * <p>
 * The entry (date, an optional time of day and duration, a place or video link, the reminders a push sets,
 * Save, Cancel and, for a saved date, Clear) is made only when the user opens it: GTK's date and time widgets
 * are slow to create and to measure, and a board shows many cards. It takes the keyboard focus when it opens;
 * Return in any field saves, Escape in any field cancels, and Tab and Shift+Tab go from field to field and out
 * of the date and time fields too ({@link DateFieldKeys}). A date or an
 * end that no calendar can hold ({@link InterviewSlot}'s years) is refused under the entry, which stays open,
 * and nothing is saved.
 */
final class InterviewRow {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz");
    static final String ADD_TO_CALENDAR = "Add to Calendar";
    static final String UPDATE_CALENDAR = "Update Calendar";
    static final String SET_DATE = "Set date\u2026";
    static final String CHANGE_DATE = "Change date\u2026";
    static final String CLEAR_DATE = "Clear date";
    static final String OUT_OF_DATE = "Calendar out of date: ";
    /** Opens the line naming a calendar that holds the interview. */
    static final String ON_CALENDAR = "On ";
    static final String PLACE_HINT = "Place or video link";
    static final int DEFAULT_MINUTES = 60;
    static final LocalTime SUGGESTED_TIME = LocalTime.of(9, 0);

    private final Composite card;
    private final Job job;
    private final CardActions actions;
    private final Runnable resized;
    private final CardContext context;
    private final Link summary;
    /** The open date entry, or null while it is closed. */
    private Composite entry;
    /** The open entry's line saying why its date cannot be saved, or null. */
    private Label refusal;

    /**
     * @param resized runs when the row changes its height by itself: on opening or closing the entry, and
     *                when the entry refuses a date
     */
    InterviewRow(Composite card, Job job, CardActions actions, CardContext context, Runnable resized) {
        this.card = card;
        this.job = job;
        this.actions = actions;
        this.resized = resized;
        this.context = context;
        summary = new Link(card, SWT.WRAP);
        summary.addListener(SWT.Selection, e -> openEntry());
        wrapAtCardWidth(summary);
        showSummary();
        context.calendar().offer(job.id()).ifPresent(this::calendars);
        context.push(job.id()).ifPresent(this::outcome);
    }

    /** @return when a slot with a time of day starts, in the user's zone */
    static Optional<ZonedDateTime> localStart(InterviewSlot slot) {
        ZoneId here = ZoneId.systemDefault();
        return slot.time().map(time -> ZonedDateTime.of(slot.date(), time, slot.zone().orElse(here)).withZoneSameInstant(here));
    }

    /** @return e.g. "Interview on Mar 14, 2026 at 2:30 PM CET, 45 min", or without the time when none is set */
    static String describe(InterviewSlot slot, Optional<ZonedDateTime> start) {
        return start.map(at -> "Interview on " + DATE.format(at) + " at " + TIME.format(at) + " "
                + at.format(ZONE) + ", "
                + slot.duration().orElse(Duration.ofMinutes(DEFAULT_MINUTES)).toMinutes() + " min")
                .orElseGet(() -> "Interview on " + DATE.format(slot.date()));
    }

    private void showSummary() {
        Optional<InterviewSlot> saved = job.interview();
        String described = saved.map(slot -> describe(slot, saved.flatMap(InterviewRow::localStart))
                + slot.location().map(place -> "\n" + place).orElse("")).orElse("No interview date yet");
        summary.setText(linkText(described)
                + (entry != null ? "" : " \u2013 <a>" + (saved.isPresent() ? CHANGE_DATE : SET_DATE) + "</a>"));
    }

    /** Makes the date entry under the summary, filled with the saved interview or a suggestion. */
    private void openEntry() {
        if (entry != null) {
            return;
        }
        Optional<InterviewSlot> saved = job.interview();
        entry = new Composite(card, SWT.NONE);
        entry.moveBelow(summary);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(entry);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(entry);
        Composite fields = new Composite(entry, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).center(true).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fields);
        InterviewFields interview = new InterviewFields(fields, entry, saved);
        Text place = interview.place;
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(place);
        Label reminders = new Label(entry, SWT.WRAP);
        reminders.setText(context.calendar().remindersLine());
        reminders.setForeground(card.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        wrapAtCardWidth(reminders);
        Composite actionsRow = new Composite(entry, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).applyTo(actionsRow);

        Runnable save = () -> {
            if (entry == null) {
                // Closed already by the same key, reaching more than one of the entry's listeners.
                return;
            }
            InterviewSlot slot;
            try {
                slot = interview.slot();
            } catch (IllegalArgumentException refused) {
                // A date no calendar can hold (the widget offers years InterviewSlot refuses): say why, save nothing.
                refuse(refused.getMessage());
                return;
            }
            closeEntry();
            actions.saveInterview(job, slot);
        };
        button(actionsRow, "Save", "Save the interview date", save);
        button(actionsRow, "Cancel", "Leave the interview as it is", this::closeEntry);
        if (saved.isPresent()) {
            button(actionsRow, CLEAR_DATE, "Remove the interview date, time and place", () -> {
                closeEntry();
                actions.clearInterview(job);
            });
        }
        List<Control> every = new ArrayList<>(List.of(fields.getChildren()));
        every.add(place);
        every.addAll(List.of(actionsRow.getChildren()));
        for (Control field : every) {
            field.addListener(SWT.Traverse, e -> {
                if (e.detail == SWT.TRAVERSE_ESCAPE) {
                    e.doit = false;
                    closeEntry();
                } else if (e.detail == SWT.TRAVERSE_RETURN && field == interview.timed) {
                    // The check box has no default selection of its own: Return saves there too.
                    e.doit = false;
                    save.run();
                }
            });
        }
        for (Control field : interview.entries()) {
            field.addListener(SWT.DefaultSelection, e -> save.run());
        }
        // Each field its own stop for Tab and Shift+Tab, in the order shown: the check box would otherwise be one
        // only for the arrows.
        fields.setTabList(fields.getChildren());
        DateFieldKeys.install(interview.date, save, this::closeEntry);
        DateFieldKeys.install(interview.time, save, this::closeEntry);
        showSummary();
        resized.run();
        interview.date.setFocus();
    }

    /** Shows under the open entry why it cannot be saved; the entry stays open for a correction. */
    private void refuse(String why) {
        if (refusal == null) {
            refusal = new Label(entry, SWT.WRAP);
            refusal.setForeground(card.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            wrapAtCardWidth(refusal);
        }
        refusal.setText(why.replace("&", "&&"));
        resized.run();
    }

    private static void button(Composite row, String text, String tip, Runnable action) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
    }

    private void closeEntry() {
        if (entry == null) {
            return;
        }
        // Disposed after the listener that closes it has returned: it may belong to one of the entry's fields.
        Composite closing = entry;
        entry = null;
        refusal = null;
        closing.setVisible(false);
        ((GridData) closing.getLayoutData()).exclude = true;
        card.getDisplay().asyncExec(closing::dispose);
        showSummary();
        resized.run();
        summary.setFocus();
    }

    /** The calendars that hold the interview, whether they are out of date, the button and the other calendar actions. */
    private void calendars(CalendarOffer offer) {
        offer.calendars().forEach(placement -> text(ON_CALENDAR + placement.label()).setForeground(gray()));
        boolean running = context.push(job.id()).orElse(null) instanceof PushOutcome.Running;
        if (offer.outOfDate()) {
            Link stale = new Link(card, SWT.WRAP);
            stale.setText(OUT_OF_DATE + (offer.canPush() && !running ? "<a>" + UPDATE_CALENDAR + "</a>" : UPDATE_CALENDAR));
            stale.setForeground(card.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            stale.setToolTipText("The interview changed since it was last sent to "
                    + String.join(", ", offer.calendars().stream().filter(c -> !c.upToDate()).map(CalendarOffer.Placement::label).toList()));
            stale.addListener(SWT.Selection, e -> actions.pushToCalendar(job));
            wrapAtCardWidth(stale);
        }
        if (context.calendar().connected() && job.interview().isPresent()) {
            calendarButton(offer, running);
        }
        new CardCalendarActions(card, job, actions, offer);
    }

    private void calendarButton(CalendarOffer offer, boolean running) {
        boolean update = offer.onCalendar();
        Button push = new Button(card, SWT.PUSH);
        push.setText(update ? UPDATE_CALENDAR : ADD_TO_CALENDAR);
        push.setImage(BoardIcons.get(update ? BoardIcons.CALENDAR_UPDATE : BoardIcons.CALENDAR_ADD));
        push.setEnabled(offer.canPush() && !running);
        push.setToolTipText(offer.refusal().orElse(update ? "Update the interview's calendar events"
                : "Add the interview to your calendar"));
        push.addListener(SWT.Selection, e -> actions.pushToCalendar(job));
        AccessibleNames.name(push, (update ? "Update the calendar events of the interview for "
                : "Add to the calendar the interview for ") + JobCard.titleAtCompany(job));
        // Why it cannot be pushed is a fact of the plan or the settings; the service words it.
        offer.refusal().ifPresent(why -> text(why).setForeground(gray()));
    }

    private Color gray() {
        return card.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
    }

    private void outcome(PushOutcome outcome) {
        switch (outcome) {
            case PushOutcome.Running running -> text("Working on the calendar\u2026");
            case PushOutcome.Cancelled cancelled -> text("Cancelled. If the calendar was reached already, the event is "
                    + "there and this card will say so.");
            case PushOutcome.Finished finished -> finished.report().results().forEach(this::result);
        }
    }

    private void result(PushResult result) {
        switch (result) {
            case PushResult.Pushed pushed -> pushed(pushed);
            case PushResult.Removed removed -> text("Removed from " + removed.providerLabel());
            case PushResult.Failed failed -> text(failed.message()).setForeground(card.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
    }

    private void pushed(PushResult.Pushed pushed) {
        String done = (pushed.created() ? "Added to " : "Updated on ") + pushed.providerLabel();
        Optional<URI> link = pushed.link();
        if (link.isEmpty()) {
            text(done);
            return;
        }
        Link open = new Link(card, SWT.WRAP);
        open.setText(linkText(done) + " \u2013 <a>Open event</a>");
        open.setToolTipText(link.get().toString());
        open.addListener(SWT.Selection, e -> actions.openEvent(link.get()));
        wrapAtCardWidth(open);
    }

    /** @return {@code plain} as a link shows it: a link reads '&' as a mnemonic marker and '<' as the start of a tag */
    private static String linkText(String plain) {
        return plain.replace("&", "&&").replace("<", "&lt;");
    }

    private Label text(String text) {
        Label label = new Label(card, SWT.WRAP);
        // A label reads '&' as a mnemonic marker.
        label.setText(text.replace("&", "&&"));
        wrapAtCardWidth(label);
        return label;
    }

    /** A zero width hint makes a long text wrap at the card's width instead of widening the card. */
    private static void wrapAtCardWidth(Control control) {
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(control);
    }
}
