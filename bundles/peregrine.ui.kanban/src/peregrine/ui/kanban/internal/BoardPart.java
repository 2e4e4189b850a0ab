package peregrine.ui.kanban.internal;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The Interviews board. (Skeleton: being built.) */
public class BoardPart {

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        new Label(parent, SWT.NONE).setText("Interviews");
    }
}
