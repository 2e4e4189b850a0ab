package peregrine.ui.kanban.internal;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * Makes a date or time field leavable by keyboard. GTK's {@link DateTime} takes every key press for its own
 * fields (Tab and Right go to its next field, month, day, year) and sends SWT neither a key nor a traverse
 * event for it: a keyboard user could not leave it. The key's release does reach SWT, so a release of Tab,
 * Shift+Tab, Return or Escape in the field whose press SWT did not see acts: Tab and Shift+Tab traverse to
 * the next or previous control, Return saves and Escape cancels. A release whose press SWT saw, such as that
 * of the Tab that brought the focus into the field, is left alone; so are the keys of a platform whose
 * field sends them as usual.
 */
final class DateFieldKeys {

    private DateFieldKeys() {
    }

    static void install(DateTime field, Runnable save, Runnable cancel) {
        Display display = field.getDisplay();
        // The keys whose press SWT delivered somewhere and whose release has not come yet.
        Set<Integer> pressedElsewhere = new HashSet<>();
        // A press that traverses arrives as a traverse event only; the field's own traverse events name no key.
        Listener seen = e -> {
            if (e.type != SWT.KeyUp && e.keyCode != 0) {
                pressedElsewhere.add(e.keyCode);
            } else if (e.type == SWT.KeyUp && e.widget != field) {
                pressedElsewhere.remove(e.keyCode);
            }
        };
        int[] types = { SWT.KeyDown, SWT.Traverse, SWT.KeyUp };
        for (int type : types) {
            display.addFilter(type, seen);
        }
        field.addListener(SWT.Dispose, e -> {
            for (int type : types) {
                display.removeFilter(type, seen);
            }
        });
        field.addListener(SWT.KeyUp, (Event e) -> {
            if (pressedElsewhere.remove(e.keyCode)) {
                return;
            }
            switch (e.keyCode) {
                case SWT.TAB -> field.traverse((e.stateMask & SWT.SHIFT) != 0 ? SWT.TRAVERSE_TAB_PREVIOUS
                        : SWT.TRAVERSE_TAB_NEXT);
                case SWT.CR, SWT.KEYPAD_CR -> save.run();
                case SWT.ESC -> cancel.run();
                default -> {
                    // every other key is the field's own
                }
            }
        });
    }
}
