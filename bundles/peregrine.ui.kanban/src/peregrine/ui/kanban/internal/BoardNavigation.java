package peregrine.ui.kanban.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Widget;

import peregrine.jobs.Job;

/**
 * The board by keyboard. A card takes the keyboard focus as a whole (a click on it gives it too); the arrow
 * keys then move the focus: Up and Down to the card above or below in its section, Left and Right to the
 * nearest card, by height on screen, of the next column that has cards (in a wide section, to the card
 * beside), Home and End to the section's first and last card. A section makes its cards only near its view,
 * so moving past the cards made scrolls the section and makes the next ones, as scrolling by hand does.
 * Enter (or keypad Enter) on a card runs the open command ({@value OpenJobHandler#COMMAND_ID}) with the card's job.
 * <p>
 * The card that holds the focus, itself or in one of its buttons, is the selected one, which the board's
 * commands and their key bindings act on, and draws a ring in the platform's selection colour. When the board
 * draws a focused card anew, the new card takes the focus back.
 */
final class BoardNavigation {

    /** The width of the focus ring, in pixels: it lies in the card's margin, inside its border. */
    static final int RING_WIDTH = 2;

    private final Control board;
    /** The columns, left to right: where Left and Right go. */
    private final List<BoardSection> columns;
    /** Every section, the columns first. */
    private final List<BoardSection> sections;
    private final Consumer<Job> select;
    private final Consumer<Job> open;
    private final Listener ring = this::paintRing;
    /** The card that draws the ring, or null. */
    private Control ringed;
    /** The job of the card that last held the focus, to give it back when the card is made anew. */
    private OptionalLong remembered = OptionalLong.empty();

    /**
     * @param columns the columns side by side, left to right
     * @param others  the sections that lie across the board
     * @param select  makes a job's card the selected one
     * @param open    opens a job
     */
    BoardNavigation(Control board, List<BoardSection> columns, List<BoardSection> others, Consumer<Job> select,
            Consumer<Job> open) {
        this.board = board;
        this.columns = List.copyOf(columns);
        List<BoardSection> every = new ArrayList<>(columns);
        every.addAll(others);
        sections = List.copyOf(every);
        this.select = select;
        this.open = open;
        Display display = board.getDisplay();
        // Filters, not listeners on each card: the sections make and dispose cards as they scroll.
        Listener focusIn = e -> focusMoved(e.widget);
        Listener traverse = this::traverse;
        Listener keyDown = this::keyDown;
        display.addFilter(SWT.FocusIn, focusIn);
        display.addFilter(SWT.Traverse, traverse);
        display.addFilter(SWT.KeyDown, keyDown);
        board.addListener(SWT.Dispose, e -> {
            e.display.removeFilter(SWT.FocusIn, focusIn);
            e.display.removeFilter(SWT.Traverse, traverse);
            e.display.removeFilter(SWT.KeyDown, keyDown);
        });
    }

    /**
     * Gives the focus to the card that last had it, or else to the first card in view of the first column
     * that has cards.
     *
     * @return whether a card took the focus
     */
    boolean focusCard() {
        if (remembered.isPresent() && focus(remembered.getAsLong())) {
            return true;
        }
        return columns.stream().filter(section -> !section.jobs().isEmpty()).findFirst()
                .flatMap(section -> section.reveal(section.indexAtViewY(0))).map(card -> card.control().forceFocus())
                .orElse(false);
    }

    /** Gives the focus to the card of job {@code id} unless the focus is in it already; @return whether it is there */
    boolean focus(long id) {
        for (BoardSection section : sections) {
            int index = section.indexOf(id);
            if (index >= 0) {
                Optional<JobCard> card = section.reveal(index);
                if (card.isPresent() && section.cardHolding(board.getDisplay().getFocusControl()).equals(card)) {
                    return true;
                }
                return card.map(made -> made.control().forceFocus()).orElse(false);
            }
        }
        return false;
    }

    /** @return whether a card, or a control in one, has the focus; asked before the board draws again */
    boolean cardFocused() {
        return ringed != null && !ringed.isDisposed();
    }

    /**
     * After the board was drawn again: if a card had the focus ({@code cardFocused}, as it was before) and
     * was made anew, the new card takes it back (a section gives the focus of a card it disposes to its view).
     * A card that the user scrolled away is not brought back.
     */
    void restoreFocus(boolean cardFocused) {
        Control focused = board.getDisplay().getFocusControl();
        if (cardFocused && remembered.isPresent() && focused != null && sections.stream().anyMatch(s -> s.isView(focused))) {
            focus(remembered.getAsLong());
        }
    }

    private void focusMoved(Widget widget) {
        Optional<JobCard> card = Optional.empty();
        if (widget instanceof Control control) {
            card = sections.stream().map(section -> section.cardHolding(control)).flatMap(Optional::stream)
                    .findFirst();
        }
        Control now = card.map(JobCard::control).orElse(null);
        if (now != ringed) {
            if (ringed != null && !ringed.isDisposed()) {
                ringed.removeListener(SWT.Paint, ring);
                ringed.redraw();
            }
            ringed = now;
            if (now != null) {
                now.addListener(SWT.Paint, ring);
                now.redraw();
            }
        }
        card.ifPresent(focused -> {
            remembered = OptionalLong.of(focused.job().id());
            select.accept(focused.job());
        });
    }

    private void paintRing(Event e) {
        Composite card = (Composite) e.widget;
        Rectangle area = card.getClientArea();
        e.gc.setForeground(card.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
        e.gc.setLineWidth(RING_WIDTH);
        e.gc.drawRectangle(area.x + RING_WIDTH / 2, area.y + RING_WIDTH / 2, area.width - RING_WIDTH,
                area.height - RING_WIDTH);
    }

    /** Keeps the arrows and Return on a card from traversing, so that they arrive as keys. */
    private void traverse(Event e) {
        if (focusedSection(e).isPresent() && (e.detail == SWT.TRAVERSE_ARROW_NEXT
                || e.detail == SWT.TRAVERSE_ARROW_PREVIOUS || e.detail == SWT.TRAVERSE_RETURN)) {
            e.doit = false;
        }
    }

    private void keyDown(Event e) {
        if (!(e.widget instanceof Control control) || (e.stateMask & SWT.MODIFIER_MASK) != 0) {
            return;
        }
        Optional<BoardSection> in = focusedSection(e);
        if (in.isEmpty()) {
            // The view keeps the focus of a card scrolled away: the keys bring the focus back to a card.
            if (isArrow(e.keyCode) && sections.stream().anyMatch(s -> s.isView(control))) {
                e.doit = !focusCard();
            }
            return;
        }
        BoardSection section = in.get();
        JobCard card = section.cardHolding(control).orElseThrow();
        int index = section.indexOf(card.job().id());
        Optional<JobCard> next = switch (e.keyCode) {
            case SWT.ARROW_UP -> section.reveal(index - section.perRow());
            case SWT.ARROW_DOWN -> section.reveal(index + section.perRow());
            case SWT.HOME -> section.reveal(0);
            case SWT.END -> section.reveal(section.jobs().size() - 1);
            case SWT.ARROW_LEFT -> sideways(section, index, -1);
            case SWT.ARROW_RIGHT -> sideways(section, index, 1);
            case SWT.CR, SWT.KEYPAD_CR -> {
                open.accept(card.job());
                e.doit = false;
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
        if (isArrow(e.keyCode) || e.keyCode == SWT.HOME || e.keyCode == SWT.END) {
            // At an edge the focus stays where it is, and the key does nothing else.
            e.doit = false;
            next.ifPresent(target -> target.control().forceFocus());
        }
    }

    /** @return the card beside in a wide section, or else the nearest card of the next column with cards that way */
    private Optional<JobCard> sideways(BoardSection section, int index, int step) {
        int column = columns.indexOf(section);
        if (column < 0) {
            boolean sameRow = (index + step) / section.perRow() == index / section.perRow() && index + step >= 0;
            return sameRow ? section.reveal(index + step) : Optional.empty();
        }
        int y = section.viewY(index);
        for (int to = column + step; to >= 0 && to < columns.size(); to += step) {
            BoardSection target = columns.get(to);
            if (!target.jobs().isEmpty()) {
                return target.reveal(target.indexAtViewY(Math.max(0, y)));
            }
        }
        return Optional.empty();
    }

    /**
     * @return the section whose card itself (not one of its fields) is the event's widget, or, for an arrow, one of
     *         the card's push buttons: Tab into the board lands on a card's first button, and the arrows go on from there
     */
    private Optional<BoardSection> focusedSection(Event e) {
        if (!(e.widget instanceof Control control)) {
            return Optional.empty();
        }
        boolean button = isArrow(e.keyCode) && control instanceof Button pushed && (pushed.getStyle() & SWT.PUSH) != 0;
        if (!button && !(control.getData() instanceof Job)) {
            return Optional.empty();
        }
        return sections.stream()
                .filter(section -> section.cardHolding(control).map(card -> button || card.control() == control).orElse(false))
                .findFirst();
    }

    private static boolean isArrow(int keyCode) {
        return keyCode == SWT.ARROW_UP || keyCode == SWT.ARROW_DOWN || keyCode == SWT.ARROW_LEFT
                || keyCode == SWT.ARROW_RIGHT;
    }
}
