package peregrine.ui.kanban.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * The line above the board that says what went wrong or how a long action ended: a JFace message image,
 * the text, and a Close button that dismisses it. Hidden until shown; the owner's layout must be a
 * GridLayout, whose {@link GridData#exclude} hides the line's space with it.
 */
final class MessageLine {

    static final String CLOSE = "Close";

    private final Composite line;
    private final CLabel text;

    MessageLine(Composite parent) {
        line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(0, 2).applyTo(line);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(line);
        text = new CLabel(line, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(text);
        Button close = new Button(line, SWT.PUSH);
        close.setText(CLOSE);
        close.setToolTipText("Close this message");
        close.addListener(SWT.Selection, e -> hide());
        setShown(false);
    }

    /** Shows {@code message} with the JFace message image {@code imageKey}. */
    void show(String imageKey, String message) {
        text.setImage(JFaceResources.getImage(imageKey));
        text.setText(message);
        text.setToolTipText(message);
        setShown(true);
    }

    void hide() {
        setShown(false);
    }

    private void setShown(boolean visible) {
        GridData data = (GridData) line.getLayoutData();
        if (line.getVisible() != visible || data.exclude == visible) {
            line.setVisible(visible);
            data.exclude = !visible;
            line.getParent().layout();
        }
    }
}
