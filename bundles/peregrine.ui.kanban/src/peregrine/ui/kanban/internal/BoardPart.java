package peregrine.ui.kanban.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.osgi.service.debug.DebugTrace;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import peregrine.calendar.CalendarProvider;
import peregrine.calendar.CalendarPushService;
import peregrine.calendar.EventExporter;
import peregrine.jobs.BoardColumn;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.ListingUrl;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;
import peregrine.ui.kanban.internal.StoreCalls.StoreCall;

/**
 * The Interviews board: the pipeline columns side by side, the applied jobs before them and the
 * rejected ones collapsed underneath; under those, when there are any, the jobs whose status this version
 * does not know (a newer Peregrine's), collapsed too, each card naming its status as stored. Every read
 * and write of the store runs in a background job that belongs to this part's job family; the board
 * redraws from the store after each change it makes.
 * Store errors are written for users and appear in a message line at the top of the part, under the
 * {@link BoardFilter}, which narrows what the sections show (and count) to the jobs found and the stage chosen.
 * <p>
 * The board also offers to push a card's interview to its calendars, to remove it from them and to export it.
 * What a card may offer is the push service's {@link peregrine.calendar.CalendarOffer}, read off the display
 * thread with the board and again as the calendar providers come and go (OSGi services injected again on every
 * change) and the settings files change (the settings' change event); a push runs as a
 * {@link CalendarPushJob}, and its outcome stays on the card until the board closes. A job leaving the
 * interviews with events on a calendar goes through {@link EventRemoval}, which never removes them silently.
 */
public class BoardPart {

    /** The part's id in the application model. */
    public static final String ID = "peregrine.ui.kanban.part.board";

    /** The heading, and the widget data, of the section of jobs whose status this version does not know. */
    static final String OTHER_STATUSES = "Other statuses";
    /** The sections side by side, in board order; the rejected one lies under them. */
    private static final List<BoardColumn> PIPELINE = Arrays.stream(BoardColumn.values())
            .filter(column -> column != BoardColumn.REJECTED).toList();
    /** Below this width the columns stop shrinking and the board scrolls sideways. */
    private static final int MIN_BOARD_WIDTH = 860;
    /** The stages whose jobs need no interview on the calendar any more: moving there asks about the events. */
    private static final Set<Stage> LEAVES_INTERVIEWS = Set.of(Stage.OFFER, Stage.HIRED, Stage.REJECTED);
    private static final Runnable NOTHING = () -> { };

    private final JobStore store;
    private final UISynchronize sync;
    private final CalendarPushService pushService;
    private final WorkbenchSettings settings;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final ESelectionService selection;
    /** Where the board tells the other views of jobs that it changed them; absent outside a workbench. */
    private final IEventBroker events;
    private final JobUndo undo;
    /** The providers as last injected; read by the background check, written by the injector's thread. */
    private volatile List<CalendarProvider> providers = List.of();
    // Checks queue behind each other, so the last look at the providers is the one the cards show.
    private final ISchedulingRule calendarChecks = new SerialRule();
    private final Map<BoardColumn, BoardSection> sections = new EnumMap<>(BoardColumn.class);
    /** The jobs as the board last showed them, by id, those the filter hides too: a drop is judged against what the user saw. */
    private final Map<Long, Job> shown = new HashMap<>();
    /**
     * The board as last read from the store, to draw again when only the calendar or a push changed;
     * null until the first read succeeds.
     */
    private BoardContents lastRead;
    private BoardSection otherStatuses;
    /** What the cards may offer of the calendars, as last read off the display thread. */
    private CalendarView calendar = CalendarView.NONE;
    private final BoardController controller;
    /** The context that holds {@link #controller} for the handlers. */
    private final IEclipseContext published;
    /** Whether the calendars changed while the first reading of the board ran; display thread only. */
    private boolean recheck;
    private OptionalLong selected = OptionalLong.empty();
    private final CardActions cardActions = new CardActions() {
        @Override
        public void move(Job job, Stage to) {
            if (to == Stage.REJECTED) {
                // the store's contract too: moving to Rejected is rejecting
                reject(job);
                return;
            }
            Runnable then = LEAVES_INTERVIEWS.contains(to) ? controller.leaving(job, job.title() + " moves to " + to.label() + ".")
                    : NOTHING;
            change(job, "Move to " + to.label(), "Moving " + job.title() + " to " + to.label(), s -> s.move(job.id(), to), then);
        }

        @Override
        public void reject(Job job) {
            controller.rejecting(job).ifPresent(then -> change(job, "Reject", "Rejecting " + job.title(), s -> s.reject(job.id()), then));
        }

        @Override
        public void saveInterview(Job job, InterviewSlot slot) {
            change(job, "Date Change", "Saving the interview date of " + job.title(),
                    s -> s.setInterview(job.id(), Optional.of(slot)), NOTHING);
        }

        @Override
        public void clearInterview(Job job) {
            change(job, "Clear Date", "Clearing the interview date of " + job.title(),
                    s -> s.setInterview(job.id(), Optional.empty()),
                    controller.leaving(job, "The interview date of " + job.title() + " is cleared."));
        }

        @Override
        public void removeFromCalendar(Job job) {
            controller.removeFromCalendar(job);
        }

        @Override
        public void exportEvent(Job job) {
            controller.export(job);
        }

        @Override
        public void openListing(Job job) {
            open(job.url());
        }

        @Override
        public void select(Job job) {
            selected = OptionalLong.of(job.id());
            sections.values().forEach(section -> section.select(job.id()));
            if (selection != null) {
                selection.setSelection(job);
            }
            // A click on a card gives it the keyboard focus too, for the arrows to go on from there.
            navigation.focus(job.id());
        }

        @Override
        public void pushToCalendar(Job job) {
            // The same command as the menu and the key binding: one place decides whether and how to push.
            execute(PushToCalendarHandler.COMMAND_ID, job);
        }

        @Override
        public void openJob(Job job) {
            execute(OpenJobHandler.COMMAND_ID, job);
        }

        @Override
        public void openEvent(URI link) {
            open(link.toString());
        }
    };

    private static final String BUNDLE = "peregrine.ui.kanban";
    private static final String STARTUP_TRACE_PATH = "/debug/startup";
    /** The trace option (see the bundle's {@code .options}) that makes the board trace its first paint. */
    static final String STARTUP_TRACE = BUNDLE + STARTUP_TRACE_PATH;

    private Optional<DebugTrace> startupTrace = Optional.empty();
    private StoreCalls calls;
    private Composite root;
    private MessageLine message;
    private Composite emptyNotice;
    private Composite board;
    private BoardFilter filter;
    private BoardNavigation navigation;

    @Inject
    public BoardPart(JobStore store, UISynchronize sync, CalendarPushService pushService, WorkbenchSettings settings,
            ECommandService commands, EHandlerService handlers,
            @org.eclipse.e4.core.di.annotations.Optional ESelectionService selection, IEclipseContext context,
            @org.eclipse.e4.core.di.annotations.Optional MWindow window,
            @org.eclipse.e4.core.di.annotations.Optional IEventBroker events) {
        this.store = store;
        this.sync = sync;
        this.pushService = pushService;
        this.settings = settings;
        this.commands = commands;
        this.handlers = handlers;
        this.selection = selection;
        this.events = events;
        undo = new JobUndo(store);
        controller = new BoardController(pushService, settings, sync, view(), this, undo);
        // Published where the window's handlers and views look, so that they inject them instead of reaching into the part.
        published = window != null ? window.getContext() : context;
        published.set(BoardController.class, controller);
        published.set(JobUndo.class, undo);
    }

    @PreDestroy
    public void dispose() {
        if (published.getLocal(BoardController.class) == controller) {
            published.remove(BoardController.class);
        }
        if (published.getLocal(JobUndo.class) == undo) {
            published.remove(JobUndo.class);
        }
    }

    /** @return the calendar commands of this board */
    BoardController controller() {
        return controller;
    }

    /** Receives Equinox's trace options (on with {@code -debug FILE}), once, before the board is made. */
    @Inject
    public void setDebugOptions(@org.eclipse.e4.core.di.annotations.Optional @Service DebugOptions options) {
        startupTrace = options != null && options.getBooleanOption(STARTUP_TRACE, false)
                ? Optional.of(options.newDebugTrace(BUNDLE)) : Optional.empty();
    }

    /** Receives the calendar file exporters that plug-ins provide, now and whenever one comes or goes. */
    @Inject
    public void setExporters(@Service List<EventExporter> exporters) {
        controller.setExporter(exporters.stream().findFirst());
    }

    /**
     * Receives the active calendar providers, now and whenever one comes or goes; the injector may call
     * it on any thread.
     */
    @Inject
    public void setProviders(@Service List<CalendarProvider> providers) {
        this.providers = List.copyOf(providers);
        checkCalendars();
    }

    /** Looks at the calendars again when a settings file appears, changes or goes away. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void settingsChanged(@EventTopic(WorkbenchSettings.CHANGED_TOPIC) Event event) {
        checkCalendars();
    }

    /** Reads the board again when another view changed jobs in the store. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void jobsChanged(@EventTopic(JobsChanged.TOPIC) Event event) {
        if (event.getProperty(JobsChanged.ORIGIN) == this) {
            return;
        }
        sync.asyncExec(() -> {
            if (root != null && !root.isDisposed()) {
                load();
            }
        });
    }

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        calls = new StoreCalls(store, sync, parent, this);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);

        filter = new BoardFilter(parent, calls, published, this::redraw, this::showMessage);
        message = new MessageLine(parent);

        emptyNotice = createEmptyNotice(parent);
        setShown(emptyNotice, false);

        // The board scrolls sideways only, below its narrowest; each section scrolls its cards itself.
        ScrolledComposite scroller = new ScrolledComposite(parent, SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setMinWidth(MIN_BOARD_WIDTH);
        // Zero hints: the board takes the part's size and is never measured for the cards it holds.
        GridDataFactory.fillDefaults().grab(true, true).hint(0, 0).applyTo(scroller);
        board = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(PIPELINE.size()).equalWidth(true).applyTo(board);
        scroller.setContent(board);

        for (BoardColumn column : PIPELINE) {
            BoardSection section = new BoardSection(board, column, false, text -> drop(text, column));
            // Zero hints make the columns equally wide and as tall as the board, whatever their cards hold.
            GridDataFactory.fillDefaults().grab(true, true).hint(0, 0).applyTo(section.control());
            sections.put(column, section);
        }
        BoardSection rejected = new BoardSection(board, BoardColumn.REJECTED, true,
                text -> drop(text, BoardColumn.REJECTED));
        GridDataFactory.fillDefaults().grab(true, false).span(PIPELINE.size(), 1).hint(0, SWT.DEFAULT)
                .applyTo(rejected.control());
        sections.put(BoardColumn.REJECTED, rejected);
        otherStatuses = new BoardSection(board, OTHER_STATUSES, OTHER_STATUSES, true);
        GridDataFactory.fillDefaults().grab(true, false).span(PIPELINE.size(), 1).hint(0, SWT.DEFAULT)
                .applyTo(otherStatuses.control());
        // Shown once the store has such jobs: most boards never do.
        setShown(otherStatuses.control(), false);
        navigation = new BoardNavigation(board, PIPELINE.stream().map(sections::get).toList(),
                List.of(rejected, otherStatuses), cardActions::select, cardActions::openJob);

        load();
    }

    @Focus
    public void setFocus() {
        if (!navigation.focusCard()) {
            board.setFocus();
        }
    }

    /** Reads the board again from the store, dismissing the last message. */
    public void refresh() {
        message.hide();
        load();
    }

    /** Asks the user for a job and adds it to the store. */
    public void addJob() {
        AddJobDialog dialog = new AddJobDialog(root.getShell());
        if (dialog.open() == Window.OK) {
            change("Adding " + dialog.newJob().title(), s -> s.add(dialog.newJob()));
        }
    }

    /**
     * Moves the job whose id is {@code text} to the {@link BoardColumn#dropStage()} of the section it was
     * dropped on; on {@link BoardColumn#REJECTED} that rejects it. A drop on the section that already
     * shows the job, or of text that names no job on the board, changes nothing.
     *
     * @param text   what was dropped: a card carries its job's id
     * @param target the section it was dropped on
     */
    public void drop(String text, BoardColumn target) {
        Long id;
        try {
            id = Long.valueOf(text.strip());
        } catch (NumberFormatException notACard) {
            return;
        }
        Job job = shown.get(id);
        if (job == null || job.stage().map(target.stages()::contains).orElse(false)) {
            return;
        }
        // Moving to Rejected is rejecting, by the store's contract, so one path serves every section.
        cardActions.move(job, target.dropStage());
    }

    /** What the controller sees of the board. */
    private BoardController.View view() {
        return new BoardController.View() {
            @Override
            public Optional<Job> shown(long id) {
                return Optional.ofNullable(shown.get(id));
            }

            @Override
            public java.util.Collection<Long> shownAfterFilter() {
                // The handlers may ask before the controls are made, when nothing is shown yet.
                return filter == null ? List.of() : shown.values().stream().filter(filter.passing()).map(Job::id).toList();
            }

            @Override
            public boolean filtered() {
                return filter != null && filter.active();
            }

            @Override
            public CalendarView calendar() {
                return calendar;
            }

            @Override
            public void redraw() {
                BoardPart.this.redraw();
            }

            @Override
            public void reload() {
                // the controller reloads after a push, a removal or a remembered answer: the calendars changed
                load();
                tellOtherViews(OptionalLong.empty());
            }

            @Override
            public Control control() {
                return root;
            }

            @Override
            public MessageSink messages() {
                return BoardPart.this::showLine;
            }

            @Override
            public void refresh() {
                BoardPart.this.refresh();
            }

            @Override
            public void addJob() {
                BoardPart.this.addJob();
            }

            @Override
            public void undo() {
                BoardPart.this.undo();
            }
        };
    }

    private Composite createEmptyNotice(Composite parent) {
        Composite notice = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(notice);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(notice);
        Label text = new Label(notice, SWT.WRAP);
        text.setText("There are no jobs on the board yet. Add the jobs you have applied to, or start Peregrine "
                + "Workbench with --db pointing at Peregrine's staging.db. The board reads " + store.location() + ".");
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(text);
        Button add = new Button(notice, SWT.PUSH);
        add.setText("Add a job\u2026");
        add.addListener(SWT.Selection, e -> addJob());
        return notice;
    }

    private void load() {
        calls.run("Loading the Interviews board", this::read, this::showRead, this::showMessage);
    }

    private BoardContents read(JobStore from) throws JobStoreException {
        return BoardContents.read(from, providers, pushService, settings);
    }

    /** Makes a change and reads the board back in the same background job, so the board shows its result. */
    private void change(String name, StoreCall<?> write) {
        change(name, write, NOTHING);
    }

    /**
     * Makes a change of one job that Undo takes back, as {@link #change(String, StoreCall, Runnable)} does.
     *
     * @param undoLabel what the change is, as the menu names it after "Undo"
     */
    private void change(Job job, String undoLabel, String name, StoreCall<?> write, Runnable then) {
        change(name, undo.undoable(undoLabel, job.id(), write), then);
    }

    /** The job an undo put back, if there was a change to undo, and the board read after it. */
    private record Undone(Optional<Job> job, BoardContents board) {
    }

    /** Undoes the last change of a job in the background, then tells the other views of jobs and shows the board. */
    private void undo() {
        Optional<String> label = undo.undoLabel();
        if (label.isEmpty()) {
            return;
        }
        calls.run("Undo " + label.get(), s -> {
            Optional<Job> undone = undo.undoLast().call(s);
            return new Undone(undone, read(s));
        }, result -> {
            message.hide();
            show(result.board());
            result.job().ifPresent(job -> tellOtherViews(OptionalLong.of(job.id())));
        }, failure -> {
            showMessage("Undo " + label.get() + ": " + failure);
            load();
        });
    }

    /** Posts {@link JobsChanged}, so that the other views of jobs read them again; {@code jobId} empty: several. */
    private void tellOtherViews(OptionalLong jobId) {
        if (events != null) {
            events.post(JobsChanged.TOPIC, jobId.isPresent()
                    ? Map.of(JobsChanged.ORIGIN, this, JobsChanged.JOB_ID, jobId.getAsLong()) : Map.of(JobsChanged.ORIGIN, this));
        }
    }

    /** As {@link #change(String, StoreCall)}, then runs {@code then} on the display thread if the change was made. */
    private void change(String name, StoreCall<?> write, Runnable then) {
        calls.run(name, s -> {
            write.call(s);
            return read(s);
        }, board -> {
            message.hide();
            showRead(board);
            tellOtherViews(OptionalLong.empty());
            then.run();
        }, failure -> {
            showMessage(failure);
            load();
        });
    }

    /** Asks the calendars and the push service again about the jobs shown, in the background, and redraws the cards. */
    private void checkCalendars() {
        // Injection runs before the controls exist; the first reading of the board asks the calendars itself.
        sync.asyncExec(() -> {
            if (root == null || root.isDisposed()) {
                return;
            }
            if (lastRead == null) {
                // The first reading may have asked the calendars before this change: ask again once it is shown.
                recheck = true;
                return;
            }
            BoardContents basis = lastRead;
            List<Job> jobs = basis.jobs();
            org.eclipse.core.runtime.jobs.Job check = new org.eclipse.core.runtime.jobs.Job("Checking the calendar integrations") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    CalendarView view = CalendarView.read(jobs, providers, pushService, settings);
                    sync.asyncExec(() -> {
                        // Cards are costly to make: redraw only when what they offer changes.
                        // A board read since asked the calendars itself.
                        if (!root.isDisposed() && lastRead == basis && !view.equals(calendar)) {
                            show(basis.with(view));
                        }
                    });
                    return Status.OK_STATUS;
                }

                @Override
                public boolean belongsTo(Object family) {
                    return family == BoardPart.this;
                }
            };
            check.setSystem(true);
            check.setRule(calendarChecks);
            check.schedule();
        });
    }

    private void redraw() {
        if (lastRead != null) {
            show(lastRead);
        }
    }

    /** Shows the board as just read from the store, and has the filter search it again. */
    private void showRead(BoardContents contents) {
        show(contents);
        filter.readAgain();
    }

    /** Shows the board as read, as far as the filter lets it; each section keeps the cards that still show what they showed. */
    private void show(BoardContents contents) {
        long started = System.nanoTime();
        boolean first = lastRead == null;
        lastRead = contents;
        calendar = contents.calendar();
        Map<Stage, List<Job>> jobs = contents.board();
        CardContext context = new CardContext(LocalDate.now(), calendar, controller.pushes(), selected);
        shown.clear();
        boolean cardFocused = navigation.cardFocused();
        board.setRedraw(false);
        try {
            sections.forEach((column, section) -> {
                List<Job> inColumn = column.stages().stream()
                        .flatMap(stage -> jobs.getOrDefault(stage, List.of()).stream()).toList();
                inColumn.forEach(job -> shown.put(job.id(), job));
                section.show(filter.apply(inColumn), cardActions, context);
            });
            contents.otherStatuses().forEach(job -> shown.put(job.id(), job));
            otherStatuses.show(filter.apply(contents.otherStatuses()), cardActions, context);
            setShown(otherStatuses.control(), !contents.otherStatuses().isEmpty());
            setShown(emptyNotice, shown.isEmpty());
        } finally {
            board.setRedraw(true);
        }
        navigation.restoreFocus(cardFocused);
        forgetHiddenSelection();
        if (first && recheck) {
            recheck = false;
            checkCalendars();
        }
        if (first && startupTrace.isPresent()) {
            reportStartUp(startupTrace.get(), shown.size(), started);
        }
    }

    /** A card the filter (or the store) took off the board is no longer the selection that commands act on. */
    private void forgetHiddenSelection() {
        if (selected.isPresent() && Stream.concat(sections.values().stream(), Stream.of(otherStatuses))
                .noneMatch(section -> section.indexOf(selected.getAsLong()) >= 0)) {
            selected = OptionalLong.empty();
            if (selection != null) {
                selection.setSelection(null);
            }
        }
    }

    /**
     * With the trace option {@value #STARTUP_TRACE} on, traces how long the process took to show its first board,
     * what start-up benchmarks measure, and how much of it the board took after the store had answered.
     */
    private void reportStartUp(DebugTrace trace, int jobCount, long answered) {
        root.getDisplay().asyncExec(() -> {
            // Paint now what the board has to paint, so that the figure includes it.
            root.update();
            long board = Duration.ofNanos(System.nanoTime() - answered).toMillis();
            ProcessHandle.current().info().startInstant().ifPresent(start -> trace.trace(STARTUP_TRACE_PATH, "peregrine: board painted ("
                    + jobCount + " jobs) in " + Duration.between(start, Instant.now()).toMillis() + " ms, " + board
                    + " ms after the store answered"));
        });
    }

    /** Runs the command {@code id} with {@code job} as its job id parameter, as the menus and key bindings do. */
    private void execute(String id, Job job) {
        ParameterizedCommand command = commands.createCommand(id, Map.of(PushToCalendarHandler.JOB_ID,
                Long.toString(job.id())));
        // Null while no plug-in defines the command: then there is nothing to run.
        if (command != null) {
            handlers.executeHandler(command);
        }
    }

    private void open(String address) {
        Optional<String> refused = ListingUrl.problem(address);
        if (refused.isPresent()) {
            showMessage(refused.get() + " It is not opened.");
        } else if (!Program.launch(address)) {
            showMessage("No program on this computer opens " + address + ".");
        }
    }

    private void showMessage(String text) {
        showLine(Dialog.DLG_IMG_MESSAGE_ERROR, text);
    }

    /** Shows the message line above the board with the JFace message image {@code imageKey}. */
    private void showLine(String imageKey, String text) {
        message.show(imageKey, text);
        root.layout();
    }

    /** Shows or hides a line or section, laying its parent out again only when that changes anything. */
    private void setShown(Control control, boolean visible) {
        GridData data = (GridData) control.getLayoutData();
        if (control.getVisible() != visible || data.exclude == visible) {
            control.setVisible(visible);
            data.exclude = !visible;
            control.getParent().layout();
        }
    }
}
