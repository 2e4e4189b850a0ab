package peregrine.ui.kanban.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;

import peregrine.calendar.CalendarOffer;
import peregrine.jobs.BoardColumn;
import peregrine.jobs.Job;
import peregrine.jobs.Stage;

/**
 * One job on the board: what it is, how long ago it was applied to, its interview, and what can be
 * done with it next. A card can be dragged to another section; what travels is the job's id as text.
 * The card's control carries its {@link Job} as widget data, so that tools and tests can tell which
 * job a card shows. A click on the card selects it and gives it the keyboard focus ({@link BoardNavigation});
 * the selected card is tinted; a double-click opens the job's own view. The card and its buttons have accessible
 * names that say which job they are and what they do to it.
 * <p>
 * A card is drawn once for what it shows ({@link #shows(Job, CardContext)}): the board keeps it
 * through a redraw that leaves its job, the day, the calendar offer and the job's push as they were.
 */
final class JobCard {

    /** A light tint rather than the list selection colour, whose dark background would hide the black text. */
    static final Color SELECTED = new Color(0xdc, 0xe8, 0xf7);
    /** Opens the note of a card whose status this version does not know, before the status as stored. */
    static final String STATUS = "Status: ";
    /** Stands for a status that is empty or NULL in the database. */
    static final String NO_STATUS = "(none)";

    private final Composite card;
    private final Job job;
    private final Look look;
    /** Whether the card is drawn as the selected one; null until it is drawn. */
    private Boolean tinted;

    /** What a card's widgets depend on; the selection is applied without remaking the card. */
    private record Look(Job job, LocalDate today, boolean connected, Optional<CalendarOffer> offer, List<Duration> reminders,
            Optional<PushOutcome> push) {
        Look(Job job, CardContext context) {
            this(job, context.today(), context.calendar().connected(), context.calendar().offer(job.id()),
                    context.calendar().reminders(), context.push(job.id()));
        }
    }

    /**
     * @param resized receives the card when it changes its content by itself, e.g. on opening its date entry
     */
    JobCard(Composite parent, Job job, CardActions actions, CardContext context, Consumer<JobCard> resized) {
        this.job = job;
        look = new Look(job, context);
        // Its border painted, not SWT.BORDER: GTK gives a bordered composite a scrolled window of its own, and a board makes many.
        card = new Composite(parent, SWT.NONE) {
            /**
             * The card takes the focus itself, for the arrow keys, where a composite would hand it to its first
             * button: SWT gives the focus back this way after moving a control while the board is not drawn.
             */
            @Override
            public boolean setFocus() {
                return forceFocus();
            }
        };
        card.setData(job);
        card.addListener(SWT.Paint, JobCard::paintBorder);
        card.setBackgroundMode(SWT.INHERIT_DEFAULT);
        setSelected(context.isSelected(job.id()));
        GridLayoutFactory.swtDefaults().spacing(4, 2).applyTo(card);

        List<Control> handles = new ArrayList<>();
        handles.add(card);
        Label title = text(job.title());
        title.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        handles.add(title);
        // One label for the rest: every label is several GTK widgets and a drag source, and a board shows many.
        String facts = Stream.of(stageNote(job), job.appliedAt().flatMap(at -> AppliedAge.describe(at, context.today())))
                .flatMap(Optional::stream).collect(Collectors.joining(" \u00b7 "));
        handles.add(text(facts.isEmpty() ? job.company() : job.company() + "\n" + facts));

        // A status this version does not know has no interview entry or stage buttons; it can still be dragged.
        Optional<Stage> stage = job.stage();
        if (stage.filter(Stage::takesInterviewDate).isPresent()) {
            new InterviewRow(card, job, actions, context, () -> resized.accept(this));
        } else if (context.calendar().onCalendar(job.id())) {
            // A job that left the interviews with its events kept can still take them away.
            new CardCalendarActions(card, job, actions, context.calendar().offer(job.id()).orElseThrow());
        }
        buttons(job, stage, actions);
        AccessibleNames.name(card, accessibleName(job, context));
        handles.forEach(handle -> {
            draggable(handle, job);
            handle.addListener(SWT.MouseDown, e -> actions.select(job));
            handle.addListener(SWT.MouseDoubleClick, e -> actions.openJob(job));
        });
    }

    Composite control() {
        return card;
    }

    Job job() {
        return job;
    }

    /** @return whether this card, as drawn, is what {@code job} in {@code context} looks like */
    boolean shows(Job job, CardContext context) {
        return look.equals(new Look(job, context));
    }

    void dispose() {
        card.dispose();
    }

    private static void paintBorder(Event e) {
        Rectangle area = ((Composite) e.widget).getClientArea();
        e.gc.setForeground(e.display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        e.gc.drawRectangle(area.x, area.y, area.width - 1, area.height - 1);
    }

    void setSelected(boolean selected) {
        // Only on a change: a background restyles the card's every child, and the board asks at every redraw.
        if (tinted == null || tinted != selected) {
            tinted = selected;
            card.setBackground(selected ? SELECTED : card.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        }
    }

    /** @return what a screen reader says of the card, e.g. "Staff Engineer at Acme, Phone Screen, Interview on …, on Apple Calendar" */
    static String accessibleName(Job job, CardContext context) {
        List<String> parts = new ArrayList<>();
        parts.add(titleAtCompany(job));
        parts.add(job.stage().map(Stage::label).orElseGet(() -> stageNote(job).orElseThrow()));
        job.interview().ifPresent(slot -> parts.add(InterviewRow.describe(slot, InterviewRow.localStart(slot))));
        context.calendar().offer(job.id()).ifPresent(offer -> {
            if (offer.onCalendar()) {
                parts.add(InterviewRow.ON_CALENDAR.toLowerCase() + String.join(" and ",
                        offer.calendars().stream().map(CalendarOffer.Placement::label).toList()));
            }
            if (offer.outOfDate()) {
                parts.add("calendar out of date");
            }
        });
        return String.join(", ", parts);
    }

    /** @return e.g. "Staff Engineer at Acme", how the card's buttons name the job they act on */
    static String titleAtCompany(Job job) {
        return job.company().isBlank() ? job.title() : job.title() + " at " + job.company();
    }

    /**
     * Says which of its stages a job is at where a section holds more than one, where it was rejected, or
     * the status as stored when this version does not know it.
     */
    private static Optional<String> stageNote(Job job) {
        if (job.stage().isEmpty()) {
            return Optional.of(STATUS + (job.status().isBlank() ? NO_STATUS : job.status()));
        }
        Stage stage = job.stage().get();
        if (stage == Stage.REJECTED) {
            return job.rejectionStage().flatMap(Stage::fromDbValue).map(at -> "Rejected at " + at.label());
        }
        return BoardColumn.of(stage).filter(column -> column.stages().size() > 1).map(column -> stage.label());
    }

    private void buttons(Job job, Optional<Stage> stage, CardActions actions) {
        Composite row = new Composite(card, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        String named = titleAtCompany(job);
        stage.flatMap(Stage::next).ifPresent(next -> button(row, "\u2192 " + next.label(), "Move to " + next.label(),
                "Move " + named + " to " + next.label(), () -> actions.move(job, next)));
        if (stage.filter(s -> s != Stage.REJECTED).isPresent()) {
            button(row, "Reject", "Move to " + BoardColumn.REJECTED.label(), "Reject " + named,
                    () -> actions.reject(job));
        }
        if (!job.url().isBlank()) {
            button(row, "Open listing", job.url(), "Open the listing of " + named, () -> actions.openListing(job));
        }
    }

    private static void button(Composite row, String text, String tip, String name, Runnable action) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
        AccessibleNames.name(button, name);
    }

    private Label text(String text) {
        Label label = new Label(card, SWT.WRAP);
        // A label reads '&' as a mnemonic marker: "AT&T" would show as "ATT".
        label.setText(text.replace("&", "&&"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        return label;
    }

    /** Every passive part of the card starts a drag: a drag that begins on the title must move the card too. */
    private static void draggable(Control handle, Job job) {
        DragSource source = new DragSource(handle, DND.DROP_MOVE);
        source.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = Long.toString(job.id());
            }
        });
    }
}
