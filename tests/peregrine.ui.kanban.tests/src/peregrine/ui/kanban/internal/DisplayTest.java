package peregrine.ui.kanban.internal;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class on a real SWT display (Xvfb's), made before its first test and disposed after its last. */
abstract class DisplayTest {

    static Display display;

    @BeforeAll
    static void createDisplay() {
        display = new Display();
    }

    @AfterAll
    static void disposeDisplay() {
        display.dispose();
    }
}
