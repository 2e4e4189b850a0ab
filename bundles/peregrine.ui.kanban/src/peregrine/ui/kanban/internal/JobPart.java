package peregrine.ui.kanban.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import peregrine.jobs.DuplicateListingException;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobDetails;
import peregrine.jobs.JobEdit;
import peregrine.jobs.JobEdit.Field;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.ui.kanban.internal.StoreCalls.StoreCall;

/**
 * A job's own view, beside the board: its listing fields, notes and interview slot to edit, and what Peregrine
 * gathered about it to read ({@link GatheredSections}). The job is the one whose id the part's persisted state holds
 * under {@value #JOB_ID} ({@link OpenJobHandler} puts it there).
 * <p>
 * Every read and write of the store runs in a background job ({@link StoreCalls}). Save (the button, Ctrl+S in the
 * part, or e4's question when a changed part is closed) writes every field in one transaction; a field that may not
 * be saved, or that the store refuses (a listing another job has), is marked where it is with the problem's words, and
 * nothing is written. A part closed with "Yes" to the question stays open when its save did not go through
 * ({@link KeepOpenSaveHandler}). After a save the part posts {@link JobsChanged}, so that the board reads the job
 * again; it reads itself again on another view's change unless the user has changed something here. While it has
 * unsaved changes, Undo takes them back ({@link Undoable#UNSAVED}) before any change on the board.
 */
public class JobPart {

    /** The part descriptor's id in the application model. */
    public static final String DESCRIPTOR_ID = "peregrine.ui.kanban.partdescriptor.job";
    /** The key of the part's persisted state that holds the job's id, as decimal text. */
    public static final String JOB_ID = "jobId";
    static final String SAVE = "&Save";
    static final String HAS_DATE = "Has an interview date";
    /** What Undo takes back while the focused field differs from what was saved: that field's changes. */
    static final String UNDO_TYPING = "Typing";
    /** What Undo takes back while the focused field is as saved and others are not: every unsaved change. */
    static final String UNDO_CHANGES = "Unsaved Changes";

    private final JobStore store;
    private final UISynchronize sync;
    private final MPart part;
    private final IEventBroker events;
    /** The window's undo history, which a save joins (Ctrl+Z undoes it); absent without a board. */
    private final Optional<JobUndo> undo;
    private final IEclipseContext context;
    private final Optional<MWindow> window;
    private final long id;
    private final FieldMarks marks = new FieldMarks();
    private final Map<Field, Control> controls = new EnumMap<>(Field.class);
    private StoreCalls calls;
    private Composite root;
    private MessageLine message;
    private ScrolledComposite scroller;
    private Composite form;
    private Text title;
    private Text company;
    private Text url;
    private Text location;
    private Text salary;
    private Text notes;
    private Button hasDate;
    private Composite interviewBox;
    private InterviewFields interview;
    private GatheredSections gathered;
    private Button save;
    /** What the fields held when they were last filled from the store; null until then. */
    private JobEdit loaded;
    /** The texts of the text fields as they were filled from the store, and the slot they were filled with. */
    private final Map<Field, String> savedTexts = new EnumMap<>(Field.class);
    private Optional<InterviewSlot> savedSlot = Optional.empty();

    /** Undo while the part has unsaved changes: the focused field's, or, when it is as saved, all of them. */
    private final Undoable unsaved = new Undoable() {
        @Override
        public Optional<String> undoLabel() {
            if (loaded == null || !part.isDirty() || root.isDisposed()) {
                return Optional.empty();
            }
            return Optional.of(focusedChange().isPresent() ? UNDO_TYPING : UNDO_CHANGES);
        }

        @Override
        public void undo() {
            if (undoLabel().isEmpty()) {
                return;
            }
            focusedChange().ifPresentOrElse(JobPart.this::revert, JobPart.this::load);
        }
    };

    /** How a save ended in the store: written, and the job as it now is; or refused at one field, in the store's words. */
    private sealed interface Saving {
    }

    private record Saved(JobDetails details) implements Saving {
    }

    private record Refused(Field field, String problem) implements Saving {
    }

    @Inject
    public JobPart(JobStore store, UISynchronize sync, MPart part, IEventBroker events, IEclipseContext context,
            @org.eclipse.e4.core.di.annotations.Optional MWindow window,
            @org.eclipse.e4.core.di.annotations.Optional JobUndo undo) {
        this.store = store;
        this.undo = Optional.ofNullable(undo);
        this.sync = sync;
        this.part = part;
        this.events = events;
        this.context = context;
        this.window = Optional.ofNullable(window);
        id = Long.parseLong(part.getPersistedState().get(JOB_ID));
    }

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        calls = new StoreCalls(store, sync, parent, this);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        message = new MessageLine(parent);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(0, 0).applyTo(scroller);
        form = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        scroller.setContent(form);
        scroller.addListener(SWT.Resize, e -> fit());

        title = field("&Title:", Field.TITLE, SWT.SINGLE);
        company = field("&Company:", Field.COMPANY, SWT.SINGLE);
        url = field("&Listing URL:", Field.URL, SWT.SINGLE);
        url.setMessage("https://\u2026");
        location = field("L&ocation:", Field.LOCATION, SWT.SINGLE);
        salary = field("Sa&lary:", Field.SALARY, SWT.SINGLE);
        notes = field("&Notes:", Field.NOTES, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) notes.getLayoutData()).heightHint = 5 * notes.getLineHeight();

        label(form, "&Interview:");
        Composite slot = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(slot);
        GridDataFactory.fillDefaults().grab(true, false).indent(FieldMarks.indent(), 0).applyTo(slot);
        hasDate = new Button(slot, SWT.CHECK);
        hasDate.setText(HAS_DATE);
        hasDate.addListener(SWT.Selection, e -> {
            interview.setEnabled(hasDate.getSelection());
            changed();
        });
        interviewBox = new Composite(slot, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(interviewBox);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(interviewBox);
        controls.put(Field.INTERVIEW, slot);
        marks.add(Field.INTERVIEW, slot);
        fillInterview(Optional.empty());

        new Label(form, SWT.NONE);
        save = new Button(form, SWT.PUSH);
        save.setText(SAVE);
        save.setToolTipText("Save every field (Ctrl+S)");
        save.addListener(SWT.Selection, e -> save());
        GridDataFactory.swtDefaults().indent(FieldMarks.indent(), 0).applyTo(save);

        gathered = new GatheredSections(form);

        saveKey(parent);
        context.set(Undoable.UNSAVED, unsaved);
        window.ifPresent(w -> KeepOpenSaveHandler.install(w.getContext()));
        load();
    }

    @Focus
    public void setFocus() {
        title.setFocus();
    }

    /**
     * Saves the part's changes, when e4 asks as the changed part closes, and returns once the save has ended: the part
     * is then clean, or still dirty because the save did not go through, and {@link KeepOpenSaveHandler} keeps it open.
     * The write runs in the background meanwhile, the event loop going on.
     */
    @Persist
    public void persist() {
        BusyIndicator.showWhile(save());
    }

    /** Reads the job again when another view changed it, unless the user has changes here that a reading would lose. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void jobsChanged(@EventTopic(JobsChanged.TOPIC) Event event) {
        Object changed = event.getProperty(JobsChanged.JOB_ID);
        if (event.getProperty(JobsChanged.ORIGIN) == this || (changed != null && !changed.equals(id))) {
            return;
        }
        sync.asyncExec(() -> {
            if (root != null && !root.isDisposed() && !part.isDirty()) {
                load();
            }
        });
    }

    /**
     * Saves every field in one transaction, unless one may not be saved as it is: then it is marked, and nothing is
     * written.
     *
     * @return done on the display thread once the save has ended and the part shows how
     */
    CompletableFuture<Void> save() {
        marks.hideAll();
        Map<Field, String> problems = new EnumMap<>(Field.class);
        Optional<InterviewSlot> slot = Optional.empty();
        if (hasDate.getSelection()) {
            try {
                slot = Optional.of(interview.slot());
            } catch (IllegalArgumentException refused) {
                problems.put(Field.INTERVIEW, refused.getMessage());
            }
        }
        JobEdit edit = new JobEdit(title.getText(), company.getText(), url.getText(), location.getText(), salary.getText(),
                notes.getText(), slot);
        problems.putAll(edit.problems());
        if (!problems.isEmpty()) {
            refuse(problems);
            return CompletableFuture.completedFuture(null);
        }
        save.setEnabled(false);
        return calls.run("Saving " + edit.title(), s -> write(s, edit), saving -> {
            switch (saving) {
                case Saved saved -> {
                    message.hide();
                    show(saved.details());
                }
                case Refused refused -> refuse(Map.of(refused.field(), refused.problem()));
            }
            save.setEnabled(true);
        }, failure -> {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, failure + " Nothing was saved.");
            root.layout();
            save.setEnabled(true);
        });
    }

    /** Writes {@code edit}, in the background; a listing another job has is refused at its field. */
    private Saving write(JobStore s, JobEdit edit) throws JobStoreException {
        StoreCall<Job> write = w -> w.edit(id, edit);
        try {
            undo.map(history -> history.undoable("Edit", id, write)).orElse(write).call(s);
        } catch (DuplicateListingException taken) {
            return new Refused(Field.URL, taken.getMessage());
        }
        // Posted here rather than when the part shows the result: a part saved as it closes shows nothing more.
        events.post(JobsChanged.TOPIC, Map.of(JobsChanged.ORIGIN, this, JobsChanged.JOB_ID, id));
        return new Saved(s.details(id));
    }

    /** Marks each field of {@code problems} and says that nothing was saved; the fields keep what the user wrote. */
    private void refuse(Map<Field, String> problems) {
        marks.show(problems);
        message.show(Dialog.DLG_IMG_MESSAGE_ERROR, "Not saved. " + String.join(" ", problems.values()));
        root.layout();
        controls.get(problems.keySet().iterator().next()).setFocus();
    }

    /** @return the mark of {@code field}: shown, with the problem's words, when the field may not be saved */
    ControlDecoration problemMark(Field field) {
        return marks.get(field);
    }

    private void load() {
        calls.run("Reading job " + id, s -> s.details(id), this::show, failure -> {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, failure);
            root.layout();
        });
    }

    private void show(JobDetails details) {
        loaded = null;
        title.setText(details.job().title());
        company.setText(details.job().company());
        url.setText(details.job().url());
        location.setText(details.location());
        salary.setText(details.salary());
        notes.setText(details.notes());
        savedSlot = details.job().interview();
        fillInterview(savedSlot);
        gathered.show(details);
        controls.forEach((field, control) -> {
            if (control instanceof Text text) {
                savedTexts.put(field, text.getText());
            }
        });
        loaded = inFields().orElse(null);
        part.setLabel(details.job().title());
        part.setTooltip(details.job().title() + " \u2013 " + details.job().company());
        part.setDirty(false);
        fit();
    }

    /** @return the field with the keyboard focus, if it differs from what was saved */
    private Optional<Field> focusedChange() {
        Control focus = root.getDisplay().getFocusControl();
        return controls.entrySet().stream().filter(entry -> within(focus, entry.getValue())).map(Map.Entry::getKey)
                .filter(field -> !asSaved(field)).findFirst();
    }

    private boolean asSaved(Field field) {
        if (field == Field.INTERVIEW) {
            return inFields().map(JobEdit::interview).equals(Optional.of(loaded.interview()));
        }
        return ((Text) controls.get(field)).getText().equals(savedTexts.get(field));
    }

    /** Puts {@code field} back as it was saved, keeping the focus in it. */
    private void revert(Field field) {
        if (field == Field.INTERVIEW) {
            fillInterview(savedSlot);
            hasDate.setFocus();
        } else {
            Text text = (Text) controls.get(field);
            text.setText(savedTexts.get(field));
            text.setSelection(text.getCharCount());
        }
        marks.hide(field);
        changed();
    }

    /** Makes the interview fields afresh for {@code saved}: they take a slot only when made. */
    private void fillInterview(Optional<InterviewSlot> saved) {
        for (Control old : interviewBox.getChildren()) {
            old.dispose();
        }
        Composite row = new Composite(interviewBox, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).center(true).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        interview = new InterviewFields(row, interviewBox, saved);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).applyTo(interview.place);
        hasDate.setSelection(saved.isPresent());
        interview.setEnabled(saved.isPresent());
        // Under one label: each says what it is itself.
        AccessibleNames.name(interview.date, "Interview date");
        AccessibleNames.name(interview.timed, "Interview at a time of day");
        AccessibleNames.name(interview.time, "Interview time");
        AccessibleNames.name(interview.minutes, "Interview duration in minutes");
        AccessibleNames.name(interview.place, "Interview place or video link");
        for (Control field : List.of(interview.date, interview.time, interview.minutes)) {
            field.addListener(SWT.Selection, e -> changed());
        }
        interview.timed.addListener(SWT.Selection, e -> changed());
        interview.place.addListener(SWT.Modify, e -> changed());
        // Tab leaves the date and time fields, Return saves; Escape has nothing to cancel in a view that stays open.
        DateFieldKeys.install(interview.date, this::save, () -> { });
        DateFieldKeys.install(interview.time, this::save, () -> { });
        interviewBox.layout(true, true);
    }

    /**
     * Marks the part changed when its fields differ from what was read: GTK reports some changes of its date and time
     * widgets late, so the fields are compared rather than their events counted.
     */
    private void changed() {
        if (loaded != null) {
            part.setDirty(!inFields().equals(Optional.of(loaded)));
        }
    }

    /** @return the edit the fields hold, empty when their interview slot is one no calendar can hold */
    private Optional<JobEdit> inFields() {
        try {
            return Optional.of(new JobEdit(title.getText(), company.getText(), url.getText(), location.getText(),
                    salary.getText(), notes.getText(), hasDate.getSelection() ? Optional.of(interview.slot()) : Optional.empty()));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    private Text field(String labelText, Field field, int style) {
        label(form, labelText);
        Text text = new Text(form, SWT.BORDER | style);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).indent(FieldMarks.indent(), 0).applyTo(text);
        text.addListener(SWT.Modify, e -> changed());
        leavesWithTab(text);
        controls.put(field, text);
        marks.add(field, text);
        return text;
    }

    /** Makes the label of the field that follows it in the form's next column. */
    static Label label(Composite form, String text) {
        Label label = new Label(form, SWT.NONE);
        label.setText(text);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        return label;
    }

    /** A multi-line text would take Tab as a character: it moves on to the next field instead. */
    static void leavesWithTab(Text text) {
        if ((text.getStyle() & SWT.MULTI) != 0) {
            text.addListener(SWT.Traverse, e -> {
                if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                    e.doit = true;
                }
            });
        }
    }

    /** Ctrl+S saves while the keyboard focus is in this part, and only then. */
    private void saveKey(Composite parent) {
        Display display = parent.getDisplay();
        Listener key = e -> {
            if ((e.stateMask & SWT.MODIFIER_MASK) == SWT.MOD1 && (e.keyCode == 's' || e.keyCode == 'S')
                    && within(display.getFocusControl(), root)) {
                e.doit = false;
                e.type = SWT.None;
                save();
            }
        };
        display.addFilter(SWT.KeyDown, key);
        parent.addListener(SWT.Dispose, e -> display.removeFilter(SWT.KeyDown, key));
    }

    /** @return whether {@code control} is {@code ancestor} or lies within it */
    private static boolean within(Control control, Control ancestor) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The form as wide as the part, as tall as its fields at that width: it scrolls up and down only. */
    private void fit() {
        int width = scroller.getClientArea().width;
        scroller.setMinSize(form.computeSize(width, SWT.DEFAULT));
        form.layout(true, true);
    }
}
