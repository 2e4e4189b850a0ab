package peregrine.ui.kanban.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Control;

import peregrine.calendar.CalendarPushService;
import peregrine.calendar.EventExporter;
import peregrine.calendar.PushReport;
import peregrine.jobs.Job;
import peregrine.jobs.Stage;
import peregrine.settings.WorkbenchSettings;

/**
 * The board's calendar commands and their state: which pushes run and how each ended, the "push all" under way,
 * removals, exports and the question asked as a job leaves the interviews. The board part makes one and
 * publishes it in its window's context, so that the handlers inject it rather than reach into the part. Whether a
 * job may be pushed is the push service's {@link peregrine.calendar.CalendarOffer} as the view last read it; this
 * class never decides it. Display thread only.
 */
public final class BoardController implements Undoable {

    /** What the controller needs of the board that shows the jobs. */
    interface View {
        /** @return the job {@code id} as the board shows it now */
        Optional<Job> shown(long id);

        /** @return the ids of the jobs the board shows now, those its filter hides left out */
        Collection<Long> shownAfterFilter();

        /** @return whether the board's filter hides any jobs */
        boolean filtered();

        /** @return what the calendars offer, as last read */
        CalendarView calendar();

        /** Draws the cards again from what was last read, with the pushes as they stand. */
        void redraw();

        /** Reads the board again from the store and draws it. */
        void reload();

        /** @return the board's control: the owner of dialogs, and disposed once the board is gone */
        Control control();

        MessageSink messages();

        /** Reads the board again, dismissing the last message. */
        void refresh();

        /** Asks the user for a job and adds it to the store. */
        void addJob();

        /** Undoes the last change of a job in the background, and shows the board as it then is. */
        void undo();
    }

    /** How long the results of a "push all" gather before the cards show them. */
    private static final int RESULTS_REDRAW_MILLIS = 250;

    private final CalendarPushService pushService;
    private final UISynchronize sync;
    private final View view;
    private final Object family;
    private final EventRemoval removal;
    private final JobUndo undo;
    private final ExportAction export;
    private final Map<Long, PushOutcome> pushes = new HashMap<>();
    /** The "push all" under way, or null. */
    private PushAllJob pushingAll;
    /** Whether a redraw for the results of a "push all" is already due. */
    private boolean redrawDue;

    /** @param family the job family of the board's background work, which the controller's jobs join */
    BoardController(CalendarPushService pushService, WorkbenchSettings settings, UISynchronize sync, View view, Object family,
            JobUndo undo) {
        this.pushService = pushService;
        this.undo = undo;
        this.sync = sync;
        this.view = view;
        this.family = family;
        removal = new EventRemoval(pushService, settings, sync, family);
        export = new ExportAction(pushService, sync, family);
    }

    /** Reads the board again from the store, dismissing the last message. */
    public void refresh() {
        view.refresh();
    }

    /** Asks the user for a job and adds it to the store. */
    public void addJob() {
        view.addJob();
    }

    /** @return what {@link #undo()} would undo, as the menu names it after "Undo"; empty when there is nothing */
    @Override
    public Optional<String> undoLabel() {
        return undo.undoLabel();
    }

    /** Undoes the last change of a job, in the background; a refused undo says why in the message line. */
    @Override
    public void undo() {
        view.undo();
    }

    /** @return the last push of each job pushed since the board opened, by job id */
    Map<Long, PushOutcome> pushes() {
        return pushes;
    }

    /** The exporter that a plug-in provides now, if any. */
    void setExporter(Optional<EventExporter> exporter) {
        export.setExporter(exporter);
    }

    /** For tests: the card's export, whose save dialog they answer. */
    ExportAction exportAction() {
        return export;
    }

    /**
     * @return whether {@link #push(long)} would push the job {@code id} now: the board shows its interview (on a
     *         phone-screen or interviewing card), the push service offers to push it
     *         ({@link peregrine.calendar.CalendarOffer#canPush()}), and no push of the job is running
     */
    public boolean canPush(long id) {
        // Only a card that shows the interview offers it: a rejected job's old date is not pushed by "push all".
        return view.shown(id).flatMap(Job::stage).filter(Stage::takesInterviewDate).isPresent()
                && view.calendar().offer(id).map(offer -> offer.canPush()).orElse(false)
                && !(pushes.get(id) instanceof PushOutcome.Running);
    }

    /**
     * Pushes the job's interview to its calendars in the background, when {@link #canPush(long)}; the card shows
     * that it runs, then each calendar's outcome, which the message line also names.
     */
    public void push(long id) {
        if (!canPush(id)) {
            return;
        }
        Job job = view.shown(id).orElseThrow();
        String name = (view.calendar().onCalendar(id) ? "Updating the calendar events of " : "Adding to the calendar: ")
                + job.title() + " @ " + job.company();
        pushes.put(id, new PushOutcome.Running());
        view.redraw();
        new CalendarPushJob(name, () -> pushService.push(id), family, outcome -> sync.asyncExec(() -> pushed(job, outcome)))
                .schedule();
    }

    /**
     * @return whether {@link #pushAll()} would push anything now: no other "push all" runs and at least
     *         one job that the board shows, as far as its filter lets it, {@link #canPush(long) can be pushed}
     */
    public boolean canPushAll() {
        // Asked whenever the menu or a key binding is evaluated: stop at the first job that can be pushed.
        return pushingAll == null && view.shownAfterFilter().stream().anyMatch(this::canPush);
    }

    /** @return whether the board's filter hides jobs, which {@link #pushAll()} then leaves alone */
    public boolean filtered() {
        return view.filtered();
    }

    /**
     * Pushes the interview of every job that the board shows, as far as its filter lets it, and that
     * {@link #canPush(long) can be pushed}, a few at a time, in the background: what the user sees is what is
     * pushed. Each card shows that it waits, then its outcome as it comes; cancelling leaves the cards not yet
     * pushed as they were.
     */
    public void pushAll() {
        List<Long> ids = view.shownAfterFilter().stream().filter(this::canPush).sorted().toList();
        if (pushingAll != null || ids.isEmpty()) {
            return;
        }
        // The summary names the command as the menu did, without its mnemonic.
        String what = (view.filtered() ? PushAllHandler.SHOWN_LABEL : PushAllHandler.LABEL).replace("&", "");
        ids.forEach(id -> pushes.put(id, new PushOutcome.Running()));
        view.redraw();
        pushingAll = new PushAllJob(pushService, ids, family,
                (id, result) -> sync.asyncExec(() -> pushedOneOfAll(id, result)),
                notStarted -> sync.asyncExec(() -> pushAllEnded(what, ids, notStarted)));
        pushingAll.schedule();
    }

    /** Removes the job's events from every calendar that holds them; the message line names each outcome. */
    void removeFromCalendar(Job job) {
        removal.remove(view.control(), job, view.messages(), view::reload);
    }

    /** Asks where to, then writes the job's interview as a calendar file. */
    void export(Job job) {
        export.export(view.control(), job, view.messages());
    }

    /**
     * Decides, asking the user if {@code calendar_remove_on:} says so, whether a job's events go as it leaves the
     * interviews, and returns what to run once the change that takes it out is made.
     *
     * @param what what happens to the job, in a sentence
     */
    Runnable leaving(Job job, String what) {
        // Once remembered, the board reads the answer back with the rest of what the calendars offer.
        boolean remove = removal.removeOnLeaving(view.control(), job, what, view.calendar(), view.messages(), view::reload);
        return remove ? () -> removeFromCalendar(job) : () -> { };
    }

    /**
     * Asks whether to reject the job, and in the same question, where {@code calendar_remove_on:} says ask, whether
     * its events go too.
     *
     * @return what to run once the job is rejected; empty if the user did not reject it
     */
    Optional<Runnable> rejecting(Job job) {
        return removal.rejecting(view.control(), job, view.calendar(), view.messages(), view::reload)
                .map(remove -> remove ? () -> removeFromCalendar(job) : () -> { });
    }

    private boolean gone() {
        return view.control().isDisposed();
    }

    private void pushed(Job job, PushOutcome outcome) {
        if (gone()) {
            return;
        }
        pushes.put(job.id(), outcome);
        if (!(outcome instanceof PushOutcome.Finished finished)) {
            view.redraw();
            return;
        }
        PushReport report = finished.report();
        view.messages().show(report.ok() ? Dialog.DLG_IMG_MESSAGE_INFO : Dialog.DLG_IMG_MESSAGE_ERROR,
                job.title() + ": " + ReportWords.line(report));
        // The job now records its events: read them back, so the card shows its calendars.
        view.reload();
    }

    private void pushedOneOfAll(long id, PushReport result) {
        if (gone()) {
            return;
        }
        pushes.put(id, new PushOutcome.Finished(result));
        // Hundreds of results can arrive within a second: show them a few times a second, not one by one.
        if (!redrawDue) {
            redrawDue = true;
            view.control().getDisplay().timerExec(RESULTS_REDRAW_MILLIS, () -> {
                redrawDue = false;
                if (!gone()) {
                    view.redraw();
                }
            });
        }
    }

    /** @param what the command as the menu named it when it started, which the summary begins with */
    private void pushAllEnded(String what, List<Long> ids, Set<Long> notStarted) {
        if (gone()) {
            return;
        }
        pushingAll = null;
        notStarted.forEach(pushes::remove);
        long failed = ids.stream().map(pushes::get)
                .filter(outcome -> outcome instanceof PushOutcome.Finished finished && !finished.report().ok()).count();
        long pushed = ids.size() - notStarted.size() - failed;
        // The jobs now record their events: read them back, so the cards show their calendars.
        view.reload();
        String summary = what + ": " + pushed + " of " + ids.size() + " on the calendar"
                + (failed > 0 ? ", " + failed + " failed (their cards say why)" : "")
                + (notStarted.isEmpty() ? "." : ", " + notStarted.size() + " not pushed (cancelled).");
        view.messages().show(failed > 0 ? Dialog.DLG_IMG_MESSAGE_ERROR : Dialog.DLG_IMG_MESSAGE_INFO, summary);
    }
}
