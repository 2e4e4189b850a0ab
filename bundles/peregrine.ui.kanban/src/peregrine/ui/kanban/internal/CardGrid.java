package peregrine.ui.kanban.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Layout;
import org.eclipse.swt.widgets.Scrollable;

/**
 * Lays a section's cards out in rows of equally wide cells, each card as tall as its content needs at
 * that width. Measuring a card is the costly part of drawing the board (wrapped text, nested layouts),
 * so each card's height is remembered for the width it was measured at, and measured again only when
 * the width changes or the card reports a change through {@link Composite#layout(Control[])} or
 * {@link Control#requestLayout()}. The remembered height lives in the card's widget data and goes with
 * the card.
 */
final class CardGrid extends Layout {

    private static final String MEASURED = CardGrid.class.getName() + ".measured";
    /** The cell width asked for when the grid's width is not given: a card of readable width. */
    private static final int PREFERRED_CELL_WIDTH = 260;

    private final int perRow;
    private final int spacing;

    /**
     * @param perRow  cells side by side
     * @param spacing pixels between cells, across and down
     */
    CardGrid(int perRow, int spacing) {
        this.perRow = perRow;
        this.spacing = spacing;
    }

    /**
     * Measures {@code control} as a cell of a grid {@code width} wide, and remembers it, as laying it out there would.
     *
     * @return the height the control takes in its cell
     */
    int measure(Control control, int width) {
        return height(control, cellWidth(width), false);
    }

    @Override
    protected Point computeSize(Composite composite, int wHint, int hHint, boolean flushCache) {
        int width = wHint == SWT.DEFAULT ? perRow * PREFERRED_CELL_WIDTH + (perRow - 1) * spacing : wHint;
        return new Point(width, arrange(composite, width, flushCache, false));
    }

    @Override
    protected void layout(Composite composite, boolean flushCache) {
        arrange(composite, composite.getClientArea().width, flushCache, true);
    }

    @Override
    protected boolean flushCache(Control control) {
        control.setData(MEASURED, null);
        return true;
    }

    /** Places (or, without {@code place}, only measures) the children; returns the height they take. */
    private int arrange(Composite composite, int width, boolean flushCache, boolean place) {
        Rectangle area = composite.getClientArea();
        int cell = cellWidth(width);
        Control[] children = composite.getChildren();
        int y = 0;
        for (int first = 0; first < children.length; first += perRow) {
            int last = Math.min(first + perRow, children.length);
            int rowHeight = 0;
            for (int i = first; i < last; i++) {
                rowHeight = Math.max(rowHeight, height(children[i], cell, flushCache));
            }
            if (place) {
                for (int i = first; i < last; i++) {
                    children[i].setBounds(area.x + (i - first) * (cell + spacing), area.y + y, cell, rowHeight);
                }
            }
            y += rowHeight + spacing;
        }
        return Math.max(0, y - spacing);
    }

    private int cellWidth(int width) {
        return Math.max(1, (width - (perRow - 1) * spacing) / perRow);
    }

    private static int height(Control control, int width, boolean flushCache) {
        if (!flushCache && control.getData(MEASURED) instanceof Point measured && measured.x == width) {
            return measured.y;
        }
        // A hint is the width inside the control's trim (its border), as GridLayout passes it.
        int trim = control instanceof Scrollable scrollable ? scrollable.computeTrim(0, 0, 0, 0).width
                : control.getBorderWidth() * 2;
        int height = control.computeSize(Math.max(0, width - trim), SWT.DEFAULT, flushCache).y;
        control.setData(MEASURED, new Point(width, height));
        return height;
    }
}
