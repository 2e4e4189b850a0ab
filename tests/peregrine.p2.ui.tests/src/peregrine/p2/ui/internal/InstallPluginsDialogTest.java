package peregrine.p2.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.p2.Plugin;

/** Help → Install Calendar Plug-ins… on a real display, over the real p2 installer and a profile of the test's own. */
class InstallPluginsDialogTest {

    @TempDir
    Path dir;
    private Display display;
    private Shell parent;
    private Dialogs dialogs;
    private TestP2 p2;
    private final RecordingWorkbench workbench = new RecordingWorkbench();
    private InstallPluginsDialog dialog;

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getDefault();
        parent = new Shell(display);
        dialogs = new Dialogs(display);
        p2 = new TestP2(dir.resolve("installation"));
        dialog = new InstallPluginsDialog(parent, p2.installer, workbench.workbench);
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    @AfterEach
    void tearDown() {
        dialogs.stop();
        parent.dispose();
        p2.close();
    }

    private void show(String repository) {
        Dialogs.find(dialog.getShell(), Text.class, Text::getEditable).orElseThrow().setText(repository);
        Dialogs.press(dialog.getShell(), "Show Plug-ins");
    }

    private String message() {
        return Dialogs.find(dialog.getShell(), Text.class, t -> !t.getEditable()).orElseThrow().getText();
    }

    private Table table() {
        return dialog.table.viewer().getTable();
    }

    private boolean installEnabled() {
        return Dialogs.find(dialog.getShell(), Button.class, b -> b.getText().equals("&Install")).orElseThrow().isEnabled();
    }

    @Test
    void anUnreachableRepositoryIsNamedInTheMessageAndChangesNothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> before = p2.snapshots();
        String url = "http://127.0.0.1:" + port + "/repository/";

        show(url);

        assertTrue(message().contains(url), message());
        assertEquals(0, table().getItemCount());
        assertFalse(installEnabled());
        assertEquals(before, p2.snapshots(), "the profile is as it was");
        assertEquals(List.of(), p2.installer.installed());
    }

    @Test
    void aFolderThatIsNotAP2RepositoryIsNamedInTheMessageAndChangesNothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("not a repository"));
        Files.writeString(folder.resolve("readme.txt"), "just a folder");
        List<String> before = p2.snapshots();

        show(folder.toString());

        assertTrue(message().strip().startsWith("There is no p2 repository at " + folder.toUri()), message());
        assertEquals(0, table().getItemCount());
        assertFalse(installEnabled());
        assertEquals(before, p2.snapshots(), "the profile is as it was");
    }

    @Test
    void theRepositorysFeaturesAreListedWithNameVersionAndVendor() throws Exception {
        Path repository = dir.resolve("repository");
        p2.repository(repository, "acme.calendar", "Acme Calendar", "1.2.3.v20261201", "Acme Corp", false);

        show(repository.toString());

        assertEquals(1, table().getItemCount(), message());
        assertEquals(List.of("Acme Calendar", "1.2.3.v20261201", "Acme Corp", "acme.calendar"),
                List.of(table().getItem(0).getText(0), table().getItem(0).getText(1), table().getItem(0).getText(2),
                        table().getItem(0).getText(3)));
        assertTrue(installEnabled());
    }

    @Test
    void installingAFeatureChangesTheProfileAndTheRestartIsAskedOf_theWorkbench() throws Exception {
        Path repository = dir.resolve("repository");
        p2.repository(repository, "acme.calendar", "Acme Calendar", "1.2.3", "Acme Corp", false);
        show(repository.toString());
        dialogs.answer("Yes");

        Dialogs.press(dialog.getShell(), "Install");

        assertEquals(List.of(new Plugin("acme.calendar", "1.2.3", "Acme Calendar", "Acme Corp")), p2.installer.installed());
        Dialogs.Asked asked = dialogs.asked().getLast();
        assertTrue(asked.text().contains("Installed Acme Calendar 1.2.3 (acme.calendar).")
                && asked.text().contains("Restart Peregrine Workbench now?"), asked::toString);
        assertEquals(List.of("restart"), workbench.calls);
        assertTrue(dialog.getShell() == null, "the dialog closed");
    }

    @Test
    void unsignedContentIsWarnedAboutAndRefusingItChangesNothing() throws Exception {
        Path repository = dir.resolve("repository");
        p2.repository(repository, "acme.calendar", "Acme Calendar", "1.2.3", "Acme Corp", true);
        show(repository.toString());
        List<String> before = p2.snapshots();
        dialogs.answer("No");

        Dialogs.press(dialog.getShell(), "Install");

        List<Dialogs.Asked> asked = dialogs.asked();
        assertEquals(2, asked.size(), asked::toString);
        assertEquals("Unsigned Content", asked.get(0).title());
        assertTrue(asked.get(0).text().startsWith("Warning:") && asked.get(0).text().contains("acme.calendar.bundle")
                && asked.get(0).text().endsWith("Install it anyway?"), asked.get(0)::toString);
        assertTrue(asked.get(1).text().contains("unsigned or untrusted content, which was refused. Nothing was changed."),
                asked.get(1)::toString);
        assertEquals(before, p2.snapshots(), "the profile is as it was");
        assertEquals(List.of(), p2.installer.installed());
        assertEquals(List.of(), workbench.calls, "no restart");
        assertFalse(Files.exists(p2.installation().toPath().resolve("plugins/acme.calendar.bundle_1.2.3.jar")));
    }
}
