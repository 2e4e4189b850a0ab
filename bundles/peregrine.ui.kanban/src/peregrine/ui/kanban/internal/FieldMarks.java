package peregrine.ui.kanban.internal;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

import peregrine.jobs.JobEdit.Field;

/**
 * The marks of a form's fields that may not be saved as they are: JFace's error decoration at the field's top left,
 * with the problem's words as its description (its tooltip), whether the field has the focus or not.
 */
final class FieldMarks {

    private final Map<Field, ControlDecoration> marks = new EnumMap<>(Field.class);

    /** Gives {@code field}, shown in {@code control}, a mark, hidden until {@link #show}. */
    void add(Field field, Control control) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.setImage(errorImage());
        decoration.setShowOnlyOnFocus(false);
        decoration.hide();
        marks.put(field, decoration);
    }

    /** Shows the mark of each field in {@code problems} with its problem's words. */
    void show(Map<Field, String> problems) {
        problems.forEach((field, problem) -> {
            marks.get(field).setDescriptionText(problem);
            marks.get(field).show();
        });
    }

    void hide(Field field) {
        marks.get(field).hide();
    }

    void hideAll() {
        marks.values().forEach(ControlDecoration::hide);
    }

    ControlDecoration get(Field field) {
        return marks.get(field);
    }

    /** @return how far a field is indented so that its mark fits beside it */
    static int indent() {
        return errorImage().getBounds().width + 2;
    }

    private static Image errorImage() {
        return FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage();
    }
}
