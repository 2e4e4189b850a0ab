package peregrine.p2.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.p2.PluginResult;
import peregrine.p2.UnsignedContent;

/** Help → Installed Plug-ins on a real display, over the real p2 installer and a profile of the test's own. */
class InstalledPluginsDialogTest {

    @TempDir
    Path dir;
    private Display display;
    private Shell parent;
    private Dialogs dialogs;
    private TestP2 p2;
    private final RecordingWorkbench workbench = new RecordingWorkbench();

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getDefault();
        parent = new Shell(display);
        dialogs = new Dialogs(display);
        p2 = new TestP2(dir.resolve("installation"));
    }

    @AfterEach
    void tearDown() {
        dialogs.stop();
        parent.dispose();
        p2.close();
    }

    private InstalledPluginsDialog open() {
        InstalledPluginsDialog dialog = new InstalledPluginsDialog(parent, p2.installer, workbench.workbench);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private static String message(InstalledPluginsDialog dialog) {
        return Dialogs.find(dialog.getShell(), Text.class, t -> !t.getEditable()).orElseThrow().getText();
    }

    @Test
    void withNothingInstalledItSaysHowToInstallAndCannotUninstall() {
        InstalledPluginsDialog dialog = open();

        assertEquals(0, dialog.table.viewer().getTable().getItemCount());
        assertTrue(message(dialog).startsWith("No plug-in is installed."), message(dialog));
        assertFalse(Dialogs.find(dialog.getShell(), Button.class, b -> b.getText().equals("&Uninstall…")).orElseThrow().isEnabled());
    }

    @Test
    void anInstalledPlugInIsListedAndUninstallingItEmptiesTheProfileAndOffersToRestart() throws Exception {
        Path repository = dir.resolve("repository");
        p2.repository(repository, "acme.calendar", "Acme Calendar", "2.0.0", "Acme Corp", false);
        PluginResult installed = p2.installer.install(repository.toString(), "acme.calendar", UnsignedContent.REFUSE, new NullProgressMonitor());
        assertTrue(installed.ok(), installed::message);
        InstalledPluginsDialog dialog = open();
        assertEquals(List.of("Acme Calendar", "2.0.0", "Acme Corp"), List.of(dialog.table.viewer().getTable().getItem(0).getText(0),
                dialog.table.viewer().getTable().getItem(0).getText(1), dialog.table.viewer().getTable().getItem(0).getText(2)));
        dialogs.answer("Yes");

        Dialogs.press(dialog.getShell(), "Uninstall…");

        List<Dialogs.Asked> asked = dialogs.asked();
        assertEquals(2, asked.size(), asked::toString);
        assertTrue(asked.get(0).text().startsWith("Uninstall Acme Calendar 2.0.0?"), asked.get(0)::toString);
        assertTrue(asked.get(1).text().contains("Uninstalled Acme Calendar 2.0.0 (acme.calendar)."), asked.get(1)::toString);
        assertEquals(List.of(), p2.installer.installed());
        assertEquals(0, dialog.table.viewer().getTable().getItemCount());
        assertEquals(List.of("restart"), workbench.calls);
        dialog.close();
    }
}
