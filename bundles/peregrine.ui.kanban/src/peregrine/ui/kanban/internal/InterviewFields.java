package peregrine.ui.kanban.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import peregrine.jobs.InterviewSlot;

/**
 * The fields that enter an interview slot: its date, an optional time of day (in this computer's zone) with a
 * duration, and its place. A card's date entry and a job's own view both enter a slot with them. The caller lays the
 * place field out; the others lie in the row they are made in.
 */
final class InterviewFields {

    final DateTime date;
    final Button timed;
    final DateTime time;
    final Spinner minutes;
    final Text place;
    private final Optional<InterviewSlot> saved;

    /**
     * @param row         receives the date, the time toggle, the time and the duration
     * @param placeParent receives the place field
     * @param saved       the slot the fields start with; a suggestion when empty
     */
    InterviewFields(Composite row, Composite placeParent, Optional<InterviewSlot> saved) {
        this.saved = saved;
        Optional<ZonedDateTime> savedStart = saved.flatMap(InterviewRow::localStart);
        date = new DateTime(row, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN);
        savedStart.map(ZonedDateTime::toLocalDate).or(() -> saved.map(InterviewSlot::date))
                .ifPresent(day -> date.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
        date.setToolTipText("Interview date");

        timed = new Button(row, SWT.CHECK);
        timed.setText("at");
        timed.setToolTipText("Set a time of day; without one the calendar event starts at 12:00 UTC");
        time = new DateTime(row, SWT.TIME | SWT.SHORT);
        time.setToolTipText("Time of day, in this computer's time zone (" + ZoneId.systemDefault().getId() + ")");
        minutes = new Spinner(row, SWT.BORDER);
        minutes.setValues(InterviewRow.DEFAULT_MINUTES, 5, 24 * 60, 0, 15, 60);
        minutes.setToolTipText("Duration in minutes");
        Label unit = new Label(row, SWT.NONE);
        unit.setText("min");

        timed.setSelection(savedStart.isPresent());
        // Offer a plausible interview hour rather than the clock's current minute.
        LocalTime shownTime = savedStart.map(ZonedDateTime::toLocalTime).orElse(InterviewRow.SUGGESTED_TIME);
        time.setTime(shownTime.getHour(), shownTime.getMinute(), 0);
        saved.flatMap(InterviewSlot::duration).ifPresent(d -> minutes.setSelection((int) d.toMinutes()));

        place = new Text(placeParent, SWT.BORDER | SWT.SINGLE);
        place.setTextLimit(InterviewSlot.MAX_LOCATION_LENGTH);
        place.setMessage(InterviewRow.PLACE_HINT);
        place.setToolTipText("Where the interview takes place: an address, \"Phone\", or a video call's link");
        saved.flatMap(InterviewSlot::location).ifPresent(place::setText);
        setEnabled(true);
        timed.addListener(SWT.Selection, e -> setEnabled(date.getEnabled()));
    }

    /** @return the fields in which Return means "save" */
    List<Control> entries() {
        return List.of(date, time, minutes, place);
    }

    /** Enables or disables every field; the time and the duration only with a time of day. */
    void setEnabled(boolean enabled) {
        date.setEnabled(enabled);
        timed.setEnabled(enabled);
        place.setEnabled(enabled);
        time.setEnabled(enabled && timed.getSelection());
        minutes.setEnabled(enabled && timed.getSelection());
    }

    /**
     * @return the slot the fields hold
     * @throws IllegalArgumentException with words for the user when no calendar can hold it ({@link InterviewSlot}'s
     *                                  years: the date widget offers more)
     */
    InterviewSlot slot() {
        LocalDate day = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
        // Without a time of day the slot keeps a duration set elsewhere (peregrine-cli): the calendar uses it.
        InterviewSlot slot = timed.getSelection()
                ? new InterviewSlot(day, Optional.of(LocalTime.of(time.getHours(), time.getMinutes())),
                        Optional.of(ZoneId.systemDefault()), Optional.of(Duration.ofMinutes(minutes.getSelection())))
                : new InterviewSlot(day, Optional.empty(), Optional.empty(), saved.flatMap(InterviewSlot::duration));
        return slot.withLocation(Optional.of(place.getText()));
    }
}
