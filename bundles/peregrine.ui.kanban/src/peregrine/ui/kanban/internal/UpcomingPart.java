package peregrine.ui.kanban.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.osgi.service.event.Event;

import peregrine.calendar.CalendarPushService;
import peregrine.jobs.JobStore;
import peregrine.settings.WorkbenchSettings;

/**
 * The upcoming interviews: the phone-screen and interviewing jobs that have an interview date, soonest first, with
 * date and time in the user's zone, title, company, stage and calendar state; the past ones greyed. Read off the
 * display thread, and again when a view changed jobs ({@link JobsChanged}), when the settings change, and on Refresh
 * while the part is active (its own handler in the application model).
 */
public class UpcomingPart {

    /** The part's id in the application model. */
    public static final String ID = "peregrine.ui.kanban.part.upcoming";

    private final JobStore store;
    private final UISynchronize sync;
    private final CalendarPushService push;
    private StoreCalls calls;
    private MessageLine message;
    private TableViewer viewer;

    @Inject
    public UpcomingPart(JobStore store, UISynchronize sync, CalendarPushService push) {
        this.store = store;
        this.sync = sync;
        this.push = push;
    }

    @PostConstruct
    public void createControls(Composite parent, IEclipseContext context) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        message = new MessageLine(parent);
        // Virtual: a board of 10,000 jobs has thousands of dated interviews, and only the rows in view are made.
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        column("Date", 100, row -> InterviewRow.DATE.format(row.day()));
        column("Time", 80, row -> row.time().map(InterviewRow.TIME::format).orElse(""))
                .setToolTipText("In this computer's time zone (" + ZoneId.systemDefault().getId() + ")");
        column("Title", 160, row -> row.job().title());
        column("Company", 120, row -> row.job().company());
        column("Stage", 100, row -> row.job().stage().map(stage -> stage.label()).orElse(row.job().status()));
        column("Calendar", 180, UpcomingInterview::calendar);
        // A long calendar state (why it cannot be pushed) is read whole in the cell's tooltip.
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        calls = new StoreCalls(store, sync, table, this);
        // For the part's Refresh handler, which injects it from here.
        context.set(UpcomingPart.class, this);
        refresh();
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** Reads the upcoming interviews again. */
    public void refresh() {
        calls.run("Loading the upcoming interviews", s -> UpcomingInterview.read(s, push, ZonedDateTime.now()), rows -> {
            message.hide();
            viewer.setInput(rows);
            viewer.getTable().getParent().layout();
        }, failure -> {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, failure);
            viewer.getTable().getParent().layout();
        });
    }

    /** Another view changed jobs in the store. */
    @Inject
    @Optional
    public void jobsChanged(@EventTopic(JobsChanged.TOPIC) Event event) {
        sync.asyncExec(this::refreshIfOpen);
    }

    /** The settings changed, and with them, maybe, what the calendars hold or offer. */
    @Inject
    @Optional
    public void settingsChanged(@EventTopic(WorkbenchSettings.CHANGED_TOPIC) Event event) {
        sync.asyncExec(this::refreshIfOpen);
    }

    /** Events may arrive before the controls exist or after they are gone. */
    private void refreshIfOpen() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refresh();
        }
    }

    private TableColumn column(String title, int width, Function<UpcomingInterview, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((UpcomingInterview) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return getText(element);
            }

            @Override
            public Color getForeground(Object element) {
                return ((UpcomingInterview) element).past() ? viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
            }
        });
        return column.getColumn();
    }
}
