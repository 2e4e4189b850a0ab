package peregrine.ui.kanban.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The status line's progress for calendar pushes: the pure e4 window has no progress area, so this
 * tool control in the window's bottom trim shows the running push's name, a busy bar and a Cancel
 * button, and nothing while no push runs. It follows the job manager for jobs of
 * {@link CalendarPushJob#FAMILY}.
 */
public class PushProgressControl {

    private static final int MAX_NAME_WIDTH = 800;

    /** The running pushes, oldest first; touched on the display thread only. */
    private final Set<Job> running = new LinkedHashSet<>();
    private Composite control;
    private Label name;
    private ProgressBar bar;
    private Button cancel;
    private IJobChangeListener listener;

    @PostConstruct
    public void createControls(Composite parent, UISynchronize sync) {
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 0).applyTo(control);
        name = new Label(control, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(name);
        bar = new ProgressBar(control, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(100, SWT.DEFAULT).applyTo(bar);
        cancel = new Button(control, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop waiting for the calendar");
        cancel.addListener(SWT.Selection, e -> running.stream().reduce((first, second) -> second).ifPresent(Job::cancel));
        show();

        listener = new JobChangeAdapter() {
            @Override
            public void running(IJobChangeEvent event) {
                if (event.getJob().belongsTo(CalendarPushJob.FAMILY)) {
                    onDisplay(sync, () -> running.add(event.getJob()));
                }
            }

            @Override
            public void done(IJobChangeEvent event) {
                if (event.getJob().belongsTo(CalendarPushJob.FAMILY)) {
                    onDisplay(sync, () -> running.remove(event.getJob()));
                }
            }
        };
        Job.getJobManager().addJobChangeListener(listener);
    }

    @PreDestroy
    public void dispose() {
        Job.getJobManager().removeJobChangeListener(listener);
    }

    private void onDisplay(UISynchronize sync, Runnable change) {
        sync.asyncExec(() -> {
            if (!control.isDisposed()) {
                change.run();
                show();
            }
        });
    }

    /** Shows the newest running push, or hides everything. */
    private void show() {
        Job newest = running.stream().reduce((first, second) -> second).orElse(null);
        boolean busy = newest != null;
        name.setText(busy ? newest.getName() + (running.size() > 1 ? " (+" + (running.size() - 1) + " more)" : "") : "");
        name.setToolTipText(busy ? newest.getName() : null);
        // As wide as the name, up to a limit that leaves the bar and Cancel inside a window of the default width.
        ((GridData) name.getLayoutData()).widthHint = Math.min(name.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, MAX_NAME_WIDTH);
        bar.setVisible(busy);
        cancel.setVisible(busy);
        // Lays out this control, the trim bar around it and the window again: the trim bar sizes itself only when asked,
        // and would keep the height it had before the first push, cutting Cancel off at the window's edge.
        name.requestLayout();
    }
}
