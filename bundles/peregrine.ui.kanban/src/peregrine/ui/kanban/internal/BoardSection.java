package peregrine.ui.kanban.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Widget;

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
 * Cards are widgets, and a Peregrine database can hold thousands of jobs: a section holds cards only for
 * the rows in its view and half a screenful either side, made as the user scrolls to them and disposed
 * as they leave. The section's own scroll bar spans every job, with the height of the rows not yet drawn
 * estimated from those that were. The widget holding the cards is therefore never taller than a few
 * screens nor placed far off its view: X11 window coordinates are 16-bit, and a column of a thousand cards
 * in one scrolled widget (over 100,000 pixels) went blank once scrolled far down. A card that takes the keyboard focus is scrolled into view, and so brings
 * the cards after it, for whoever moves by Tab. A collapsed section makes none. The board's cost
 * therefore follows what is on screen, not the size of the database.
 */
final class BoardSection {

    private static final int WIDE_CARDS_PER_ROW = 4;
    /** Until a card has been measured, the height a card is expected to take, for deciding how many to make. */
    private static final int EXPECTED_CARD_HEIGHT = 90;
    private static final int GROW_AT_LATEST_MILLIS = 100;
    /** Pixels between cards, across and down. */
    static final int SPACING = 6;

    private final String label;
    private final int perRow;
    private final Composite section;
    private final Label heading;
    /** The view: its scroll bar spans every job; it holds {@link #cards} at the place of the first row made. */
    private final Composite viewport;
    private final Composite cards;
    private final CardGrid grid;
    private final Button toggle;
    /** The cards made, in the order of {@link #jobs}: those of {@link #firstJob} and after. */
    private List<JobCard> made = new ArrayList<>();
    private int firstJob;
    /** The height each job's card took when last drawn, at {@link #measuredWidth}. */
    private final Map<Long, Integer> heights = new HashMap<>();
    private int measuredWidth = -1;
    /** {@link #rowTops()} as last worked out; null once the jobs or their heights changed. */
    private int[] rowTops;
    /** Whether {@link #fill(boolean)} is running: the view's resize it causes itself (its scroll bar) is not news. */
    private boolean filling;
    /** How far down the section is scrolled, in pixels of the whole list. */
    private int top;
    private List<Job> jobs = List.of();
    private CardActions actions;
    private CardContext context;
    private boolean growScheduled;
    private final Listener paintedThenGrow = e -> growSoon();
    private final Runnable growAtLatest = this::growSoon;
    private final Runnable waitForPaint = this::waitForPaint;

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

        viewport = new Composite(section, SWT.V_SCROLL);
        // Zero hints: the section takes the height the board gives it, however many cards it holds.
        GridDataFactory.fillDefaults().grab(true, true).span(wide ? 2 : 1, 1).hint(0, 0).applyTo(viewport);
        // GTK's overlay scroll bars show only under the pointer: a column holding more than it shows says so always.
        viewport.setScrollbarsMode(SWT.NONE);
        cards = new Composite(viewport, SWT.NONE);
        grid = new CardGrid(perRow, SPACING);
        cards.setLayout(grid);
        viewport.addListener(SWT.Resize, e -> {
            if (!filling) {
                refresh();
            }
        });
        // Wheel, scroll bar and keyboard all move the scroll bar.
        viewport.getVerticalBar().addListener(SWT.Selection, e -> scrollTo(viewport.getVerticalBar().getSelection()));
        Listener focusIn = e -> revealFocused(e.widget);
        section.getDisplay().addFilter(SWT.FocusIn, focusIn);
        section.addListener(SWT.Dispose, e -> e.display.removeFilter(SWT.FocusIn, focusIn));

        if (toggle != null) {
            setExpanded(false);
            toggle.setEnabled(false);
            toggle.addListener(SWT.Selection, e -> {
                setExpanded(!viewport.getVisible());
                section.getParent().layout(new Control[] { section });
                refresh();
            });
        }
    }

    Control control() {
        return section;
    }

    /**
     * Shows {@code jobs}, in the order given, scrolled as before. Cards that still show what they showed
     * are kept; the rest of the view is made anew.
     */
    void show(List<Job> jobs, CardActions actions, CardContext context) {
        this.jobs = jobs;
        rowTops = null;
        this.actions = actions;
        this.context = context;
        heading.setText(label + " (" + jobs.size() + ")");
        section.layout(new Control[] { heading });
        if (toggle != null) {
            toggle.setEnabled(!jobs.isEmpty());
        }
        refresh();
    }

    /** Shows the card of the job {@code id} as selected and every other card as not. */
    void select(long id) {
        made.forEach(card -> card.setSelected(card.job().id() == id));
    }

    /** @return the jobs the section shows, in order */
    List<Job> jobs() {
        return jobs;
    }

    /** @return how many cards lie side by side in a row */
    int perRow() {
        return perRow;
    }

    /** @return whether {@code control} is the view that holds the cards (it takes the focus from a card that goes) */
    boolean isView(Control control) {
        return control == viewport;
    }

    /** @return the card of this section that is or holds {@code control}, if any */
    Optional<JobCard> cardHolding(Control control) {
        for (Control at = control; at != null && !at.isDisposed(); at = at.getParent()) {
            if (at.getParent() == cards) {
                Control card = at;
                return made.stream().filter(made -> made.control() == card).findFirst();
            }
        }
        return Optional.empty();
    }

    /** @return the index in {@link #jobs()} of the job {@code id}, or -1 */
    int indexOf(long id) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** @return how far below the top of the view the card of the job at {@code index} starts, in pixels */
    int viewY(int index) {
        return rowTops()[index / perRow] - top;
    }

    /** @return the index of the first job in the row at {@code y} pixels below the top of the view */
    int indexAtViewY(int y) {
        return Math.min(jobs.size() - 1, rowAt(rowTops(), top + y) * perRow);
    }

    /**
     * Scrolls the section so that the card of the job at {@code index} is in view, making it (and those
     * around it) if it was not made yet, as a scroll by the user would.
     *
     * @return the card, or empty when the section shows no cards (collapsed) or no such job
     */
    Optional<JobCard> reveal(int index) {
        if (index < 0 || index >= jobs.size() || !viewport.getVisible()) {
            return Optional.empty();
        }
        int[] rowTops = rowTops();
        int row = index / perRow;
        int viewHeight = viewport.getClientArea().height;
        int bottom = rowTops[row + 1] - (row + 1 < rowTops.length - 1 ? SPACING : 0);
        if (rowTops[row] < top) {
            scrollTo(rowTops[row]);
        } else if (bottom > top + viewHeight) {
            scrollTo(Math.min(rowTops[row], bottom - viewHeight));
        }
        int at = index - firstJob;
        return at >= 0 && at < made.size() ? Optional.of(made.get(at)) : Optional.empty();
    }

    private void scrollTo(int y) {
        if (y != top) {
            top = y;
            refresh();
        }
    }

    /** Makes the cards of the view now and those either side of it a frame later. */
    private void refresh() {
        if (cards.isDisposed()) {
            return;
        }
        cards.setRedraw(false);
        try {
            fill(false);
        } finally {
            cards.setRedraw(true);
        }
        scheduleGrow();
    }

    /**
     * Brings the cards made in line with the rows that the view shows, with {@code ahead} half a screenful
     * either side of it; places them and sets the scroll bar. Measuring can change a row's height from the
     * estimate, and so which rows are in view: it goes again until the cards made cover the view.
     */
    private void fill(boolean ahead) {
        if (!viewport.getVisible()) {
            releaseFocus(made);
            made.forEach(JobCard::dispose);
            made = new ArrayList<>();
            firstJob = 0;
            top = 0;
            return;
        }
        filling = true;
        try {
            fillView(ahead);
        } finally {
            filling = false;
        }
    }

    private void fillView(boolean ahead) {
        for (int pass = 0; pass < 3; pass++) {
            // The scroll bar first, as the heights known so far call for it: it takes from the width the cards are measured at.
            showScrollBar(rowTops());
            Rectangle area = viewport.getClientArea();
            if (area.width != measuredWidth) {
                heights.clear();
                rowTops = null;
                measuredWidth = area.width;
            }
            if (pass == 0) {
                makeFirstCards(area);
            }
            int[] rowTops = rowTops();
            int total = rowTops[rowTops.length - 1];
            top = Math.max(0, Math.min(top, total - area.height));
            int viewFrom = rowAt(rowTops, top);
            int viewTo = rowAt(rowTops, top + area.height) + 1;
            // The cards made either side of the view are kept until they leave the margin.
            int madeFrom = firstJob / perRow;
            int madeTo = (firstJob + made.size() + perRow - 1) / perRow;
            int fromRow = Math.max(rowAt(rowTops, top - area.height / 2), ahead ? 0 : Math.min(viewFrom, madeFrom));
            int toRow = Math.min(rowAt(rowTops, top + area.height * 3 / 2) + 1, ahead ? rowTops.length - 1
                    : Math.max(viewTo, madeTo));
            keep(fromRow * perRow, Math.min(jobs.size(), toRow * perRow));
            int height = cards.computeSize(area.width, SWT.DEFAULT).y;
            cards.setBounds(area.x, area.y + rowTops[fromRow] - top, area.width, height);
            cards.layout(false);
            boolean changed = remember();
            setScrollBar(total, area.height);
            // A scroll bar that came or went changed the width: another pass measures at the new one.
            if (!changed && viewport.getClientArea().width == area.width) {
                return;
            }
        }
    }

    /**
     * When the section has no cards and knows no heights (its first fill), makes and measures the cards of the view
     * row by row until they fill it: made by an estimate of their height, too many would be made, or too few.
     */
    private void makeFirstCards(Rectangle area) {
        if (!made.isEmpty() || !heights.isEmpty() || jobs.isEmpty()) {
            return;
        }
        int first = rowAt(rowTops(), top) * perRow;
        List<JobCard> fresh = new ArrayList<>();
        for (int row = first, y = 0; row < jobs.size() && y < area.height; row += perRow) {
            int rowHeight = 0;
            for (Job job : jobs.subList(row, Math.min(jobs.size(), row + perRow))) {
                JobCard card = new JobCard(cards, job, actions, context, this::cardResized);
                fresh.add(card);
                int height = grid.measure(card.control(), area.width);
                heights.put(job.id(), height);
                rowHeight = Math.max(rowHeight, height);
            }
            y += rowHeight + SPACING;
        }
        made = fresh;
        firstJob = first;
        rowTops = null;
    }

    /**
     * @return the top of each row in the whole list, and after them the list's height; worked out again only
     *         after the jobs or their heights changed (a section of thousands is asked many times a scroll)
     */
    private int[] rowTops() {
        if (rowTops != null) {
            return rowTops;
        }
        int rows = (jobs.size() + perRow - 1) / perRow;
        int estimate = heights.isEmpty() ? EXPECTED_CARD_HEIGHT
                : (int) heights.values().stream().mapToInt(Integer::intValue).average().orElse(EXPECTED_CARD_HEIGHT);
        int[] tops = new int[rows + 1];
        for (int row = 0; row < rows; row++) {
            int height = 0;
            for (int i = row * perRow; i < Math.min(jobs.size(), (row + 1) * perRow); i++) {
                Integer measured = heights.get(jobs.get(i).id());
                height = Math.max(height, measured != null ? measured : estimate);
            }
            tops[row + 1] = tops[row] + height + SPACING;
        }
        tops[rows] = Math.max(0, tops[rows] - SPACING);
        rowTops = tops;
        return tops;
    }

    /** @return the row that holds pixel {@code y} of the whole list (the first or last row beyond it) */
    private static int rowAt(int[] rowTops, int y) {
        int found = Arrays.binarySearch(rowTops, 0, rowTops.length - 1, y);
        int row = found >= 0 ? found : -found - 2;
        return Math.max(0, Math.min(row, rowTops.length - 2));
    }

    /** Makes the cards of jobs {@code from} to {@code to}, keeping those that still show their job as drawn. */
    private void keep(int from, int to) {
        Map<Long, JobCard> old = new HashMap<>();
        made.forEach(card -> old.put(card.job().id(), card));
        List<JobCard> kept = new ArrayList<>();
        for (Job job : jobs.subList(from, Math.max(from, to))) {
            JobCard card = old.remove(job.id());
            if (card != null && !card.shows(job, context)) {
                releaseFocus(List.of(card));
                card.dispose();
                card = null;
            }
            kept.add(card != null ? card : new JobCard(cards, job, actions, context, this::cardResized));
        }
        releaseFocus(old.values());
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
        firstJob = from;
    }

    /**
     * Gives the focus to the view when it is in a card about to go: SWT would otherwise hand it around the
     * cards being disposed, and fail on one half disposed.
     */
    private void releaseFocus(Collection<JobCard> going) {
        for (Control focused = cards.getDisplay().getFocusControl(); focused != null; focused = focused.getParent()) {
            Control at = focused;
            if (going.stream().anyMatch(card -> card.control() == at)) {
                viewport.forceFocus();
                return;
            }
        }
    }

    /** Remembers the height of each card made, as laid out; @return whether any differs from what was assumed */
    private boolean remember() {
        boolean changed = false;
        for (JobCard card : made) {
            Integer before = heights.put(card.job().id(), card.control().getSize().y);
            changed |= before == null || before != card.control().getSize().y;
        }
        if (changed) {
            rowTops = null;
        }
        return changed;
    }

    /** Shows the scroll bar when the list, as far as its heights are known, is taller than the view. */
    private void showScrollBar(int[] rowTops) {
        ScrollBar bar = viewport.getVerticalBar();
        boolean overflows = rowTops[rowTops.length - 1] > viewport.getClientArea().height;
        if (bar.getVisible() != overflows) {
            bar.setVisible(overflows);
        }
    }

    private void setScrollBar(int total, int viewHeight) {
        ScrollBar bar = viewport.getVerticalBar();
        // A column holding more than it shows says so with a scroll bar sized to what is shown.
        bar.setVisible(total > viewHeight);
        bar.setValues(top, 0, Math.max(1, total), Math.max(1, Math.min(viewHeight, total)),
                Math.max(1, EXPECTED_CARD_HEIGHT / 3), Math.max(1, viewHeight));
    }

    /** Scrolls a card of this section that takes the keyboard focus fully into view. */
    private void revealFocused(Widget focused) {
        if (!(focused instanceof Control control) || cards.isDisposed()) {
            return;
        }
        while (control != null && control.getParent() != cards) {
            control = control.getParent();
        }
        if (control == null) {
            return;
        }
        Rectangle bounds = control.getBounds();
        int y = cards.getLocation().y - viewport.getClientArea().y + bounds.y;
        int viewHeight = viewport.getClientArea().height;
        if (y < 0) {
            scrollTo(top + y);
        } else if (y + bounds.height > viewHeight) {
            scrollTo(top + Math.min(y, y + bounds.height - viewHeight));
        }
    }

    /**
     * Makes the cards either side of the visible ones once what is visible has been painted, and once however
     * many scroll events arrive before. GTK paints only after every timer that is due has run, so a timer would
     * hold back the paint of the view by the making of the cards around it; a paint that does not come (the
     * window hidden) is waited for {@value #GROW_AT_LATEST_MILLIS} ms at most, from when the event loop is free: a timer
     * started with the fill would be due already after a long one (the first fill of a board, making every column's
     * cards), and run before the paint.
     */
    private void scheduleGrow() {
        if (!viewport.getVisible()) {
            return;
        }
        if (!growScheduled) {
            growScheduled = true;
            cards.addListener(SWT.Paint, paintedThenGrow);
        }
        // A fill made while the section waited (the store answered) waits for its own paint.
        cards.getDisplay().timerExec(-1, growAtLatest);
        cards.getDisplay().timerExec(0, waitForPaint);
    }

    /** Starts the wait for a paint once the event loop is free, which a long fill keeps it from being. */
    private void waitForPaint() {
        if (growScheduled && !cards.isDisposed()) {
            cards.getDisplay().timerExec(GROW_AT_LATEST_MILLIS, growAtLatest);
        }
    }

    /** Makes the cards around the view on the next turn of the event loop, after the paint that may have called. */
    private void growSoon() {
        if (!growScheduled || cards.isDisposed()) {
            return;
        }
        growScheduled = false;
        cards.removeListener(SWT.Paint, paintedThenGrow);
        cards.getDisplay().timerExec(-1, waitForPaint);
        cards.getDisplay().timerExec(-1, growAtLatest);
        cards.getDisplay().asyncExec(() -> {
            // A fill since (the store answered) waits for its own paint.
            if (!cards.isDisposed() && !growScheduled) {
                cards.setRedraw(false);
                try {
                    fill(true);
                } finally {
                    cards.setRedraw(true);
                }
            }
        });
    }

    /** Measures a card again that changed its content by itself, and the section with it. */
    private void cardResized(JobCard card) {
        card.control().layout(true);
        // Tells the grid that this card's height is no longer the one it remembers.
        cards.layout(new Control[] { card.control() });
        heights.remove(card.job().id());
        rowTops = null;
        refresh();
    }

    private void setExpanded(boolean expanded) {
        viewport.setVisible(expanded);
        ((GridData) viewport.getLayoutData()).exclude = !expanded;
        // Expanded, the wide section shares the board's height with the columns.
        if (section.getLayoutData() instanceof GridData data) {
            data.grabExcessVerticalSpace = expanded;
        }
        toggle.setText(expanded ? "Hide" : "Show");
    }
}
