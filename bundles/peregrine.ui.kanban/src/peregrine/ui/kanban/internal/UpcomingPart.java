package peregrine.ui.kanban.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

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
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.osgi.service.event.Event;

import peregrine.calendar.CalendarPushService;
import peregrine.jobs.JobStore;
import peregrine.settings.WorkbenchSettings;

/**
 * The upcoming interviews: the phone-screen and interviewing jobs that have an interview date, soonest first, with
 * date and time in the user's zone, title, company, stage and calendar state; the past ones greyed. The columns share
 * the part's width, as wide or narrow as the user makes it, each cell whole in its tooltip. It opens scrolled to the
 * next interview, the past ones above it. Read off the display thread, and again when a view changed jobs
 * ({@link JobsChanged}), when the settings change, and on Refresh while the part is active (its own handler in the
 * application model).
 */
public class UpcomingPart {

    /** The part's id in the application model. */
    public static final String ID = "peregrine.ui.kanban.part.upcoming";

    /** What a cell adds around its text: the renderer's margins and the line between the columns. */
    private static final int CELL_PADDING = 10;
    /** The narrowest a column of words gets: a few letters, the rest in the tooltip. */
    private static final int MIN_WORDS_WIDTH = 30;
    /** A date of each month with a two-digit day, in the table's format: the widest of them sets the date's width. */
    private static final List<String> LONG_DATES = IntStream.rangeClosed(1, 12)
            .mapToObj(month -> InterviewRow.DATE.format(LocalDate.of(2026, month, 28))).toList();
    /** A morning and an evening time: with a 12-hour clock, the evening's may be the wider. */
    private static final List<String> LONG_TIMES = List.of(InterviewRow.TIME.format(LocalTime.of(10, 58)),
            InterviewRow.TIME.format(LocalTime.of(22, 58)));

    private final JobStore store;
    private final UISynchronize sync;
    private final CalendarPushService push;
    private StoreCalls calls;
    private MessageLine message;
    private Composite root;
    private TableViewer viewer;
    /** Whether the interviews were shown once: only the first showing scrolls to the next one. */
    private boolean read;

    @Inject
    public UpcomingPart(JobStore store, UISynchronize sync, CalendarPushService push) {
        this.store = store;
        this.sync = sync;
        this.push = push;
    }

    @PostConstruct
    public void createControls(Composite parent, IEclipseContext context) {
        root = parent;
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        message = new MessageLine(parent);
        // The columns share the part's width (a layout of their own), so that all of them show in the narrow side stack.
        Composite columns = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(columns);
        TableColumnLayout layout = new TableColumnLayout(true);
        columns.setLayout(layout);
        // Virtual: a board of 10,000 jobs has thousands of dated interviews, and only the rows in view are made.
        viewer = new TableViewer(columns, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        // Date and time keep room for their longest text; the words share the rest.
        layout.setColumnData(column("Date", row -> InterviewRow.DATE.format(row.day())),
                new ColumnPixelData(widest(table, LONG_DATES), true));
        TableColumn time = column("Time", row -> row.time().map(InterviewRow.TIME::format).orElse(""));
        time.setToolTipText("In this computer's time zone (" + ZoneId.systemDefault().getId() + ")");
        layout.setColumnData(time, new ColumnPixelData(widest(table, LONG_TIMES), true));
        layout.setColumnData(column("Title", row -> row.job().title()), new ColumnWeightData(4, MIN_WORDS_WIDTH, true));
        layout.setColumnData(column("Company", row -> row.job().company()), new ColumnWeightData(3, MIN_WORDS_WIDTH, true));
        layout.setColumnData(column("Stage", row -> row.job().stage().map(stage -> stage.label()).orElse(row.job().status())),
                new ColumnWeightData(2, MIN_WORDS_WIDTH, true));
        layout.setColumnData(column("Calendar", UpcomingInterview::calendar), new ColumnWeightData(4, MIN_WORDS_WIDTH, true));
        // A long title or calendar state (why it cannot be pushed) is read whole in the cell's tooltip.
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
            root.layout();
            if (!read) {
                // The next interview at the top, the past ones above it.
                viewer.getTable().setTopIndex((int) rows.stream().takeWhile(UpcomingInterview::past).count());
                read = true;
            }
        }, failure -> {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, failure);
            root.layout();
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

    /** @return the width of the widest of {@code texts} in a cell of {@code table}, its padding included */
    private static int widest(Table table, List<String> texts) {
        GC gc = new GC(table);
        try {
            return texts.stream().mapToInt(text -> gc.textExtent(text).x).max().orElse(0) + CELL_PADDING;
        } finally {
            gc.dispose();
        }
    }

    private TableColumn column(String title, Function<UpcomingInterview, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
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
