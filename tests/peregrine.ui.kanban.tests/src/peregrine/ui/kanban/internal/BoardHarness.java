package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Named;

import org.eclipse.core.commands.Category;
import org.eclipse.core.commands.IParameter;
import org.eclipse.core.commands.IParameterValues;
import org.eclipse.e4.core.commands.CommandServiceAddon;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.e4.ui.workbench.modeling.ISaveHandler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.Accessible;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.accessibility.AccessibleListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.calendar.CalendarPushService;
import peregrine.jobs.BoardColumn;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.settings.WorkbenchSettings;

/**
 * The board part in a real shell, built with the context the application gives it: the job store, the
 * DS push service and settings of the test runtime, the e4 command and handler services with the push
 * command defined and its handler active, a part service that finds the board and a selection service
 * that publishes the active selection, and the Undo command, which {@link #bindKey} binds to a key as the window's
 * binding table does. The open-job command is defined with its handler, and the part service puts the parts it is
 * asked to show in a side part stack of its own (a second shell), where each part is made as the workbench makes it:
 * in a context of its own holding its {@link MPart} and its parent composite; the part with the keyboard focus is the
 * active part, and {@link #closeTab} closes one as its tab's close button does, the window's save question
 * ({@link SaveQuestion}) answered as the test says. The root context is the window's. An event broker posts through the
 * framework's Event Admin. It drives the event loop until the board's and the parts' background work is done, answers
 * the board's questions as they open, and sends real key events ({@link Display#post(Event)}: GTK handles them as the
 * keyboard's) to the control with the keyboard focus. It stands in for the workbench's key binding of the push command
 * (M1+M2+C in {@code Application.e4xmi}), and on request defines the open command with a handler that records the job
 * ids it is run with.
 */
final class BoardHarness {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLED = Duration.ofMillis(50);

    final Display display;
    final Shell shell;
    final IEclipseContext context;
    BoardPart part;
    private final List<Listener> keyFilters = new ArrayList<>();
    /** The parts of the side part stack, in the order they were added. */
    final List<MPart> side = new ArrayList<>();
    private Shell sideShell;
    /** The upcoming interviews, once {@link #openUpcoming()} made them, in a shell of their own. */
    UpcomingPart upcoming;
    IEclipseContext upcomingContext;
    private Shell upcomingShell;
    /** The job ids the open command ran with, once {@link #recordOpenedJobs()} defined it. */
    final List<String> opened = new ArrayList<>();
    private final Category category;
    /** The window's question whether to save a changed part as it closes, answered as a test says. */
    final SaveQuestion saveQuestion = new SaveQuestion();
    /** The part with the keyboard focus is the active part, as the workbench makes it: Undo looks there. */
    private final Listener activation = this::activateFocused;

    @SuppressWarnings("unchecked") // IEventBroker.post takes the properties as an Object
    BoardHarness(Display display, JobStore store) {
        this.display = display;
        shell = new Shell(display);
        shell.setSize(1400, 1000);
        context = EclipseContextFactory.create("board test");
        context.set(JobStore.class, store);
        context.set(UISynchronize.class, synchronizeWith(display));
        context.set(CalendarPushService.class, service(CalendarPushService.class));
        context.set(WorkbenchSettings.class, service(WorkbenchSettings.class));
        ContextInjectionFactory.make(CommandServiceAddon.class, context);
        ECommandService commands = context.get(ECommandService.class);
        category = commands.defineCategory("peregrine.ui.kanban.tests", "Board tests", null);
        commands.defineCommand(PushToCalendarHandler.COMMAND_ID, "Add to / Update Calendar", null, category,
                new IParameter[] { jobIdParameter() });
        context.get(EHandlerService.class).activateHandler(PushToCalendarHandler.COMMAND_ID, new PushToCalendarHandler());
        commands.defineCommand(PushAllHandler.COMMAND_ID, "Push All Interviews", null, category, null);
        context.get(EHandlerService.class).activateHandler(PushAllHandler.COMMAND_ID, new PushAllHandler());
        commands.defineCommand(UndoHandler.COMMAND_ID, "Undo", null, category, null);
        context.get(EHandlerService.class).activateHandler(UndoHandler.COMMAND_ID, new UndoHandler());
        commands.defineCommand(OpenJobHandler.COMMAND_ID, "Open Job", null, category, new IParameter[] { jobIdParameter() });
        context.get(EHandlerService.class).activateHandler(OpenJobHandler.COMMAND_ID, new OpenJobHandler());
        context.set(EPartService.class, stub(EPartService.class, Map.of("findPart", args -> board(args[0]),
                "getParts", args -> List.copyOf(side), "createPart", args -> createPart((String) args[0]),
                "showPart", args -> showPart((MPart) args[0]), "activate", args -> showPart((MPart) args[0]),
                "savePart", args -> savePart((MPart) args[0], (Boolean) args[1]), "hidePart", args -> hidePart((MPart) args[0]))));
        MWindow window = MBasicFactory.INSTANCE.createTrimmedWindow();
        window.setContext(context);
        context.set(MWindow.class, window);
        context.set(ISaveHandler.class, saveQuestion);
        EventAdmin eventAdmin = service(EventAdmin.class);
        context.set(IEventBroker.class, stub(IEventBroker.class, Map.of("post", args -> {
            eventAdmin.postEvent(new org.osgi.service.event.Event((String) args[0], (Map<String, ?>) args[1]));
            return true;
        })));
        context.set(ESelectionService.class, stub(ESelectionService.class, "setSelection", args -> {
            context.set(IServiceConstants.ACTIVE_SELECTION, args[0]);
            return null;
        }));
        context.set(Composite.class, shell);
        bindKey(SWT.MOD1 | SWT.MOD2, 'c', PushToCalendarHandler.COMMAND_ID);
        display.addFilter(SWT.FocusIn, activation);
    }

    /** Defines the open command as the application model does, with a handler that records its job ids. */
    BoardHarness recordOpenedJobs() {
        ECommandService commands = context.get(ECommandService.class);
        commands.defineCommand(OpenJobHandler.COMMAND_ID, "Open Job", null, category,
                new IParameter[] { jobIdParameter() });
        context.get(EHandlerService.class).activateHandler(OpenJobHandler.COMMAND_ID, new OpenJobRecorder(opened));
        return this;
    }

    /** Records the job id the open command runs with. */
    public static final class OpenJobRecorder {
        private final List<String> opened;

        OpenJobRecorder(List<String> opened) {
            this.opened = opened;
        }

        @Execute
        public void execute(@Named(PushToCalendarHandler.JOB_ID) String jobId) {
            opened.add(jobId);
        }
    }

    // --- the keyboard

    /** Makes the control's shell active and gives {@code control} the keyboard focus, as the keys that follow need. */
    void focus(Control control) {
        Shell of = control.getShell();
        of.forceActive();
        waitUntil("the shell of " + control + " is active", () -> display.getActiveShell() == of);
        control.forceFocus();
        waitUntil("the focus is in " + control, () -> display.getFocusControl() == control);
    }

    /**
     * Sends a real key press and release to the focus control, holding {@code modifiers} (e.g. {@link SWT#SHIFT})
     * down meanwhile; a key that is a character (Return, Tab, Escape, a letter) is given as that character.
     */
    void key(int key, int... modifiers) {
        for (int modifier : modifiers) {
            post(SWT.KeyDown, modifier);
        }
        post(SWT.KeyDown, key);
        post(SWT.KeyUp, key);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            post(SWT.KeyUp, modifiers[i]);
        }
    }

    private void post(int type, int key) {
        // SWT posts the key code's key, and a character's key for a code that names no key (a letter).
        post(type, key, (key & (SWT.KEYCODE_BIT | SWT.MODIFIER_MASK)) == 0 ? (char) key : '\0');
    }

    /** Types {@code text} into the focused control as the keyboard does: a key press and release for each character. */
    void type(String text) {
        for (char c : text.toCharArray()) {
            post(SWT.KeyDown, 0, c);
            post(SWT.KeyUp, 0, c);
        }
    }

    /**
     * Types {@code key} with {@code modifier} held (e.g. {@code SWT.CTRL}) with the keyboard focus on {@code target},
     * then waits for the board.
     */
    void type(Control target, int modifier, char key) {
        focus(target);
        key(key, modifier);
        waitForTheBoard();
    }

    private void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!display.post(event)) {
            fail("The display did not take the key event " + event);
        }
    }

    /** @return what assistive technologies read as {@code control}'s name, as its accessible listeners answer */
    static String accessibleName(Control control) {
        Accessible accessible = control.getAccessible();
        AccessibleEvent event = new AccessibleEvent(accessible);
        event.childID = ACC.CHILDID_SELF;
        try {
            // SWT keeps the listeners to itself; the platform's accessibility bridge asks them as this does.
            Field field = Accessible.class.getDeclaredField("accessibleListeners");
            field.setAccessible(true);
            List<?> listeners = (List<?>) field.get(accessible);
            if (listeners != null) {
                listeners.forEach(listener -> ((AccessibleListener) listener).getName(event));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return event.result;
    }

    /** Creates the part, opens the shell and waits for the first reading of the board. */
    BoardHarness open() {
        part = ContextInjectionFactory.make(BoardPart.class, context);
        shell.open();
        waitForTheBoard();
        return this;
    }

    /** Opens the collapsed Rejected section, which makes its cards only when shown. */
    BoardHarness expandRejected() {
        Composite rejected = all(shell, Composite.class).stream().filter(c -> c.getData() == BoardColumn.REJECTED)
                .findFirst().orElseThrow();
        button(rejected, "Show").ifPresent(BoardHarness::press);
        return this;
    }

    /** Creates the upcoming interviews in a shell of their own, as the side stack holds them, and waits for them. */
    UpcomingPart openUpcoming() {
        upcomingShell = new Shell(display);
        upcomingShell.setSize(900, 400);
        upcomingContext = context.createChild("upcoming");
        upcomingContext.set(Composite.class, upcomingShell);
        upcoming = ContextInjectionFactory.make(UpcomingPart.class, upcomingContext);
        upcomingShell.open();
        waitForTheBoard();
        return upcoming;
    }

    void close() {
        if (part != null || upcoming != null) {
            waitForTheBoard();
        }
        keyFilters.forEach(filter -> display.removeFilter(SWT.KeyDown, filter));
        display.removeFilter(SWT.FocusIn, activation);
        if (sideShell != null) {
            sideShell.dispose();
        }
        if (upcomingShell != null) {
            upcomingShell.dispose();
        }
        shell.dispose();
        context.dispose();
    }

    /** Runs the event loop until the part has no background work queued or running and no outcome to apply. */
    void waitForTheBoard() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            boolean dispatched = false;
            while (display.readAndDispatch()) {
                dispatched = true;
            }
            // Work posts its outcome before it leaves the job manager: once none is left, the queue is complete.
            if (!dispatched && idle() && !display.readAndDispatch()) {
                // A few frames more, for the sections' timers that make the cards ahead of the view.
                dispatchFor(SETTLED);
                if (idle() && !display.readAndDispatch()) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("The board's background work did not finish within " + TIMEOUT);
            }
            pause();
        }
    }

    /**
     * Runs the event loop until the part's background work is done and its outcomes are applied, without the frames
     * after that {@link #waitForTheBoard()} waits for: for timing what a user sees first.
     */
    void waitForTheAnswers() {
        waitUntil("the board's background work done", this::idle);
        while (display.readAndDispatch()) {
            // the outcomes the work posted before it ended
        }
    }

    /** Runs the event loop until {@code condition} holds. */
    void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            while (display.readAndDispatch()) {
                // keep going until the queue is empty
            }
            if (System.nanoTime() > deadline) {
                fail("Not within " + TIMEOUT + ": " + what);
            }
            pause();
        }
    }

    // --- keys and questions

    /**
     * Runs the command {@code commandId} on the key {@code key} with the modifiers {@code modifiers}, wherever the
     * focus is in the board's shell or the side stack's, as the window's binding table (e4's key binding dispatcher)
     * does in the application: in the active part's context.
     */
    void bindKey(int modifiers, int key, String commandId) {
        Listener filter = e -> {
            if (e.widget instanceof Control control && (control.getShell() == shell || control.getShell() == sideShell)
                    && (e.stateMask & SWT.MODIFIER_MASK) == modifiers && e.keyCode == key) {
                e.doit = false;
                EHandlerService handlers = context.get(EHandlerService.class);
                handlers.executeHandler(context.get(ECommandService.class).createCommand(commandId, null));
            }
        };
        keyFilters.add(filter);
        display.addFilter(SWT.KeyDown, filter);
    }

    /**
     * Answers every question titled {@code title} that opens from now on, until the shell closes or
     * {@link Asked#stop()}: checks the boxes
     * whose text starts with one of {@code checks}, then presses {@code button}. The dialog's own event loop runs it.
     *
     * @return the questions asked, as they read
     */
    Asked answer(String title, String button, String... checks) {
        Asked asked = new Asked();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (asked.stopped) {
                return;
            }
            Optional<Shell> question = Stream.of(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (question.isPresent()) {
                asked.texts.add(String.join("\n", labelTexts(question.get())));
                for (String check : checks) {
                    Button box = all(question.get(), Button.class).stream().filter(b -> b.getText().startsWith(check))
                            .findFirst().orElseThrow(() -> new AssertionError("No check box " + check + " in " + title));
                    box.setSelection(true);
                    box.notifyListeners(SWT.Selection, new Event());
                }
                press(button(question.get(), button).orElseThrow(() -> new AssertionError("No button " + button + " in " + title)));
            }
            if (!shell.isDisposed()) {
                display.timerExec(20, poll[0]);
            }
        };
        display.timerExec(20, poll[0]);
        return asked;
    }

    /** The questions of one title that were asked, each as the text of its labels. */
    static final class Asked {
        private final List<String> texts = new ArrayList<>();
        private boolean stopped;

        /** @return how many times the question was asked */
        int get() {
            return texts.size();
        }

        List<String> texts() {
            return texts;
        }

        /** Answers no more of them. */
        void stop() {
            stopped = true;
        }
    }

    // --- reading the board

    /** @return the card of job {@code id}, scrolling its section to it as a user would if it is not made yet */
    Composite card(long id) {
        return made(id).or(() -> scrollTo(id)).orElseThrow(() -> new AssertionError("No card of job " + id));
    }

    private Optional<Composite> made(long id) {
        return cards().stream().filter(card -> ((Job) card.getData()).id() == id).findFirst();
    }

    /** Moves each section's scroll bar down a screenful at a time until the card of job {@code id} is made. */
    private Optional<Composite> scrollTo(long id) {
        for (Composite view : all(shell, Composite.class).stream().filter(c -> (c.getStyle() & SWT.V_SCROLL) != 0)
                .toList()) {
            ScrollBar bar = view.getVerticalBar();
            for (int y = 0; bar.isVisible() && y <= bar.getMaximum(); y += bar.getThumb()) {
                bar.setSelection(y);
                bar.notifyListeners(SWT.Selection, new Event());
                waitForTheBoard();
                Optional<Composite> found = made(id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    List<Composite> cards() {
        return all(shell, Composite.class).stream().filter(c -> c.getData() instanceof Job).toList();
    }

    /** @return the card's calendar button, if it has one */
    Optional<Button> calendarButton(long id) {
        return all(card(id), Button.class).stream().filter(b -> b.getText().equals(InterviewRow.ADD_TO_CALENDAR)
                || b.getText().equals(InterviewRow.UPDATE_CALENDAR)).findFirst();
    }

    static Optional<Button> button(Composite in, String text) {
        return all(in, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst();
    }

    static List<String> labelTexts(Composite in) {
        return all(in, Label.class).stream().map(Label::getText).toList();
    }

    /** @return the texts of the labels and links in {@code in}, the links' without their markup */
    static List<String> shownTexts(Composite in) {
        return all(in, Control.class).stream().map(control -> switch (control) {
            case Label label -> label.getText();
            case Link link -> link.getText().replaceAll("</?a>", "");
            default -> null;
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** @return the heading of the section of {@code column}, with its count */
    String heading(BoardColumn column) {
        Composite section = all(shell, Composite.class).stream().filter(c -> c.getData() == column).findFirst().orElseThrow();
        return all(section, Label.class).get(0).getText();
    }

    /** @return the ids of the jobs whose cards the section of {@code column} has made, top to bottom */
    List<Long> idsIn(BoardColumn column) {
        Composite section = all(shell, Composite.class).stream().filter(c -> c.getData() == column).findFirst().orElseThrow();
        return all(section, Composite.class).stream().filter(c -> c.getData() instanceof Job).map(c -> ((Job) c.getData()).id())
                .toList();
    }

    /** @return the board's search field */
    Text findField() {
        return all(shell, Text.class).stream().filter(t -> (t.getStyle() & SWT.SEARCH) != 0).findFirst().orElseThrow();
    }

    /** @return the board's stage choice */
    Combo stageChoice() {
        return all(shell, Combo.class).stream().filter(c -> c.getItem(0).equals(BoardFilter.ALL_STAGES)).findFirst().orElseThrow();
    }

    /** Follows the card's "Set date…" or "Change date…" link, as a click or Enter on it does. */
    void openDateEntry(long id) {
        Link link = all(card(id), Link.class).stream().filter(l -> l.getText().contains(InterviewRow.SET_DATE)
                || l.getText().contains(InterviewRow.CHANGE_DATE)).findFirst().orElseThrow();
        link.notifyListeners(SWT.Selection, new Event());
    }

    /** {@code root}'s descendants of {@code type}, depth first in child order. */
    static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }

    static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    // --- services

    static <T> T service(Class<T> type) {
        BundleContext bundleContext = FrameworkUtil.getBundle(BoardHarness.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(10_000);
            assertNotNull(service, type.getSimpleName() + " is not registered");
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private MPart board(Object id) {
        if (part == null || !BoardPart.ID.equals(id)) {
            return null;
        }
        MPart model = MBasicFactory.INSTANCE.createPart();
        model.setElementId(BoardPart.ID);
        model.setObject(part);
        return model;
    }

    /** An implementation of {@code type} that answers {@code method} and nothing else the board never calls. */
    private static <T> T stub(Class<T> type, String method, Function<Object[], Object> answer) {
        return stub(type, Map.of(method, answer));
    }

    /** An implementation of {@code type} that answers the methods named in {@code answers}, and nothing else. */
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(BoardHarness.class.getClassLoader(), new Class<?>[] { type },
                (proxy, called, args) -> {
                    Function<Object[], Object> answer = answers.get(called.getName());
                    if (answer != null && called.getDeclaringClass() != Object.class) {
                        return answer.apply(args);
                    }
                    if (called.getDeclaringClass() == Object.class) {
                        return called.getName().equals("equals") ? proxy == args[0]
                                : called.getName().equals("hashCode") ? System.identityHashCode(proxy) : type.getName();
                    }
                    throw new UnsupportedOperationException(called.getName());
                }));
    }

    private static IParameter jobIdParameter() {
        return new IParameter() {
            @Override
            public String getId() {
                return PushToCalendarHandler.JOB_ID;
            }

            @Override
            public String getName() {
                return "Job id";
            }

            @Override
            public IParameterValues getValues() {
                return Map::of;
            }

            @Override
            public boolean isOptional() {
                return true;
            }
        };
    }

    private boolean idle() {
        IJobManager jobs = org.eclipse.core.runtime.jobs.Job.getJobManager();
        return (part == null || jobs.find(part).length == 0) && (upcoming == null || jobs.find(upcoming).length == 0)
                && side.stream().allMatch(p -> p.getObject() == null || jobs.find(p.getObject()).length == 0);
    }

    // --- the side part stack

    /** @return the side stack's job part of job {@code id}, if one is open */
    Optional<MPart> jobPart(long id) {
        return side.stream().filter(p -> Long.toString(id).equals(p.getPersistedState().get(JobPart.JOB_ID))).findFirst();
    }

    /** @return the composite the side stack made for {@code part} */
    static Composite parentOf(MPart part) {
        return part.getContext().get(Composite.class);
    }

    private MPart createPart(String descriptorId) {
        MPart created = MBasicFactory.INSTANCE.createPart();
        created.setElementId(descriptorId);
        created.setLabel("Job");
        return created;
    }

    /** Adds {@code shown} to the side stack if it is not there, makes its object if it has none, and activates it. */
    private MPart showPart(MPart shown) {
        if (!JobPart.DESCRIPTOR_ID.equals(shown.getElementId())) {
            throw new UnsupportedOperationException("The side stack shows job parts only, not " + shown.getElementId());
        }
        if (!side.contains(shown)) {
            side.add(shown);
        }
        if (sideShell == null) {
            sideShell = new Shell(display);
            sideShell.setSize(500, 1000);
            sideShell.setLayout(new StackLayout());
        }
        if (shown.getObject() == null) {
            Composite parent = new Composite(sideShell, SWT.NONE);
            IEclipseContext partContext = context.createChild("job part");
            partContext.set(MPart.class, shown);
            partContext.set(Composite.class, parent);
            shown.setContext(partContext);
            try {
                shown.setObject(ContextInjectionFactory.make(JobPart.class, partContext));
            } catch (RuntimeException e) {
                // The handler service would keep it to itself.
                e.printStackTrace();
                throw e;
            }
        }
        ((StackLayout) sideShell.getLayout()).topControl = parentOf(shown);
        sideShell.layout(true, true);
        sideShell.open();
        shown.getContext().activate();
        ContextInjectionFactory.invoke(shown.getObject(), Focus.class, shown.getContext(), null);
        return shown;
    }

    private void activateFocused(Event e) {
        if (e.widget instanceof Control control) {
            Optional<MPart> holder = side.stream()
                    .filter(p -> p.getContext() != null && within(control, parentOf(p))).findFirst();
            if (holder.isPresent()) {
                holder.get().getContext().activate();
            } else if (control.getShell() == shell && context.getActiveChild() != null) {
                context.getActiveChild().deactivate();
            }
        }
    }

    /**
     * Closes {@code part}'s tab as the workbench's part stack does when its close button is pressed: the part service
     * saves it, asking first, and hides it unless that was refused.
     *
     * @return whether the part was closed
     */
    boolean closeTab(MPart part) {
        EPartService parts = context.get(EPartService.class);
        if (!parts.savePart(part, true)) {
            return false;
        }
        parts.hidePart(part);
        return true;
    }

    /** As the workbench's part service saves a part: a clean one at once, else through the window's save handler. */
    private boolean savePart(MPart part, boolean confirm) {
        return !part.isDirty() || context.get(ISaveHandler.class).save(part, confirm);
    }

    /** Takes {@code part} out of the side stack, disposing its object, its controls and its context. */
    private Object hidePart(MPart part) {
        side.remove(part);
        Composite parent = parentOf(part);
        part.getContext().dispose();
        parent.dispose();
        part.setObject(null);
        part.setContext(null);
        return null;
    }

    /**
     * The window's save handler as the workbench's window renderer makes it: asks whether to save the changed part
     * (here answered with {@link #answer}, each question recorded), then runs the part's {@code @Persist}; a part
     * whose {@code @Persist} throws is not closed.
     */
    static final class SaveQuestion implements ISaveHandler {
        /** What the user answers. */
        Save answer = Save.YES;
        /** The labels of the parts asked about, in order. */
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean save(MPart dirtyPart, boolean confirm) {
            if (confirm) {
                Save decision = promptToSave(dirtyPart);
                if (decision != Save.YES) {
                    return decision == Save.NO;
                }
            }
            try {
                ContextInjectionFactory.invoke(dirtyPart.getObject(), Persist.class, dirtyPart.getContext());
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public boolean saveParts(java.util.Collection<MPart> dirtyParts, boolean confirm) {
            return dirtyParts.stream().allMatch(p -> save(p, confirm));
        }

        @Override
        public Save promptToSave(MPart dirtyPart) {
            asked.add(dirtyPart.getLabel());
            return answer;
        }

        @Override
        public Save[] promptToSave(java.util.Collection<MPart> dirtyParts) {
            return dirtyParts.stream().map(this::promptToSave).toArray(Save[]::new);
        }
    }

    /** @return whether {@code control} is {@code ancestor} or lies within it */
    static boolean within(Control control, Control ancestor) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void dispatchFor(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < until) {
            while (display.readAndDispatch()) {
                // every event that is due
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting for the board");
        }
    }

    static UISynchronize synchronizeWith(Display display) {
        return new UISynchronize() {
            @Override
            public void syncExec(Runnable runnable) {
                display.syncExec(runnable);
            }

            @Override
            public void asyncExec(Runnable runnable) {
                display.asyncExec(runnable);
            }

            @Override
            protected boolean isUIThread(Thread thread) {
                return display.getThread() == thread;
            }

            @Override
            protected void showBusyWhile(Runnable runnable) {
                runnable.run();
            }

            @Override
            protected boolean dispatchEvents() {
                return display.readAndDispatch();
            }
        };
    }
}
