package peregrine.ui.kanban.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import peregrine.jobs.ListingUrl;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

/**
 * Asks for a job to add by hand: title, company, listing address and the stage it is at. A listing that is
 * not an http(s) address is refused as it is typed, the reason shown under the field and Add disabled.
 */
final class AddJobDialog extends TitleAreaDialog {

    /** A job added by hand is one the user is pursuing: it starts on the board, and not rejected. */
    private static final List<Stage> STAGES = Arrays.stream(Stage.values())
            .filter(stage -> stage.onBoard() && stage != Stage.REJECTED).toList();

    private Text title;
    private Text company;
    private Text url;
    /** Under the listing field: why what is there is refused, or nothing. */
    private Label urlProblem;
    private Combo stage;
    private NewJob newJob;

    AddJobDialog(Shell parent) {
        super(parent);
    }

    /** @return the job the user entered; only after the dialog closed with OK */
    NewJob newJob() {
        return newJob;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Add Job");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Add a job to the board");
        setMessage("A job needs a title and a company. The listing address is optional.");
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        title = field(fields, "&Title:");
        company = field(fields, "&Company:");
        url = field(fields, "&Listing URL:");
        new Label(fields, SWT.NONE);
        urlProblem = new Label(fields, SWT.WRAP);
        urlProblem.setForeground(fields.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(urlProblem);
        new Label(fields, SWT.NONE).setText("&Stage:");
        stage = new Combo(fields, SWT.READ_ONLY);
        STAGES.forEach(s -> stage.add(s.label()));
        stage.select(STAGES.indexOf(Stage.APPLIED));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Add");
        updateAddButton();
    }

    @Override
    protected void okPressed() {
        newJob = new NewJob(title.getText().strip(), company.getText().strip(), url.getText().strip(),
                STAGES.get(stage.getSelectionIndex()));
        super.okPressed();
    }

    private Text field(Composite fields, String label) {
        new Label(fields, SWT.NONE).setText(label);
        Text text = new Text(fields, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Modify, e -> updateAddButton());
        return text;
    }

    /** Refuses a listing that is not a web address as it is typed, saying why under the field. */
    private void updateAddButton() {
        if (urlProblem == null) {
            return;
        }
        String problem = url.getText().isBlank() ? "" : ListingUrl.problem(url.getText()).orElse("");
        if (!problem.equals(urlProblem.getText())) {
            urlProblem.setText(problem);
            urlProblem.getParent().layout();
        }
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!title.getText().isBlank() && !company.getText().isBlank()
                    && problem.isEmpty());
        }
    }

    /** @return the reason shown under the listing field, empty when the listing is acceptable */
    String listingProblem() {
        return urlProblem.getText();
    }
}
