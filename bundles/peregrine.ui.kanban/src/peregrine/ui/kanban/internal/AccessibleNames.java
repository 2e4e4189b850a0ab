package peregrine.ui.kanban.internal;

import java.util.function.Supplier;

import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;

/**
 * Names the board's controls for screen readers: a card by its job, a button by what it does to which job,
 * where its text or icon alone would say too little.
 */
final class AccessibleNames {

    private AccessibleNames() {
    }

    /** Makes {@code name} what assistive technologies read for {@code control} itself. */
    static void name(Control control, Supplier<String> name) {
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                if (e.childID == ACC.CHILDID_SELF) {
                    e.result = name.get();
                }
            }
        });
    }

    static void name(Control control, String name) {
        name(control, () -> name);
    }
}
