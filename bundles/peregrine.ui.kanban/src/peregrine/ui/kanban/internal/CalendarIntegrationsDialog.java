package peregrine.ui.kanban.internal;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.settings.Secrets;
import peregrine.settings.SettingsException;
import peregrine.settings.WorkbenchSettings;

/**
 * Every active calendar integration with its status, its settings file, a connection test and a check box
 * saying whether interviews go to it ({@code calendar_targets:} in {@code user.yaml}, in the integrations'
 * order; none checked means the calendar already holding a job, else the first connected one). Status
 * and test read files and the network, so both run in the background and fill their line in when done:
 * the status line shows the latest of them, the settings as read or the answer of the last test, with its
 * time. Each group carries its {@link CalendarProvider} as widget data, so that tests can tell them apart.
 * <p>
 * For a provider with a {@link CalendarProvider#storableSecret()} (the CalDAV provider's
 * {@code app_password}) the user may keep that secret in Eclipse secure storage ({@link Secrets}) instead of
 * its YAML file: writes run in the background, then the status is read again. The file's secret wins, so
 * while the file holds one the field is disabled and a line says that the file's is used.
 */
final class CalendarIntegrationsDialog extends Dialog {

    static final String TEST_CONNECTION = "Test connection";
    static final String SAVE_PASSWORD = "Save in secure storage";
    static final String REMOVE_PASSWORD = "Remove";
    static final String CONNECTION_WORKS = "the connection works.";
    static final String CONNECTION_FAILED = "The connection test failed";
    static final String TARGET = "Add interviews to this calendar";
    static final String TARGETS_NOTE = "With no calendar checked, an interview goes to the calendar that already holds it, "
            + "else to the first connected one.";
    private static final String FAILED = " failed unexpectedly. Details are in the error log.";
    private static final DateTimeFormatter TESTED_AT = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);

    private final List<CalendarProvider> providers;
    private final WorkbenchSettings settings;
    private final UISynchronize sync;
    private final Optional<Secrets> secrets;
    private final Runnable release;
    /** Each provider's "interviews go here" check box, in the providers' order. */
    private final java.util.Map<CalendarProvider, Button> targets = new java.util.LinkedHashMap<>();
    private Label targetsOutcome;

    CalendarIntegrationsDialog(Shell parent, List<CalendarProvider> providers, WorkbenchSettings settings,
            UISynchronize sync) {
        this(parent, providers, settings, sync, FrameworkUtil.getBundle(CalendarIntegrationsDialog.class));
    }

    private CalendarIntegrationsDialog(Shell parent, List<CalendarProvider> providers, WorkbenchSettings settings,
            UISynchronize sync, Bundle bundle) {
        super(parent);
        this.providers = providers;
        this.settings = settings;
        this.sync = sync;
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<Secrets> reference = context == null ? null : context.getServiceReference(Secrets.class);
        this.secrets = reference == null ? Optional.empty() : Optional.ofNullable(context.getService(reference));
        this.release = reference == null ? () -> { } : () -> context.ungetService(reference);
    }

    /** For tests: {@code secrets} instead of the registry's. */
    CalendarIntegrationsDialog(Shell parent, List<CalendarProvider> providers, WorkbenchSettings settings,
            UISynchronize sync, Optional<Secrets> secrets) {
        super(parent);
        this.providers = providers;
        this.settings = settings;
        this.sync = sync;
        this.secrets = secrets;
        this.release = () -> { };
    }

    @Override
    public boolean close() {
        boolean closed = super.close();
        if (closed) {
            release.run();
        }
        return closed;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Calendar Integrations");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (providers.isEmpty()) {
            Label none = new Label(area, SWT.WRAP);
            none.setText("No calendar integration is installed. Install a calendar feature, such as Apple iCloud / "
                    + "CalDAV, and write its settings file in " + settings.configDirectory().resolve("integrations") + ".");
            GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(none);
        }
        providers.forEach(provider -> integration(area, provider));
        if (!providers.isEmpty()) {
            targetsOutcome = new Label(area, SWT.WRAP);
            setText(targetsOutcome, TARGETS_NOTE);
            GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(targetsOutcome);
            targets.values().forEach(box -> box.setEnabled(false));
            inBackground("Reading which calendars get interviews", settings::calendarTargets, Optional.<List<String>>empty(), chosen -> {
                targets.forEach((provider, box) -> {
                    box.setSelection(chosen.map(ids -> ids.contains(provider.id())).orElse(false));
                    box.setEnabled(true);
                });
            }, area);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    private void integration(Composite area, CalendarProvider provider) {
        Group group = new Group(area, SWT.NONE);
        group.setData(provider);
        group.setText(provider.label());
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(group);

        // One line for the latest word on the connection: the settings as read, or the last test's answer.
        Label status = line(group, "Status:", "Reading the settings\u2026");
        line(group, "Settings:", settings.integrationFile(provider.id()).toString());
        new Label(group, SWT.NONE);
        Button test = new Button(group, SWT.PUSH);
        test.setText(TEST_CONNECTION);
        test.setToolTipText("Ask the calendar whether it accepts these settings");
        StatusLine statusLine = new StatusLine(status, group);
        test.addListener(SWT.Selection, e -> {
            test.setEnabled(false);
            status.setText("Testing the connection\u2026");
            statusLine.ask("Testing " + provider.label(), () -> testConnection(provider), () -> test.setEnabled(true));
        });
        new Label(group, SWT.NONE);
        Button target = new Button(group, SWT.CHECK);
        target.setText(TARGET);
        target.setToolTipText("calendar_targets: in user.yaml");
        target.addListener(SWT.Selection, e -> writeTargets());
        targets.put(provider, target);
        Runnable readStatus = () -> statusLine.ask("Reading the status of " + provider.label(), () -> describe(provider), () -> { });
        Runnable refresh = provider.storableSecret().map(key -> securePassword(group, provider, key, readStatus))
                .orElse(readStatus);
        refresh.run();
    }

    /**
     * The password field with "Save in secure storage" and "Remove", and a line saying which password the
     * provider uses; or a line saying why there is no field.
     *
     * @return reads the status and which password is used again
     */
    private Runnable securePassword(Group group, CalendarProvider provider, String key, Runnable readStatus) {
        if (secrets.isEmpty()) {
            line(group, "Password:", "Secure storage is not available in this installation: keep " + key + " in the settings file.");
            return readStatus;
        }
        Secrets store = secrets.get();
        new Label(group, SWT.NONE).setText("Password:");
        Text password = new Text(group, SWT.BORDER | SWT.PASSWORD | SWT.SINGLE);
        password.setMessage(key);
        password.setToolTipText("Kept encrypted in Eclipse secure storage; used when the settings file has no " + key);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(password);
        new Label(group, SWT.NONE);
        Label used = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(used);
        new Label(group, SWT.NONE);
        Composite buttons = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        Button save = new Button(buttons, SWT.PUSH);
        save.setText(SAVE_PASSWORD);
        Button remove = new Button(buttons, SWT.PUSH);
        remove.setText(REMOVE_PASSWORD);
        remove.setToolTipText("Remove the password from secure storage");
        new Label(group, SWT.NONE);
        Label outcome = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(outcome);
        Path file = settings.integrationFile(provider.id());
        Runnable refresh = () -> {
            readStatus.run();
            inBackground("Reading which password " + provider.label() + " uses", () -> fileHolds(provider, key), false, inFile -> {
                // The provider reads secure storage only when the file has no password: a typed one would go unused.
                password.setEnabled(!inFile);
                save.setEnabled(!inFile);
                setText(used, inFile ? file + " holds " + key + ", and that password is used. To keep it in secure storage "
                        + "instead, delete the " + key + " line from the file; then save it here."
                        : file + " has no " + key + ": the password in secure storage is used.");
                grow();
            }, group);
        };
        save.addListener(SWT.Selection, e -> {
            String value = password.getText();
            if (value.isBlank()) {
                outcome.setText("Type the password first.");
                return;
            }
            password.setText("");
            secureStorageWrite(save, remove, outcome, group, refresh, "Saving the password of " + provider.label(), () -> {
                store.put(provider.id(), key, value.strip());
                return fileHolds(provider, key)
                        ? "Saved in Eclipse secure storage, but not used: " + file + " holds " + key
                                + ", and the file's password wins. Delete the " + key + " line from the file to use the saved one."
                        : "Saved in Eclipse secure storage; it is used, since " + file + " has no " + key + ".";
            });
        });
        remove.addListener(SWT.Selection, e -> secureStorageWrite(save, remove, outcome, group, refresh,
                "Removing the password of " + provider.label(), () -> {
                    store.remove(provider.id(), key);
                    return "Removed from Eclipse secure storage. Without it, " + file + " needs " + key + ".";
                }));
        return refresh;
    }

    /** Writes the checked calendars, in order, as {@code calendar_targets:}; none checked removes the list. */
    private void writeTargets() {
        List<String> chosen = targets.entrySet().stream().filter(entry -> entry.getValue().getSelection())
                .map(entry -> entry.getKey().id()).toList();
        Optional<List<String>> written = chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
        targets.values().forEach(box -> box.setEnabled(false));
        inBackground("Saving which calendars get interviews", () -> {
            try {
                settings.setCalendarTargets(written);
                return written.map(ids -> "Interviews go to " + String.join(", ", targets.keySet().stream()
                        .filter(p -> ids.contains(p.id())).map(CalendarProvider::label).toList()) + ".").orElse(TARGETS_NOTE);
            } catch (SettingsException e) {
                return e.getMessage();
            }
        }, "Saving which calendars get interviews" + FAILED, text -> {
            targets.values().forEach(box -> box.setEnabled(true));
            setText(targetsOutcome, text);
            grow();
        }, targetsOutcome);
    }

    /** @return whether the provider's settings file holds {@code key}; a file that cannot be read holds nothing usable */
    private boolean fileHolds(CalendarProvider provider, String key) {
        try {
            return settings.integration(provider.id()).flatMap(config -> config.text(key)).isPresent();
        } catch (SettingsException e) {
            // The status line names the file and its fault.
            return false;
        }
    }

    @FunctionalInterface
    private interface SecretsWrite {
        String run() throws SettingsException;
    }

    private void secureStorageWrite(Button save, Button remove, Label outcome, Control owner, Runnable refresh, String name,
            SecretsWrite write) {
        save.setEnabled(false);
        remove.setEnabled(false);
        outcome.setText("Working\u2026");
        inBackground(name, () -> {
            try {
                return write.run();
            } catch (SettingsException e) {
                return e.getMessage();
            }
        }, name + FAILED, text -> {
            save.setEnabled(true);
            remove.setEnabled(true);
            setText(outcome, text);
            grow();
            refresh.run();
        }, owner);
    }

    /**
     * An integration's status line. It shows the answer to the latest question asked, a status read or a
     * connection test: answers may arrive out of order, and an older one is stale.
     */
    private final class StatusLine {
        private final Label label;
        private final Control owner;
        /** How many questions were asked; touched on the display thread only. */
        private int asked;

        StatusLine(Label label, Control owner) {
            this.label = label;
            this.owner = owner;
        }

        /** Asks {@code work} in the background; {@code answered} runs on the display thread when it answers. */
        void ask(String name, Supplier<String> work, Runnable answered) {
            int question = ++asked;
            inBackground(name, work, name + FAILED, text -> {
                answered.run();
                if (question == asked) {
                    setText(label, text);
                    grow();
                }
            }, owner);
        }
    }

    /** Makes room for text that arrived after the dialog took its size; never shrinks what the user chose. */
    private void grow() {
        Shell shell = getShell();
        Point wanted = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        Point size = shell.getSize();
        shell.setSize(Math.max(size.x, wanted.x), Math.max(size.y, wanted.y));
        shell.layout(true, true);
    }

    private static String describe(CalendarProvider provider) {
        ProviderStatus status = ProviderStatus.of(provider);
        return (status.connected() ? "Connected. " : "Not connected. ") + status.message();
    }

    /** @return the status after asking the calendar, with the time of asking: a repeated test shows as new */
    private static String testConnection(CalendarProvider provider) {
        String at = TESTED_AT.format(LocalTime.now());
        try {
            provider.testConnection();
            return describe(provider) + " \u2013 tested at " + at + ": " + CONNECTION_WORKS;
        } catch (CalendarException e) {
            return CONNECTION_FAILED + " at " + at + ": " + e.getMessage();
        }
    }

    private static Label line(Composite group, String name, String value) {
        new Label(group, SWT.NONE).setText(name);
        Label text = new Label(group, SWT.WRAP);
        setText(text, value);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private static void setText(Label label, String text) {
        // A label reads '&' as a mnemonic marker.
        label.setText(text.replace("&", "&&"));
    }

    /**
     * Runs {@code work} in a background job and shows its result, unless the dialog closed meanwhile;
     * {@code ifBroken} stands in for the result when the work fails unexpectedly.
     */
    private <T> void inBackground(String name, Supplier<T> work, T ifBroken, Consumer<T> show, Control owner) {
        Job job = Job.create(name, monitor -> {
            T result;
            IStatus status;
            try {
                result = work.get();
                status = Status.OK_STATUS;
            } catch (RuntimeException e) {
                // A bug in the provider: the user gets a sentence, the log gets the trace.
                result = ifBroken;
                status = Status.error(name + " failed", e);
            }
            T shown = result;
            sync.asyncExec(() -> {
                if (!owner.isDisposed()) {
                    show.accept(shown);
                }
            });
            return status;
        });
        job.setSystem(true);
        job.schedule();
    }
}
