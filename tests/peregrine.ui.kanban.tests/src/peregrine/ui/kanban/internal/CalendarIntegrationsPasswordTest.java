package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.ui.kanban.internal.BoardHarness.all;
import static peregrine.ui.kanban.internal.BoardHarness.button;
import static peregrine.ui.kanban.internal.BoardHarness.labelTexts;
import static peregrine.ui.kanban.internal.BoardHarness.press;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;
import peregrine.jobs.sqlite.SqliteJobStores;
import peregrine.settings.Secrets;
import peregrine.settings.WorkbenchSettings;

/** The CalDAV password field of the integrations dialog, over an in-memory {@link Secrets}. */
class CalendarIntegrationsPasswordTest extends DisplayTest {

    @TempDir
    Path dir;

    /** Secrets in a map; remembers the threads that wrote. */
    static final class MapSecrets implements Secrets {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final List<Thread> writers = new CopyOnWriteArrayList<>();

        @Override
        public Optional<String> get(String integration, String key) {
            return Optional.ofNullable(values.get(integration + "/" + key));
        }

        @Override
        public void put(String integration, String key, String value) {
            writers.add(Thread.currentThread());
            values.put(integration + "/" + key, value);
        }

        @Override
        public void remove(String integration, String key) {
            writers.add(Thread.currentThread());
            values.remove(integration + "/" + key);
        }
    }

    /** Connected exactly while the secrets hold its password, as the CalDAV provider is when its file has none. */
    record SecureCalendar(MapSecrets secrets) implements CalendarProvider {
        @Override
        public String id() {
            return "apple_calendar";
        }

        @Override
        public String label() {
            return "Apple iCloud / CalDAV";
        }

        @Override
        public Optional<String> storableSecret() {
            return Optional.of("app_password");
        }

        @Override
        public ProviderStatus status() {
            return secrets.get("apple_calendar", "app_password").isPresent()
                    ? ProviderStatus.connected("CalDAV calendar 'Jobs' as ada (password from Eclipse secure storage)")
                    : ProviderStatus.notConnected("app_password is missing");
        }

        @Override
        public RemoteEvent create(CalendarEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemoteEvent update(RemoteEvent known, CalendarEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(RemoteEvent event) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void thePasswordIsSavedInAndRemovedFromSecureStorageInTheBackgroundAndTheStatusIsReadAgain() {
        MapSecrets secrets = new MapSecrets();
        SecureCalendar calendar = new SecureCalendar(secrets);
        WorkbenchSettings settings = BoardHarness.service(WorkbenchSettings.class);
        BoardHarness harness = new BoardHarness(display, SqliteJobStores.open(dir.resolve("staging.db")));
        Shell parent = new Shell(display);
        CalendarIntegrationsDialog dialog = new CalendarIntegrationsDialog(parent, List.of(calendar), settings,
                harness.context.get(org.eclipse.e4.ui.di.UISynchronize.class), Optional.of(secrets));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Group group = all(dialog.getShell(), Group.class).stream().filter(g -> g.getData() == calendar).findFirst().orElseThrow();
            harness.waitUntil("the status is read", () -> labelTexts(group).contains("Not connected. app_password is missing"));
            Text password = all(group, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).findFirst().orElseThrow();

            password.setText("pw-0042");
            press(button(group, CalendarIntegrationsDialog.SAVE_PASSWORD).orElseThrow());
            harness.waitUntil("the password is saved", () -> labelTexts(group).stream().anyMatch(t -> t.startsWith("Saved in Eclipse secure storage")));
            assertEquals(Optional.of("pw-0042"), secrets.get("apple_calendar", "app_password"));
            assertEquals("", password.getText(), "the field is cleared");
            String file = settings.integrationFile("apple_calendar").toString();
            assertTrue(labelTexts(group).contains("Saved in Eclipse secure storage; it is used, since " + file
                    + " has no app_password."), labelTexts(group).toString());
            harness.waitUntil("the status is read again", () -> labelTexts(group)
                    .contains("Connected. CalDAV calendar 'Jobs' as ada (password from Eclipse secure storage)"));
            assertFalse(labelTexts(group).stream().anyMatch(t -> t.contains("pw-0042")));

            press(button(group, CalendarIntegrationsDialog.REMOVE_PASSWORD).orElseThrow());
            harness.waitUntil("the password is removed", () -> labelTexts(group).stream().anyMatch(t -> t.startsWith("Removed from Eclipse secure storage")));
            assertTrue(secrets.values.isEmpty());
            harness.waitUntil("the status is read again", () -> labelTexts(group).contains("Not connected. app_password is missing"));
            assertEquals(2, secrets.writers.size());
            assertTrue(secrets.writers.stream().noneMatch(t -> t == display.getThread()), "a write ran on the display thread");
        } finally {
            dialog.close();
            parent.dispose();
            harness.close();
        }
    }

    @Test
    void whileTheSettingsFileHoldsAPasswordTheFieldIsDisabledAndTheDialogSaysTheFilesIsUsed() throws IOException {
        MapSecrets secrets = new MapSecrets();
        SecureCalendar calendar = new SecureCalendar(secrets);
        WorkbenchSettings settings = BoardHarness.service(WorkbenchSettings.class);
        Path file = settings.integrationFile("apple_calendar");
        writeWithPassword(file);
        BoardHarness harness = new BoardHarness(display, SqliteJobStores.open(dir.resolve("staging.db")));
        Shell parent = new Shell(display);
        CalendarIntegrationsDialog dialog = new CalendarIntegrationsDialog(parent, List.of(calendar), settings,
                harness.context.get(org.eclipse.e4.ui.di.UISynchronize.class), Optional.of(secrets));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Group group = all(dialog.getShell(), Group.class).stream().filter(g -> g.getData() == calendar).findFirst().orElseThrow();
            String used = file + " holds app_password, and that password is used. To keep it in secure storage instead, "
                    + "delete the app_password line from the file; then save it here.";
            harness.waitUntil("the dialog says which password is used", () -> labelTexts(group).contains(used));
            Text password = all(group, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).findFirst().orElseThrow();
            assertFalse(password.isEnabled(), "a typed password would go unused");
            assertFalse(button(group, CalendarIntegrationsDialog.SAVE_PASSWORD).orElseThrow().isEnabled());
        } finally {
            dialog.close();
            parent.dispose();
            harness.close();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPasswordSavedWhileTheSettingsFileGotOneIsReportedAsUnused() throws IOException {
        MapSecrets secrets = new MapSecrets();
        SecureCalendar calendar = new SecureCalendar(secrets);
        WorkbenchSettings settings = BoardHarness.service(WorkbenchSettings.class);
        Path file = settings.integrationFile("apple_calendar");
        Files.deleteIfExists(file);
        BoardHarness harness = new BoardHarness(display, SqliteJobStores.open(dir.resolve("staging.db")));
        Shell parent = new Shell(display);
        CalendarIntegrationsDialog dialog = new CalendarIntegrationsDialog(parent, List.of(calendar), settings,
                harness.context.get(org.eclipse.e4.ui.di.UISynchronize.class), Optional.of(secrets));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Group group = all(dialog.getShell(), Group.class).stream().filter(g -> g.getData() == calendar).findFirst().orElseThrow();
            harness.waitUntil("the dialog says which password is used",
                    () -> labelTexts(group).contains(file + " has no app_password: the password in secure storage is used."));
            Text password = all(group, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).findFirst().orElseThrow();
            assertTrue(password.isEnabled());

            // The user edits the file while the dialog is open, then saves a password here.
            writeWithPassword(file);
            password.setText("pw-0043");
            press(button(group, CalendarIntegrationsDialog.SAVE_PASSWORD).orElseThrow());

            harness.waitUntil("the password is saved", () -> labelTexts(group).stream().anyMatch(t -> t.startsWith("Saved in")));
            assertTrue(labelTexts(group).contains("Saved in Eclipse secure storage, but not used: " + file
                    + " holds app_password, and the file's password wins. Delete the app_password line from the file to use "
                    + "the saved one."), labelTexts(group).toString());
            harness.waitUntil("the field is disabled", () -> !password.isEnabled());
            assertFalse(labelTexts(group).stream().anyMatch(t -> t.contains("pw-0043") || t.contains("file-pw-7")));
        } finally {
            dialog.close();
            parent.dispose();
            harness.close();
            Files.deleteIfExists(file);
        }
    }

    private static void writeWithPassword(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "caldav_url: https://caldav.example/\nusername: ada\napp_password: file-pw-7\n"
                + "calendar_name: Jobs\n");
    }
}
