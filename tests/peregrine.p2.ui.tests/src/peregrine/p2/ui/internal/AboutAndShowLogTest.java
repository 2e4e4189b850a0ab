package peregrine.p2.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import peregrine.p2.PluginInstaller;
import peregrine.p2.UnsignedContent;

/** Help → About Peregrine Workbench and Help → Show Log on a real display. */
class AboutAndShowLogTest {

    @TempDir
    Path dir;
    private Display display;
    private Shell parent;
    private Dialogs dialogs;

    @BeforeEach
    void setUp() {
        display = Display.getDefault();
        parent = new Shell(display);
        dialogs = new Dialogs(display);
    }

    @AfterEach
    void tearDown() {
        dialogs.stop();
        parent.dispose();
    }

    @Test
    void aboutShowsTheVersionTheBuildAndEveryInstalledFeatureWithItsVersion() throws Exception {
        try (TestP2 p2 = new TestP2(dir.resolve("installation"))) {
            p2.repository(dir.resolve("one"), "acme.calendar", "Acme Calendar", "1.0.0", "Acme Corp", false);
            p2.repository(dir.resolve("two"), "zeta.calendar", "Zeta Calendar", "3.1.4", "Zeta", false);
            assertTrue(p2.installer.install(dir.resolve("one").toString(), "acme.calendar", UnsignedContent.REFUSE, new NullProgressMonitor()).ok());
            assertTrue(p2.installer.install(dir.resolve("two").toString(), "zeta.calendar", UnsignedContent.REFUSE, new NullProgressMonitor()).ok());
            IEclipseContext context = EclipseContextFactory.create("about test");
            context.set(IServiceConstants.ACTIVE_SHELL, parent);
            context.set(PluginInstaller.class, p2.installer);

            ContextInjectionFactory.invoke(ContextInjectionFactory.make(AboutHandler.class, context), Execute.class, context);

            assertEquals(1, dialogs.asked().size(), dialogs.asked()::toString);
            Dialogs.Asked about = dialogs.asked().get(0);
            assertEquals("About Peregrine Workbench", about.title());
            Version own = FrameworkUtil.getBundle(AboutHandler.class).getVersion();
            assertTrue(about.text().contains("Version " + own.getMajor() + "." + own.getMinor() + "." + own.getMicro() + ", build "), about::toString);
            assertTrue(about.text().contains(own.getQualifier()), about::toString);
            assertTrue(about.text().contains("Acme Calendar 1.0.0\nZeta Calendar 3.1.4"), about::toString);
            context.dispose();
        }
    }

    @Test
    void withoutTheInstallerAboutStillShowsTheVersionAndSaysNoFeatureIsKnown() {
        IEclipseContext context = EclipseContextFactory.create("about test");
        context.set(IServiceConstants.ACTIVE_SHELL, parent);

        ContextInjectionFactory.invoke(ContextInjectionFactory.make(AboutHandler.class, context), Execute.class, context);

        assertEquals(1, dialogs.asked().size(), dialogs.asked()::toString);
        assertTrue(dialogs.asked().get(0).text().contains("No installed feature is known"), dialogs.asked()::toString);
        context.dispose();
    }

    @Test
    void aBuildStampIsShownAsTheTimeOfTheBuild() {
        assertEquals(new ProductVersion("P", "0.1.0", "2026-12-01 19:41 UTC (202612011941)"),
                ProductVersion.of("P", new Version(0, 1, 0, "202612011941")));
        assertEquals(new ProductVersion("P", "1.2.3", "qualifier"), ProductVersion.of("P", new Version(1, 2, 3, "qualifier")));
    }

    @Test
    void showLogWithNoLogFileSaysThereIsNoLogYetAndOpensNothing() {
        List<String> opened = new CopyOnWriteArrayList<>();
        File missing = dir.resolve(".metadata/.log").toFile();

        ShowLogHandler.show(parent, missing, path -> opened.add(path));

        assertEquals(List.of(), opened);
        assertEquals(1, dialogs.asked().size(), dialogs.asked()::toString);
        assertEquals("Show Log", dialogs.asked().get(0).title());
        assertTrue(dialogs.asked().get(0).text().startsWith("No log yet"), dialogs.asked()::toString);
        assertTrue(dialogs.asked().get(0).text().contains(missing.toString()), dialogs.asked()::toString);
    }

    @Test
    void showLogOpensTheLogFileWithTheDesktopsOpener() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        Path log = Files.createDirectories(dir.resolve(".metadata")).resolve(".log");
        Files.writeString(log, "!ENTRY peregrine 4 0 2026-12-01\n");

        ShowLogHandler.show(parent, log.toFile(), path -> opened.add(path));

        assertEquals(List.of(log.toString()), opened);
        assertEquals(List.of(), dialogs.asked());
    }

    @Test
    void showLogSaysSoWhenTheDesktopCannotOpenTheLog() throws Exception {
        Path log = Files.createDirectories(dir.resolve(".metadata")).resolve(".log");
        Files.writeString(log, "!ENTRY peregrine 4 0 2026-12-01\n");

        ShowLogHandler.show(parent, log.toFile(), path -> false);

        assertEquals(1, dialogs.asked().size(), dialogs.asked()::toString);
        assertTrue(dialogs.asked().get(0).text().startsWith("The desktop has no application to open " + log), dialogs.asked()::toString);
    }
}
