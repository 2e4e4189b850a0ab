package peregrine.p2.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Drives real SWT dialogs: answers message dialogs as a user would, by pressing their buttons (and closes the About
 * dialog), recording what each showed; and finds widgets.
 */
final class Dialogs {

    /** A message dialog that was shown: its title, its text, and the button pressed. */
    record Asked(String title, String text, String pressed) {
    }

    private final Display display;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private volatile String answer = "OK";
    private volatile boolean running = true;

    Dialogs(Display display) {
        this.display = display;
        display.timerExec(50, this::poll);
    }

    /** From now on, answers each question by pressing the button with this label (e.g. "Yes", "No", "OK"). */
    void answer(String button) {
        this.answer = button;
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    void stop() {
        running = false;
    }

    private void poll() {
        if (!running || display.isDisposed()) {
            return;
        }
        for (Shell shell : display.getShells()) {
            if (shell.isVisible() && shell.getData() instanceof AboutDialog about) {
                asked.add(new Asked(shell.getText(), String.join("\n", texts(shell)), "Close"));
                about.close();
            } else if (shell.isVisible() && shell.getData() instanceof MessageDialog) {
                String text = String.join("\n", texts(shell));
                Optional<Button> button = find(shell, Button.class, b -> b.getText().replace("&", "").equals(answer))
                        .or(() -> find(shell, Button.class, b -> b.getText().replace("&", "").equals("OK")));
                asked.add(new Asked(shell.getText(), text, button.map(b -> b.getText().replace("&", "")).orElse("close")));
                if (button.isPresent()) {
                    button.get().notifyListeners(SWT.Selection, null);
                } else {
                    shell.close();
                }
            }
        }
        display.timerExec(50, this::poll);
    }

    static List<String> texts(Composite parent) {
        List<String> texts = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (child instanceof Label label && !label.getText().isBlank()) {
                texts.add(label.getText());
            } else if (child instanceof Text text && !text.getText().isBlank()) {
                texts.add(text.getText().strip());
            } else if (child instanceof Table table) {
                for (TableItem item : table.getItems()) {
                    texts.add(item.getText(0) + " " + item.getText(1));
                }
            } else if (child instanceof Composite composite) {
                texts.addAll(texts(composite));
            }
        }
        return texts;
    }

    static <T extends Control> Optional<T> find(Composite parent, Class<T> type, Predicate<T> which) {
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child) && which.test(type.cast(child))) {
                return Optional.of(type.cast(child));
            }
            if (child instanceof Composite composite) {
                Optional<T> found = find(composite, type, which);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Presses the button labelled {@code label} (without its mnemonic) in {@code parent}. */
    static void press(Composite parent, String label) {
        Button button = find(parent, Button.class, b -> b.getText().replace("&", "").equals(label))
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + parent));
        if (!button.isEnabled()) {
            throw new AssertionError("the button " + label + " is disabled");
        }
        button.notifyListeners(SWT.Selection, null);
    }

    /** Runs the event loop until {@code done} holds, or fails after 30 s. */
    void until(BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; dialogs so far: " + asked);
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }
}
