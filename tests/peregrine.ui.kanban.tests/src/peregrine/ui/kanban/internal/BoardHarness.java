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
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.Accessible;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.accessibility.AccessibleListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
 * that publishes the active selection. It drives the event loop until the board's background work is done,
 * and sends real key events ({@link Display#post(Event)}: GTK handles them as the keyboard's) to the control
 * with the keyboard focus. It stands in for the
 * workbench's key binding of the push command (M1+M2+C in {@code Application.e4xmi}), and on request defines
 * the open command with a handler that records the job ids it is run with.
 */
final class BoardHarness {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLED = Duration.ofMillis(50);

    final Display display;
    final Shell shell;
    final IEclipseContext context;
    BoardPart part;
    /** The job ids the open command ran with, once {@link #recordOpenedJobs()} defined it. */
    final List<String> opened = new ArrayList<>();
    private final Category category;

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
        context.set(EPartService.class, stub(EPartService.class, "findPart", args -> board(args[0])));
        context.set(ESelectionService.class, stub(ESelectionService.class, "setSelection", args -> {
            context.set(IServiceConstants.ACTIVE_SELECTION, args[0]);
            return null;
        }));
        context.set(Composite.class, shell);
        // As the workbench's binding dispatcher does, on the display before any control sees the key.
        Listener pushKey = e -> {
            if ((e.stateMask & SWT.MODIFIER_MASK) == (SWT.MOD1 | SWT.MOD2) && Character.toLowerCase(e.keyCode) == 'c') {
                e.doit = false;
                EHandlerService handlers = context.get(EHandlerService.class);
                handlers.executeHandler(commands.createCommand(PushToCalendarHandler.COMMAND_ID, Map.of()));
            }
        };
        display.addFilter(SWT.KeyDown, pushKey);
        shell.addListener(SWT.Dispose, e -> display.removeFilter(SWT.KeyDown, pushKey));
    }

    /** Defines the open command as the application model does, with a handler that records its job ids. */
    BoardHarness recordOpenedJobs() {
        ECommandService commands = context.get(ECommandService.class);
        commands.defineCommand(BoardNavigation.OPEN_JOB, "Open Job", null, category,
                new IParameter[] { jobIdParameter() });
        context.get(EHandlerService.class).activateHandler(BoardNavigation.OPEN_JOB, new OpenJobRecorder(opened));
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

    /** Makes the shell active and gives {@code control} the keyboard focus, as the keys that follow need. */
    void focus(Control control) {
        shell.forceActive();
        waitUntil("the board's shell is active", () -> display.getActiveShell() == shell);
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
        Event event = new Event();
        event.type = type;
        // SWT posts the key code's key, and a character's key for a code that names no key (a letter).
        event.keyCode = key;
        if ((key & (SWT.KEYCODE_BIT | SWT.MODIFIER_MASK)) == 0) {
            event.character = (char) key;
        }
        if (!display.post(event)) {
            fail("The display did not post the key " + key);
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

    void close() {
        if (part != null) {
            waitForTheBoard();
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
    private static <T> T stub(Class<T> type, String method, java.util.function.Function<Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(BoardHarness.class.getClassLoader(), new Class<?>[] { type },
                (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
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
        return org.eclipse.core.runtime.jobs.Job.getJobManager().find(part).length == 0;
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
