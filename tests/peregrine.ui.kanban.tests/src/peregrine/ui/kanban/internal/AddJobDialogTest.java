package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Add Job dialog in a real shell, its fields typed into as a user would. */
class AddJobDialogTest extends DisplayTest {

    private Shell parent;
    private AddJobDialog dialog;

    @BeforeEach
    void openDialog() {
        parent = new Shell(display);
        dialog = new AddJobDialog(parent);
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    @AfterEach
    void close() {
        dialog.close();
        parent.dispose();
    }

    @Test
    void aListingThatIsNotAWebAddressIsRefusedAtTheFieldWithTheReasonAndAddStaysDisabled() {
        type(0, "Platform Engineer");
        type(1, "Acme");
        assertTrue(add().isEnabled(), "title and company are enough");

        for (String refused : List.of("www.acme.example/jobs/1", "javascript:alert(1)", "file:///etc/passwd",
                "https://", "ftp://acme.example/job")) {
            type(2, refused);
            assertTrue(dialog.listingProblem().startsWith("\u201c" + refused + "\u201d is not a web address"),
                    refused + ": " + dialog.listingProblem());
            assertTrue(shownLabels().contains(dialog.listingProblem()), "shown beside the field: " + shownLabels());
            assertFalse(add().isEnabled(), refused);
        }

        type(2, " https://acme.example/jobs/1 ");
        assertEquals("", dialog.listingProblem());
        assertTrue(add().isEnabled());
        BoardHarness.press(add());
        assertEquals("https://acme.example/jobs/1", dialog.newJob().url());
    }

    @Test
    void anEmptyListingIsAcceptedSinceItIsOptional() {
        type(0, "Platform Engineer");
        type(1, "Acme");
        type(2, "");
        assertEquals("", dialog.listingProblem());
        assertTrue(add().isEnabled());
    }

    private void type(int field, String text) {
        BoardHarness.all(dialog.getShell(), Text.class).stream().filter(Text::getEditable).toList().get(field).setText(text);
        while (display.readAndDispatch()) {
            // let the dialog react
        }
    }

    private Button add() {
        return BoardHarness.all(dialog.getShell(), Button.class).stream().filter(b -> b.getText().equals("Add"))
                .findFirst().orElseThrow();
    }

    private List<String> shownLabels() {
        return BoardHarness.all(dialog.getShell(), Label.class).stream().filter(Label::isVisible).map(Label::getText)
                .toList();
    }
}
