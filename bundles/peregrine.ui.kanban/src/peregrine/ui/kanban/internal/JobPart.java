package peregrine.ui.kanban.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobDetails;
import peregrine.jobs.JobDetails.CompanyResearch;
import peregrine.jobs.JobEdit;
import peregrine.jobs.JobEdit.Field;
import peregrine.jobs.JobStore;
import peregrine.ui.kanban.internal.StoreCalls.StoreCall;

/**
 * A job's own view, beside the board: its listing fields, notes and interview slot to edit, and what Peregrine
 * gathered about it to read (the company research, the job's e-mails, its stage history). The job is the one whose id
 * the part's persisted state holds under {@value #JOB_ID} ({@link OpenJobHandler} puts it there).
 * <p>
 * Every read and write of the store runs in a background job ({@link StoreCalls}). Save (the button, Ctrl+S in the
 * part, or e4's question when a changed part is closed) writes every field in one transaction; a field that may not
 * be saved is marked where it is with the problem's words, and nothing is written. After a save the part posts
 * {@link JobsChanged}, so that the board reads the job again; it reads itself again on another view's change
 * unless the user has changed something here.
 */
public class JobPart {

    /** The part descriptor's id in the application model. */
    public static final String DESCRIPTOR_ID = "peregrine.ui.kanban.partdescriptor.job";
    /** The key of the part's persisted state that holds the job's id, as decimal text. */
    public static final String JOB_ID = "jobId";
    static final String SAVE = "&Save";
    static final String HAS_DATE = "Has an interview date";
    static final String NO_RESEARCH = "Peregrine has no research on this company yet.";
    static final String NO_EMAILS = "No e-mails about this job.";

    private final JobStore store;
    private final UISynchronize sync;
    private final MPart part;
    private final IEventBroker events;
    /** The window's undo history, which a save joins (Ctrl+Z undoes it); absent without a board. */
    private final Optional<JobUndo> undo;
    private final long id;
    private final Map<Field, ControlDecoration> marks = new EnumMap<>(Field.class);
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
    private Label researchWhen;
    private Text brief;
    private Text talkingPoints;
    private Text redFlags;
    private Table emails;
    private Table history;
    private Button save;
    /** What the fields held when they were last filled from the store; null until then. */
    private JobEdit loaded;

    @Inject
    public JobPart(JobStore store, UISynchronize sync, MPart part, IEventBroker events,
            @org.eclipse.e4.core.di.annotations.Optional JobUndo undo) {
        this.store = store;
        this.undo = Optional.ofNullable(undo);
        this.sync = sync;
        this.part = part;
        this.events = events;
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

        label("&Interview:");
        Composite slot = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(slot);
        GridDataFactory.fillDefaults().grab(true, false).indent(decorationWidth(), 0).applyTo(slot);
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
        marks.put(Field.INTERVIEW, mark(slot));
        fillInterview(Optional.empty());

        new Label(form, SWT.NONE);
        save = new Button(form, SWT.PUSH);
        save.setText(SAVE);
        save.setToolTipText("Save every field (Ctrl+S)");
        save.addListener(SWT.Selection, e -> save());
        GridDataFactory.swtDefaults().indent(decorationWidth(), 0).applyTo(save);

        heading("Company research");
        researchWhen = new Label(form, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(0, SWT.DEFAULT).applyTo(researchWhen);
        brief = reading("Brief:");
        talkingPoints = reading("Talking points:");
        redFlags = reading("Red flags:");

        heading("E-mails");
        emails = table("E-mails, oldest first", "Subject", "From", "Date");
        heading("Stage history");
        history = table("Stage history, oldest first", "Stage", "Since");

        saveKey(parent);
        load();
    }

    @Focus
    public void setFocus() {
        title.setFocus();
    }

    /** Saves the part's changes: e4 calls it when the user wants a changed part saved as it closes. */
    @Persist
    public void persist() {
        save();
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

    /** Saves every field in one transaction, unless one may not be saved as it is: then it is marked, and nothing is written. */
    void save() {
        marks.values().forEach(ControlDecoration::hide);
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
            problems.forEach((field, problem) -> {
                marks.get(field).setDescriptionText(problem);
                marks.get(field).show();
            });
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, "Not saved. " + String.join(" ", problems.values()));
            root.layout();
            controls.get(problems.keySet().iterator().next()).setFocus();
            return;
        }
        save.setEnabled(false);
        calls.run("Saving " + edit.title(), s -> {
            StoreCall<Job> write = w -> w.edit(id, edit);
            undo.map(history -> history.undoable("Edit", id, write)).orElse(write).call(s);
            // Posted here rather than when the part shows the result: a part saved as it closes shows nothing more.
            events.post(JobsChanged.TOPIC, Map.of(JobsChanged.ORIGIN, this, JobsChanged.JOB_ID, id));
            return s.details(id);
        }, details -> {
            message.hide();
            show(details);
            save.setEnabled(true);
        }, failure -> {
            message.show(Dialog.DLG_IMG_MESSAGE_ERROR, failure + " Nothing was saved.");
            root.layout();
            save.setEnabled(true);
        });
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
        fillInterview(details.job().interview());
        Optional<CompanyResearch> research = details.research();
        researchWhen.setText(research.map(r -> r.generatedAt().isEmpty() ? "" : "Gathered " + r.generatedAt())
                .orElse(NO_RESEARCH));
        brief.setText(research.map(CompanyResearch::brief).orElse(""));
        talkingPoints.setText(research.map(CompanyResearch::talkingPoints).orElse(""));
        redFlags.setText(research.map(CompanyResearch::redFlags).orElse(""));
        emails.removeAll();
        details.emails().forEach(mail -> row(emails, mail.subject(), mail.from(), mail.receivedAt()));
        if (details.emails().isEmpty()) {
            row(emails, NO_EMAILS, "", "");
        }
        history.removeAll();
        details.history().forEach(stamp -> row(history, stamp.stage().label(), stamp.at()));
        for (Table table : List.of(emails, history)) {
            for (TableColumn column : table.getColumns()) {
                column.pack();
            }
        }
        loaded = inFields().orElse(null);
        part.setLabel(details.job().title());
        part.setTooltip(details.job().title() + " \u2013 " + details.job().company());
        part.setDirty(false);
        fit();
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
        name(interview.date, "Interview date");
        name(interview.timed, "Interview at a time of day");
        name(interview.time, "Interview time");
        name(interview.minutes, "Interview duration in minutes");
        name(interview.place, "Interview place or video link");
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
        label(labelText);
        Text text = new Text(form, SWT.BORDER | style);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).indent(decorationWidth(), 0).applyTo(text);
        text.addListener(SWT.Modify, e -> changed());
        leavesWithTab(text);
        controls.put(field, text);
        marks.put(field, mark(text));
        return text;
    }

    private ControlDecoration mark(Control control) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.setImage(errorImage());
        decoration.setShowOnlyOnFocus(false);
        decoration.hide();
        return decoration;
    }

    private static Image errorImage() {
        return FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage();
    }

    private static int decorationWidth() {
        return errorImage().getBounds().width + 2;
    }

    private Label label(String text) {
        Label label = new Label(form, SWT.NONE);
        label.setText(text);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        return label;
    }

    private void heading(String text) {
        Label heading = new Label(form, SWT.NONE);
        heading.setText(text);
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(heading);
    }

    private Text reading(String labelText) {
        label(labelText);
        Text text = new Text(form, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).indent(decorationWidth(), 0).applyTo(text);
        leavesWithTab(text);
        return text;
    }

    private Table table(String name, String... columns) {
        Table table = new Table(form, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        for (String column : columns) {
            new TableColumn(table, SWT.LEFT).setText(column);
        }
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(0, SWT.DEFAULT).applyTo(table);
        name(table, name);
        return table;
    }

    private static void row(Table table, String... texts) {
        new TableItem(table, SWT.NONE).setText(texts);
    }

    /** Gives a control the accessible name a screen reader says, where no label is beside it. */
    private static void name(Control control, String name) {
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                if (e.childID == ACC.CHILDID_SELF) {
                    e.result = name;
                }
            }
        });
    }

    /** A multi-line text would take Tab as a character: it moves on to the next field instead. */
    private static void leavesWithTab(Text text) {
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
            if ((e.stateMask & SWT.MODIFIER_MASK) == SWT.MOD1 && (e.keyCode == 's' || e.keyCode == 'S') && inPart(display.getFocusControl())) {
                e.doit = false;
                e.type = SWT.None;
                save();
            }
        };
        display.addFilter(SWT.KeyDown, key);
        parent.addListener(SWT.Dispose, e -> display.removeFilter(SWT.KeyDown, key));
    }

    private boolean inPart(Control control) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c == root) {
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
