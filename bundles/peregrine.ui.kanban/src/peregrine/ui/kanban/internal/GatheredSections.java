package peregrine.ui.kanban.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import peregrine.jobs.JobDetails;
import peregrine.jobs.JobDetails.CompanyResearch;

/**
 * The part of a job's own view that is there to read: what Peregrine gathered about the job (the company research,
 * the job's e-mails oldest first, its stage history). Made below the editable fields, in the form's two columns.
 */
final class GatheredSections {

    static final String NO_RESEARCH = "Peregrine has no research on this company yet.";
    static final String NO_EMAILS = "No e-mails about this job.";

    private final Label researchWhen;
    private final Text brief;
    private final Text talkingPoints;
    private final Text redFlags;
    private final Table emails;
    private final Table history;

    /** @param form a composite of two grid columns: labels, then what they label */
    GatheredSections(Composite form) {
        heading(form, "Company research");
        researchWhen = new Label(form, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(0, SWT.DEFAULT).applyTo(researchWhen);
        brief = reading(form, "Brief:");
        talkingPoints = reading(form, "Talking points:");
        redFlags = reading(form, "Red flags:");

        heading(form, "E-mails");
        emails = table(form, "E-mails, oldest first", "Subject", "From", "Date");
        heading(form, "Stage history");
        history = table(form, "Stage history, oldest first", "Stage", "Since");
    }

    void show(JobDetails details) {
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
    }

    private static void heading(Composite form, String text) {
        Label heading = new Label(form, SWT.NONE);
        heading.setText(text);
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(heading);
    }

    private static Text reading(Composite form, String labelText) {
        JobPart.label(form, labelText);
        Text text = new Text(form, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, SWT.DEFAULT).indent(FieldMarks.indent(), 0).applyTo(text);
        JobPart.leavesWithTab(text);
        return text;
    }

    private static Table table(Composite form, String name, String... columns) {
        Table table = new Table(form, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        for (String column : columns) {
            new TableColumn(table, SWT.LEFT).setText(column);
        }
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(0, SWT.DEFAULT).applyTo(table);
        AccessibleNames.name(table, name);
        return table;
    }

    private static void row(Table table, String... texts) {
        new TableItem(table, SWT.NONE).setText(texts);
    }
}
