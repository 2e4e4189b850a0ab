package peregrine.ui.kanban.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import peregrine.jobs.BoardColumn;
import peregrine.jobs.Job;

/**
 * One section of the board: a heading with the section's count and the cards under it, which scroll on
 * their own, as the lists of a kanban board do. A section of a {@link BoardColumn} accepts dropped cards.
 * A wide section lies across the board under the columns: it lays its cards out side by side and starts
 * collapsed, showing only its heading until the user asks for the cards. The section's control carries its
 * {@link BoardColumn} (or, for a section of no column, the object given) as widget data, so that tools and
 * tests can tell the sections apart.
 * <p>
 * Cards are widgets, and a Peregrine database can hold thousands of jobs: a section makes the cards
 * that fill its visible area and half a screenful more, and makes more as the user scrolls towards them.
 * A button after the last card made ("Show 25 more of 4,000") makes the next {@link #PAGE} for whoever
 * moves by keyboard. A collapsed section makes none. The board's cost therefore follows what is on
 * screen, not the size of the database.
 */
final class BoardSection {

    private static final int WIDE_CARDS_PER_ROW = 4;
    static final int PAGE = 25;
    /** Until a card has been measured, the height a card is expected to take, for deciding how many to make. */
    private static final int EXPECTED_CARD_HEIGHT = 90;
    private static final int FRAME_MILLIS = 16;
    private static final int SPACING = 6;

    private final String label;
    private final int perRow;
    private final Composite section;
    private final Label heading;
    private final ScrolledComposite scroller;
    private final Composite cards;
    private final Button toggle;
    /** The cards made, in the order of {@link #jobs}: always the first jobs. */
    private List<JobCard> made = new ArrayList<>();
    private Button more;
    private List<Job> jobs = List.of();
    private CardActions actions;
    private CardContext context;
    private boolean growScheduled;

    /** @param onDrop receives the text of whatever is dropped on the section */
    BoardSection(Composite parent, BoardColumn column, boolean wide, Consumer<String> onDrop) {
        this(parent, column.label(), column, wide);
        DropTarget target = new DropTarget(section, DND.DROP_MOVE);
        target.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_MOVE;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String text) {
                    onDrop.accept(text);
                }
            }
        });
    }

    /** A section that no card can be dropped on, headed {@code label} and carrying {@code data} as widget data. */
    BoardSection(Composite parent, String label, Object data, boolean wide) {
        this.label = label;
        perRow = wide ? WIDE_CARDS_PER_ROW : 1;
        section = new Composite(parent, SWT.NONE);
        section.setData(data);
        GridLayoutFactory.swtDefaults().numColumns(wide ? 2 : 1).applyTo(section);

        heading = new Label(section, SWT.NONE);
        // Without a count until the first read: a store that cannot be read still shows the board's shape.
        heading.setText(label);
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT));
        GridDataFactory.fillDefaults().grab(!wide, false).applyTo(heading);
        toggle = wide ? new Button(section, SWT.PUSH) : null;

        scroller = new ScrolledComposite(section, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        // Tabbing to a card below the visible ones scrolls to it, and so makes the cards after it.
        scroller.setShowFocusedControl(true);
        // Zero hints: the section takes the height the board gives it, however many cards it holds.
        GridDataFactory.fillDefaults().grab(true, true).span(wide ? 2 : 1, 1).hint(0, 0).applyTo(scroller);
        cards = new Composite(scroller, SWT.NONE);
        cards.setLayout(new CardGrid(perRow, SPACING));
        scroller.setContent(cards);
        scroller.addListener(SWT.Resize, e -> {
            fit();
            grow(false);
            scheduleGrow();
        });
        // The cards move when the section scrolls, whether by wheel, scroll bar or keyboard focus.
        cards.addListener(SWT.Move, e -> scheduleGrow());

        if (toggle != null) {
            setExpanded(false);
            toggle.setEnabled(false);
            toggle.addListener(SWT.Selection, e -> {
                setExpanded(!scroller.getVisible());
                section.getParent().layout(new Control[] { section });
                update();
            });
        }
    }

    Control control() {
        return section;
    }

    /**
     * Shows {@code jobs}, in the order given. Cards that still show what they showed are kept; as many
     * cards are made as were made before, and more if the visible area needs them.
     */
    void show(List<Job> jobs, CardActions actions, CardContext context) {
        this.jobs = jobs;
        this.actions = actions;
        this.context = context;
        heading.setText(label + " (" + jobs.size() + ")");
        section.layout(new Control[] { heading });
        if (toggle != null) {
            toggle.setEnabled(!jobs.isEmpty());
        }
        update();
    }

    /** Shows the card of the job {@code id} as selected and every other card as not. */
    void select(long id) {
        made.forEach(card -> card.setSelected(card.job().id() == id));
    }

    /** Brings the cards in line with {@link #jobs}: keeps what is still right, remakes the rest, then fills the view. */
    private void update() {
        cards.setRedraw(false);
        try {
            if (scroller.getVisible()) {
                redrawMade();
                make(0);
            } else {
                made.forEach(JobCard::dispose);
                made = new ArrayList<>();
                disposeMore();
            }
            fit();
            grow(false);
        } finally {
            cards.setRedraw(true);
        }
        scheduleGrow();
    }

    private void redrawMade() {
        Map<Long, JobCard> old = new HashMap<>();
        made.forEach(card -> old.put(card.job().id(), card));
        List<JobCard> kept = new ArrayList<>();
        for (Job job : jobs.subList(0, Math.min(made.size(), jobs.size()))) {
            JobCard card = old.remove(job.id());
            if (card != null && !card.shows(job, context)) {
                card.dispose();
                card = null;
            }
            kept.add(card != null ? card : newCard(job));
        }
        old.values().forEach(JobCard::dispose);
        Control previous = null;
        for (JobCard card : kept) {
            if (previous == null) {
                card.control().moveAbove(null);
            } else {
                card.control().moveBelow(previous);
            }
            card.setSelected(context.isSelected(card.job().id()));
            previous = card.control();
        }
        made = kept;
    }

    private JobCard newCard(Job job) {
        return new JobCard(cards, job, actions, context, this::cardResized);
    }

    /** Makes the next {@code count} cards, and the button that offers the ones after them. */
    private void make(int count) {
        disposeMore();
        int to = Math.min(jobs.size(), made.size() + count);
        for (Job job : jobs.subList(made.size(), to)) {
            made.add(newCard(job));
        }
        int hidden = jobs.size() - made.size();
        if (hidden > 0) {
            more = new Button(cards, SWT.PUSH);
            more.setText("Show " + Math.min(PAGE, hidden) + " more of " + hidden);
            more.addListener(SWT.Selection, e -> {
                cards.setRedraw(false);
                try {
                    make(PAGE);
                    fit();
                } finally {
                    cards.setRedraw(true);
                }
            });
        }
    }

    private void disposeMore() {
        if (more != null) {
            more.dispose();
            more = null;
        }
    }

    /**
     * Makes cards until they fill the visible area, and with {@code ahead} half a screenful below it,
     * or until the jobs run out.
     */
    private void grow(boolean ahead) {
        if (!scroller.getVisible() || cards.isDisposed()) {
            return;
        }
        int viewHeight = scroller.getClientArea().height;
        while (made.size() < jobs.size()) {
            int reached = made.isEmpty() ? 0 : made.get(made.size() - 1).control().getBounds().y + lastRowHeight();
            // What is seen, and ahead half a screenful more to scroll into while the next cards are made.
            int seen = Math.max(viewHeight, EXPECTED_CARD_HEIGHT);
            int wanted = -cards.getLocation().y + (ahead ? seen * 3 / 2 : seen);
            if (reached >= wanted) {
                return;
            }
            int rows = Math.max(1, (wanted - reached + averageRowHeight() - 1) / averageRowHeight());
            make(rows * perRow);
            fit();
        }
    }

    private int lastRowHeight() {
        return made.get(made.size() - 1).control().getBounds().height;
    }

    private int averageRowHeight() {
        if (made.isEmpty()) {
            return EXPECTED_CARD_HEIGHT + SPACING;
        }
        int rows = (made.size() + perRow - 1) / perRow;
        Control last = made.get(made.size() - 1).control();
        return Math.max(1, (last.getBounds().y + last.getBounds().height + SPACING) / rows);
    }

    /**
     * Makes the cards ahead of the visible ones once what is visible has been shown, and once however
     * many scroll events arrive before.
     */
    private void scheduleGrow() {
        if (growScheduled || made.size() >= jobs.size()) {
            return;
        }
        growScheduled = true;
        // A frame later: what is visible is painted first, and the scroll events of that frame are one grow.
        cards.getDisplay().timerExec(FRAME_MILLIS, () -> {
            growScheduled = false;
            if (!cards.isDisposed()) {
                cards.setRedraw(false);
                try {
                    grow(true);
                } finally {
                    cards.setRedraw(true);
                }
            }
        });
    }

    /** Lets the section scroll as far as its cards reach and lays them out, measuring only what changed. */
    private void fit() {
        int width = scroller.getClientArea().width;
        scroller.setMinHeight(cards.computeSize(width, SWT.DEFAULT).y);
        cards.layout(false);
    }

    /** Measures a card again that changed its content by itself, and the section with it. */
    private void cardResized(JobCard card) {
        card.control().layout(true);
        // Tells the grid that this card's height is no longer the one it remembers.
        cards.layout(new Control[] { card.control() });
        fit();
    }

    private void setExpanded(boolean expanded) {
        scroller.setVisible(expanded);
        ((GridData) scroller.getLayoutData()).exclude = !expanded;
        // Expanded, the wide section shares the board's height with the columns.
        if (section.getLayoutData() instanceof GridData data) {
            data.grabExcessVerticalSpace = expanded;
        }
        toggle.setText(expanded ? "Hide" : "Show");
    }
}
