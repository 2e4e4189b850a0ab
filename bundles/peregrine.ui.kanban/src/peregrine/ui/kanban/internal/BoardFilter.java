package peregrine.ui.kanban.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

import peregrine.jobs.JobStore;
import peregrine.jobs.Stage;

/**
 * The board's filter bar: a search field that narrows the board, as the user types, to the jobs whose title, company,
 * location or notes contain the text ({@link JobStore#find(String)}), and a choice of one stage. The store is searched
 * off the display thread, a short pause after the last keystroke; a newer search supersedes an older one, so a slow
 * answer never overwrites a newer one. Escape in the field clears the filter. The bar publishes itself in the
 * board's window context, where {@link FindHandler} (Ctrl+F) finds it.
 */
public final class BoardFilter {

    /** The stage choice that filters no stage out. */
    static final String ALL_STAGES = "All stages";
    /** The field's hint. */
    static final String HINT = "Find by title, company, location or notes (Ctrl+F)";
    /** How long typing pauses before the store is searched: one search per word typed, not per key. */
    static final long PAUSE_MILLIS = 150;
    private static final List<Stage> STAGES = Arrays.stream(Stage.values()).filter(Stage::onBoard).toList();

    private final Composite bar;
    private final Text field;
    private final Combo stages;
    private final StoreCalls calls;
    private final Runnable changed;
    private final Consumer<String> failed;
    /** The jobs that contain the text last answered for; null while no text filters. */
    private Set<Long> matching;
    /** How many searches were asked for: only the answer to the last one is shown. */
    private long asked;
    /** The search waiting for the pause to end, or null. */
    private Job waiting;

    /**
     * @param changed   runs on the display thread when what the filter lets through changed
     * @param failed    receives a store error written for the user
     * @param published the context where {@link FindHandler} looks for the board's filter
     */
    BoardFilter(Composite parent, StoreCalls calls, IEclipseContext published, Runnable changed, Consumer<String> failed) {
        this.calls = calls;
        this.changed = changed;
        this.failed = failed;
        bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        field = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        field.setMessage(HINT);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(field);
        named(field, "Find jobs");
        stages = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        stages.add(ALL_STAGES);
        STAGES.forEach(stage -> stages.add(stage.label()));
        stages.select(0);
        stages.setToolTipText("Show the jobs of one stage only");
        named(stages, "Stage");

        field.addListener(SWT.Modify, e -> search(PAUSE_MILLIS));
        field.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_ESCAPE) {
                e.doit = false;
                clear();
            }
        });
        stages.addListener(SWT.Selection, e -> changed.run());

        published.set(BoardFilter.class, this);
        bar.addListener(SWT.Dispose, e -> {
            if (published.getLocal(BoardFilter.class) == this) {
                published.remove(BoardFilter.class);
            }
        });
    }

    Control control() {
        return bar;
    }

    /** Puts the keyboard focus in the search field, its text selected so that typing replaces it. */
    public void focus() {
        field.setFocus();
        field.selectAll();
    }

    /** Shows every job again: no text, all stages. */
    void clear() {
        stages.select(0);
        if (field.getText().isEmpty()) {
            changed.run();
        } else {
            // The field's Modify shows the board unfiltered at once: a blank text needs no search.
            field.setText("");
        }
    }

    /** Searches again for the text in the field, now: the board was read again, and what matches may have changed. */
    void readAgain() {
        if (!field.getText().isBlank()) {
            search(0);
        }
    }

    /** @return whether the filter hides any jobs: a text was found or a stage chosen */
    boolean active() {
        return matching != null || stage().isPresent();
    }

    /** @return the jobs of {@code jobs} that the filter lets through, in their order */
    List<peregrine.jobs.Job> apply(List<peregrine.jobs.Job> jobs) {
        return active() ? jobs.stream().filter(passing()).toList() : jobs;
    }

    /** @return what the filter lets through now: a job whose text was found, in the stage chosen */
    Predicate<peregrine.jobs.Job> passing() {
        // Read once, not for each job: the stage choice is a widget.
        Set<Long> found = matching;
        Optional<Stage> stage = stage();
        return job -> (found == null || found.contains(job.id())) && (stage.isEmpty() || job.stage().equals(stage));
    }

    private Optional<Stage> stage() {
        // The handlers may still ask while the board closes.
        if (stages.isDisposed()) {
            return Optional.empty();
        }
        int index = stages.getSelectionIndex();
        return index <= 0 ? Optional.empty() : Optional.of(STAGES.get(index - 1));
    }

    private void search(long pauseMillis) {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        long search = ++asked;
        String text = field.getText();
        if (text.isBlank()) {
            show(null);
            return;
        }
        waiting = calls.runBeside("Finding " + text.strip(), pauseMillis, store -> store.find(text), found -> {
            if (search == asked) {
                waiting = null;
                show(found);
            }
        }, message -> {
            if (search == asked) {
                waiting = null;
                failed.accept(message);
            }
        });
    }

    private void show(Set<Long> found) {
        if (found == null && matching == null) {
            return;
        }
        matching = found;
        changed.run();
    }

    private static void named(Control control, String name) {
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = name;
            }
        });
    }
}
