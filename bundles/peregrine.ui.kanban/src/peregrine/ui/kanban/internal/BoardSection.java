package peregrine.ui.kanban.internal;

import java.util.ArrayList;
import java.util.List;
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
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import peregrine.jobs.BoardColumn;
import peregrine.jobs.Job;

/**
 * One section of the board: a heading with the section's count and the cards under it. The whole
 * section accepts dropped cards. A wide section lies across the board under the columns: it lays its
 * cards out side by side and starts collapsed, showing only its heading until the user asks for the
 * cards. The section's control carries its {@link BoardColumn} as widget data, so that tools and tests
 * can tell the sections apart.
 * <p>
 * Cards are widgets, and a Peregrine database can hold thousands of jobs: a section makes cards for
 * the first {@link #PAGE} jobs and a button that makes the next page, and a collapsed section makes
 * none. The board's cost therefore follows what is on screen, not the size of the database.
 */
final class BoardSection {

    private static final int WIDE_CARDS_PER_ROW = 4;
    static final int PAGE = 25;

    private final BoardColumn column;
    private final Composite section;
    private final Label heading;
    private final Composite cards;
    private final Button toggle;
    private final List<JobCard> shownCards = new ArrayList<>();
    private final Runnable resized;
    private List<Job> jobs = List.of();
    private CardActions actions;
    private CardContext context;
    private int limit = PAGE;

    /**
     * @param onDrop  receives the text of whatever is dropped on the section
     * @param resized runs when the section changes its size by itself, on collapsing or expanding
     */
    BoardSection(Composite parent, BoardColumn column, boolean wide, Consumer<String> onDrop, Runnable resized) {
        this.column = column;
        this.resized = resized;
        section = new Composite(parent, SWT.NONE);
        section.setData(column);
        GridLayoutFactory.swtDefaults().numColumns(wide ? 2 : 1).applyTo(section);

        heading = new Label(section, SWT.NONE);
        // Without a count until the first read: a store that cannot be read still shows the board's shape.
        heading.setText(column.label());
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT));
        GridDataFactory.fillDefaults().grab(!wide, false).applyTo(heading);
        toggle = wide ? new Button(section, SWT.PUSH) : null;

        cards = new Composite(section, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(wide ? WIDE_CARDS_PER_ROW : 1).equalWidth(true).spacing(6, 6)
                .applyTo(cards);
        GridDataFactory.fillDefaults().grab(true, true).span(wide ? 2 : 1, 1).applyTo(cards);
        if (toggle != null) {
            setExpanded(false);
            toggle.setEnabled(false);
            toggle.addListener(SWT.Selection, e -> {
                setExpanded(!cards.getVisible());
                makeCards();
                resized.run();
            });
        }

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

    Control control() {
        return section;
    }

    /** Replaces the cards with {@code jobs}, in the order given. */
    void show(List<Job> jobs, CardActions actions, CardContext context) {
        this.jobs = jobs;
        this.actions = actions;
        this.context = context;
        heading.setText(column.label() + " (" + jobs.size() + ")");
        if (toggle != null) {
            toggle.setEnabled(!jobs.isEmpty());
        }
        makeCards();
    }

    private void makeCards() {
        for (Control card : cards.getChildren()) {
            card.dispose();
        }
        shownCards.clear();
        if (!cards.getVisible()) {
            return;
        }
        int count = Math.min(limit, jobs.size());
        for (Job job : jobs.subList(0, count)) {
            JobCard card = new JobCard(cards, job, actions, context);
            shownCards.add(card);
            // A zero width hint lets the grid share the width out equally instead of by text length.
            GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(card.control());
        }
        int hidden = jobs.size() - count;
        if (hidden > 0) {
            Button more = new Button(cards, SWT.PUSH);
            more.setText("Show " + Math.min(PAGE, hidden) + " more of " + hidden);
            more.addListener(SWT.Selection, e -> {
                limit += PAGE;
                makeCards();
                resized.run();
            });
        }
    }

    /** Shows the card of the job {@code id} as selected and every other card as not. */
    void select(long id) {
        shownCards.forEach(card -> card.setSelected(card.job().id() == id));
    }

    private void setExpanded(boolean expanded) {
        cards.setVisible(expanded);
        ((GridData) cards.getLayoutData()).exclude = !expanded;
        toggle.setText(expanded ? "Hide" : "Show");
    }
}
