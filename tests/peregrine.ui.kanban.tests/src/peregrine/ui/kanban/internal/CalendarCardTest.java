package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static peregrine.ui.kanban.internal.BoardHarness.all;
import static peregrine.ui.kanban.internal.BoardHarness.button;
import static peregrine.ui.kanban.internal.BoardHarness.labelTexts;
import static peregrine.ui.kanban.internal.BoardHarness.press;
import static peregrine.ui.kanban.internal.BoardHarness.shownTexts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.EventExporter;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.settings.RemovePolicy;
import peregrine.settings.WorkbenchSettings;

/**
 * A card's calendars as the push service reports them: several at once, out of date, removal (on the card and
 * as a job leaves the interviews), the place and reminders of the date entry, and the export of an interview as
 * a calendar file. Fake calendars are real OSGi services; pushes, removals and offers are the DS push service's on
 * the runtime's SQLite store.
 */
class CalendarCardTest extends DisplayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final String SECOND = "second_calendar";

    @TempDir
    Path dir;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final WorkbenchSettings settings = BoardHarness.service(WorkbenchSettings.class);
    private final JobStore store = BoardHarness.service(JobStore.class);
    private BoardHarness harness;

    @BeforeEach
    void paidPlan() throws IOException {
        userYaml("tier: paid");
    }

    @AfterEach
    void closeBoardAndCalendars() {
        if (harness != null) {
            harness.close();
        }
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    void aPushToTwoCalendarsPutsTheInterviewOnBothAndTheCardAndMessageNameEach() throws Exception {
        userYaml("tier: paid", "calendar_targets: [fake_calendar, " + SECOND + "]");
        FakeCalendar first = register(new FakeCalendar());
        FakeCalendar second = register(new FakeCalendar(SECOND, "Second Calendar"));
        long id = datedJob("Two calendars");
        open();

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, first.events.size());
        assertEquals(1, second.events.size());
        assertEquals(2, store.job(id).calendarLinks().size());
        List<String> texts = labelTexts(harness.card(id));
        assertTrue(texts.contains(InterviewRow.ON_CALENDAR + "Fake Calendar"), texts.toString());
        assertTrue(texts.contains(InterviewRow.ON_CALENDAR + "Second Calendar"), texts.toString());
        assertEquals(InterviewRow.UPDATE_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
        String message = messageLine();
        assertTrue(message.contains("Added to Fake Calendar.") && message.contains("Added to Second Calendar."), message);
    }

    @Test
    void aPushWhereOneOfTwoCalendarsFailsShowsTheOneAddedAndTheFailureOnTheCardAndTheMessageLine() throws Exception {
        userYaml("tier: paid", "calendar_targets: [fake_calendar, " + SECOND + "]");
        FakeCalendar first = register(new FakeCalendar());
        FakeCalendar second = register(new FakeCalendar(SECOND, "Second Calendar"));
        second.failure = new CalendarException(CalendarException.Kind.UNAVAILABLE, "The calendar server did not answer.");
        long id = datedJob("One fails");
        open();

        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, first.events.size());
        assertTrue(second.events.isEmpty());
        List<String> texts = labelTexts(harness.card(id));
        assertTrue(texts.contains(InterviewRow.ON_CALENDAR + "Fake Calendar"), texts.toString());
        assertFalse(texts.contains(InterviewRow.ON_CALENDAR + "Second Calendar"), texts.toString());
        assertTrue(texts.stream().anyMatch(text -> text.contains("did not answer")), texts.toString());
        String message = messageLine();
        assertTrue(message.contains("Added to Fake Calendar.") && message.contains("did not answer"), message);
    }

    @Test
    void theOutOfDateLineAppearsWhenTheDateChangesAndGoesOnceTheCalendarIsUpdated() throws Exception {
        FakeCalendar calendar = register(new FakeCalendar());
        long id = datedJob("Moved interview");
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();
        assertFalse(outOfDate(id), shownTexts(harness.card(id)).toString());

        harness.openDateEntry(id);
        harness.waitForTheBoard();
        DateTime date = all(harness.card(id), DateTime.class).get(0);
        date.setDate(2026, 11, 10);
        press(button(harness.card(id), "Save").orElseThrow());
        harness.waitForTheBoard();
        assertTrue(outOfDate(id), shownTexts(harness.card(id)).toString());

        Link update = all(harness.card(id), Link.class).stream().filter(l -> l.getText().startsWith(InterviewRow.OUT_OF_DATE))
                .findFirst().orElseThrow();
        update.notifyListeners(SWT.Selection, new Event());
        harness.waitForTheBoard();
        assertFalse(outOfDate(id), shownTexts(harness.card(id)).toString());
        assertEquals(LocalDate.of(2026, 12, 10), calendar.events.values().iterator().next().start().toLocalDate());
    }

    @Test
    void removeFromCalendarTakesTheEventAwayAndTheCardOffersToAddItAgain() throws Exception {
        FakeCalendar calendar = register(new FakeCalendar());
        long id = datedJob("Removed");
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();
        assertEquals(1, calendar.events.size());

        press(button(harness.card(id), CardCalendarActions.REMOVE).orElseThrow());
        harness.waitForTheBoard();

        assertTrue(calendar.events.isEmpty());
        assertTrue(store.job(id).calendarLinks().isEmpty());
        assertEquals(InterviewRow.ADD_TO_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
        assertTrue(button(harness.card(id), CardCalendarActions.REMOVE).isEmpty());
        assertFalse(labelTexts(harness.card(id)).contains(InterviewRow.ON_CALENDAR + "Fake Calendar"));
        assertTrue(messageLine().contains("Removed from Fake Calendar."), messageLine());
    }

    @Test
    void aRemovalTheCalendarRefusesKeepsTheLinkAndTheMessageSaysSo() throws Exception {
        FakeCalendar calendar = register(new FakeCalendar());
        long id = datedJob("Refused removal");
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();
        calendar.deleteFailure = new CalendarException(CalendarException.Kind.UNAVAILABLE, "The calendar server did not answer.");

        press(button(harness.card(id), CardCalendarActions.REMOVE).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, calendar.events.size());
        assertEquals(1, store.job(id).calendarLinks().size());
        assertTrue(messageLine().contains(ReportWords.LINK_STAYS), messageLine());
        assertEquals(InterviewRow.UPDATE_CALENDAR, harness.calendarButton(id).orElseThrow().getText());
    }

    @Test
    void rejectingAJobOnACalendarAsksOneQuestionAndRejectAloneKeepsTheEventAndItsLink() throws Exception {
        FakeCalendar calendar = register(new FakeCalendar());
        long id = datedJob("Rejected, kept");
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        BoardHarness.Asked asked = harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);
        BoardHarness.Asked askedToRemove = answer(RemoveEventsQuestion.KEEP, false);
        press(button(harness.card(id), "Reject").orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, asked.get());
        assertEquals(0, askedToRemove.get(), "one question, not two");
        assertEquals(Stage.REJECTED, store.job(id).stage().orElseThrow());
        assertEquals(1, calendar.events.size());
        assertEquals(1, store.job(id).calendarLinks().size());
        assertEquals(RemovePolicy.ASK, settings.calendarRemoveOn());
    }

    @Test
    void rejectingWithAlsoRemoveAndRememberRemovesTheEventsWritesCalendarRemoveOnAndTheNextRejectAsksOnlyToReject()
            throws Exception {
        FakeCalendar calendar = register(new FakeCalendar());
        long first = datedJob("Rejected, removed");
        long second = datedJob("Rejected later");
        open();
        press(harness.calendarButton(first).orElseThrow());
        harness.waitForTheBoard();
        press(harness.calendarButton(second).orElseThrow());
        harness.waitForTheBoard();
        assertEquals(2, calendar.events.size());

        BoardHarness.Asked asked = harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT, RejectQuestion.ALSO_REMOVE,
                RemoveEventsQuestion.REMEMBER);
        BoardHarness.Asked askedToRemove = answer(RemoveEventsQuestion.KEEP, false);
        press(button(harness.card(first), "Reject").orElseThrow());
        harness.waitForTheBoard();

        assertEquals(1, asked.get());
        assertEquals(Stage.REJECTED, store.job(first).stage().orElseThrow());
        assertTrue(store.job(first).calendarLinks().isEmpty(), messageLine() + " " + store.job(first) + " " + calendar.events.keySet());
        assertEquals(1, calendar.events.size());
        assertTrue(Files.readString(userYaml()).contains("calendar_remove_on: always"), Files.readString(userYaml()));
        assertEquals(RemovePolicy.ALWAYS, settings.calendarRemoveOn());

        // Reject is still asked, but not about the events: the remembered answer removes them
        asked.stop();
        BoardHarness.Asked askedAgain = harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);
        press(button(harness.card(second), "Reject").orElseThrow());
        harness.waitForTheBoard();
        assertEquals(1, askedAgain.get());
        assertTrue(askedAgain.texts().get(0).contains("Its interview is removed from Fake Calendar too."), askedAgain.texts().toString());
        assertEquals(0, askedToRemove.get());
        assertTrue(calendar.events.isEmpty());
        assertTrue(store.job(second).calendarLinks().isEmpty());
    }

    @Test
    void clearingTheDateWhileCalendarRemoveOnIsNeverKeepsTheEventsWithoutAskingAndTheCardCanStillRemoveThem()
            throws Exception {
        userYaml("tier: paid", "calendar_remove_on: never");
        FakeCalendar calendar = register(new FakeCalendar());
        long id = datedJob("Date cleared");
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        BoardHarness.Asked asked = answer(RemoveEventsQuestion.REMOVE, false);
        harness.openDateEntry(id);
        harness.waitForTheBoard();
        press(button(harness.card(id), InterviewRow.CLEAR_DATE).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(0, asked.get());
        assertTrue(store.job(id).interview().isEmpty());
        assertEquals(1, calendar.events.size());
        assertTrue(labelTexts(harness.card(id)).contains(InterviewRow.ON_CALENDAR + "Fake Calendar"));
        assertTrue(harness.calendarButton(id).isEmpty(), "no date, nothing to push");
        press(button(harness.card(id), CardCalendarActions.REMOVE).orElseThrow());
        harness.waitForTheBoard();
        assertTrue(calendar.events.isEmpty());
    }

    @Test
    void movingAJobOnToOfferWhileRemoveOnIsAlwaysRemovesItsEventsWithoutAsking() throws Exception {
        userYaml("tier: paid", "calendar_remove_on: always");
        FakeCalendar calendar = register(new FakeCalendar());
        long id = store.add(new NewJob("To offer", "Acme", "", Stage.INTERVIEWING));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
        open();
        press(harness.calendarButton(id).orElseThrow());
        harness.waitForTheBoard();

        BoardHarness.Asked asked = answer(RemoveEventsQuestion.KEEP, false);
        press(button(harness.card(id), "\u2192 " + Stage.OFFER.label()).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(0, asked.get());
        assertEquals(Stage.OFFER, store.job(id).stage().orElseThrow());
        assertTrue(calendar.events.isEmpty());
        assertTrue(store.job(id).calendarLinks().isEmpty());
    }

    @Test
    void theDateEntryTakesAPlaceShowsTheRemindersAndReturnInThePlaceSavesWhileEscapeCancels() throws Exception {
        register(new FakeCalendar());
        long id = datedJob("With a place");
        open();

        harness.openDateEntry(id);
        harness.waitForTheBoard();
        assertTrue(labelTexts(harness.card(id)).contains("Reminders: 1 day and 1 hour before"),
                labelTexts(harness.card(id)).toString());
        Text place = all(harness.card(id), Text.class).get(0);
        assertEquals(InterviewRow.PLACE_HINT, place.getMessage());
        assertEquals(InterviewSlot.MAX_LOCATION_LENGTH, place.getTextLimit());
        place.setText("https://meet.example/abc-defg");
        place.notifyListeners(SWT.DefaultSelection, new Event());
        harness.waitForTheBoard();
        assertEquals(Optional.of("https://meet.example/abc-defg"), store.job(id).interview().orElseThrow().location());
        assertTrue(shownTexts(harness.card(id)).stream().anyMatch(text -> text.contains("https://meet.example/abc-defg")));

        harness.openDateEntry(id);
        harness.waitForTheBoard();
        Text again = all(harness.card(id), Text.class).get(0);
        assertEquals("https://meet.example/abc-defg", again.getText());
        again.setText("Room 4");
        Event escape = new Event();
        escape.detail = SWT.TRAVERSE_ESCAPE;
        escape.doit = true;
        again.notifyListeners(SWT.Traverse, escape);
        harness.waitForTheBoard();
        assertTrue(all(harness.card(id), Text.class).isEmpty(), "the entry closed");
        assertEquals(Optional.of("https://meet.example/abc-defg"), store.job(id).interview().orElseThrow().location());
    }

    @Test
    void withNoRemindersInUserYamlTheDateEntrySaysSo() throws Exception {
        userYaml("tier: paid", "calendar_reminders: []");
        long id = datedJob("No reminders");
        open();
        harness.openDateEntry(id);
        harness.waitForTheBoard();
        assertTrue(labelTexts(harness.card(id)).contains("No reminders"), labelTexts(harness.card(id)).toString());
    }

    @Test
    void exportWritesTheEventAPushWouldSendToTheChosenFileAndSaysWhereItWent() throws Exception {
        registerExporter();
        long id = datedJob("Exported");
        open();
        List<String> suggested = new ArrayList<>();
        harness.part.controller().exportAction().setDestination((shell, name, extension) -> {
            suggested.add(name);
            return Optional.of(dir.resolve(name));
        });

        press(button(harness.card(id), CardCalendarActions.EXPORT).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(List.of("Interview Exported @ Acme.ics"), suggested);
        Path file = dir.resolve(suggested.get(0));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        assertTrue(text.contains("SUMMARY:Phone Screen: Exported @ Acme\r\n"), text);
        assertTrue(text.contains("DTSTART:" + DAY.format(DateTimeFormatter.BASIC_ISO_DATE)), text);
        assertTrue(text.contains("TRIGGER:-PT24H") && text.contains("TRIGGER:-PT1H"), "the reminders go with it: " + text);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
        assertEquals("Exported the interview of Exported to " + file + ".", messageLine());
    }

    @Test
    void exportReplacesAnExistingFileWhole() throws Exception {
        registerExporter();
        long id = datedJob("Replaced");
        Path file = dir.resolve("old.ics");
        Files.writeString(file, "an older export that is much longer than nothing ".repeat(100));
        open();
        harness.part.controller().exportAction().setDestination((shell, name, extension) -> Optional.of(file));

        press(button(harness.card(id), CardCalendarActions.EXPORT).orElseThrow());
        harness.waitForTheBoard();

        String text = Files.readString(file);
        assertTrue(text.startsWith("BEGIN:VCALENDAR") && text.endsWith("END:VCALENDAR\r\n"), text);
        assertFalse(text.contains("older export"));
    }

    @Test
    void withoutAnExporterTheExportSaysItNeedsTheCalDAVPluginAndAsksForNoFile() throws Exception {
        long id = datedJob("Not exported");
        open();
        AtomicInteger chosen = new AtomicInteger();
        harness.part.controller().exportAction().setDestination((shell, name, extension) -> {
            chosen.incrementAndGet();
            return Optional.of(dir.resolve(name));
        });

        press(button(harness.card(id), CardCalendarActions.EXPORT).orElseThrow());
        harness.waitForTheBoard();

        assertEquals(ExportAction.NEEDS_PLUGIN, messageLine());
        assertEquals(0, chosen.get());
    }

    @Test
    void theRemindersLineNamesEachReminderInWords() {
        assertEquals("Reminders: 1 day and 1 hour before", view(List.of(java.time.Duration.ofDays(1), java.time.Duration.ofHours(1))).remindersLine());
        assertEquals("Reminders: 1 week, 2 days and 15 minutes before", view(List.of(java.time.Duration.ofDays(7),
                java.time.Duration.ofDays(2), java.time.Duration.ofMinutes(15))).remindersLine());
        assertEquals("Reminders: 90 minutes before", view(List.of(java.time.Duration.ofMinutes(90))).remindersLine());
        assertEquals("No reminders", view(List.of()).remindersLine());
    }

    @Test
    void theIntegrationsDialogWritesTheCheckedCalendarsInTheirOrderAsCalendarTargets() throws Exception {
        FakeCalendar first = register(new FakeCalendar());
        FakeCalendar second = register(new FakeCalendar(SECOND, "Second Calendar"));
        Shell parent = new Shell(display);
        CalendarIntegrationsDialog dialog = new CalendarIntegrationsDialog(parent, List.of(first, second), settings,
                BoardHarness.synchronizeWith(display), Optional.empty());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            List<Button> boxes = all(dialog.getShell(), Button.class).stream()
                    .filter(b -> b.getText().equals(CalendarIntegrationsDialog.TARGET)).toList();
            assertEquals(2, boxes.size());
            waitUntil("the targets are read", () -> boxes.stream().allMatch(Button::isEnabled));
            assertFalse(boxes.get(0).getSelection() || boxes.get(1).getSelection());

            check(boxes.get(1), true);
            waitUntil("the second is written", () -> settings.calendarTargets().equals(Optional.of(List.of(SECOND)))
                    && boxes.get(0).isEnabled());
            check(boxes.get(0), true);
            waitUntil("both are written, in order", () -> settings.calendarTargets()
                    .equals(Optional.of(List.of("fake_calendar", SECOND))) && boxes.get(0).isEnabled());
            // The boxes wait while a choice is written, as the user does.
            check(boxes.get(0), false);
            waitUntil("the first is unchecked", () -> settings.calendarTargets().equals(Optional.of(List.of(SECOND)))
                    && boxes.get(0).isEnabled());
            check(boxes.get(1), false);
            waitUntil("none checked is the default", () -> settings.calendarTargets().isEmpty()
                    && boxes.get(0).isEnabled());
            assertFalse(Files.readString(userYaml()).contains("calendar_targets"), Files.readString(userYaml()));
        } finally {
            dialog.close();
            parent.dispose();
        }
    }

    // --- helpers

    private static CalendarView view(List<java.time.Duration> reminders) {
        return new CalendarView(true, java.util.Map.of(), reminders, RemovePolicy.ASK);
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BoardHarness.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            while (display.readAndDispatch()) {
                // every event that is due
            }
            assertTrue(System.nanoTime() < deadline, "Not within " + BoardHarness.TIMEOUT + ": " + what);
            Thread.sleep(5);
        }
    }

    private static void check(Button box, boolean checked) {
        box.setSelection(checked);
        box.notifyListeners(SWT.Selection, new Event());
    }

    private void open() {
        harness = new BoardHarness(display, store).open();
        harness.waitForTheBoard();
    }

    /** @return whether the card says that a calendar shows the interview as it was */
    private boolean outOfDate(long id) {
        return shownTexts(harness.card(id)).contains(InterviewRow.OUT_OF_DATE + InterviewRow.UPDATE_CALENDAR);
    }

    /** Answers each {@link RemoveEventsQuestion} with {@code button}, checking "Remember my answer" first if {@code remember}. */
    private BoardHarness.Asked answer(String button, boolean remember) {
        return remember ? harness.answer(RemoveEventsQuestion.TITLE, button, RemoveEventsQuestion.REMEMBER)
                : harness.answer(RemoveEventsQuestion.TITLE, button);
    }

    private long datedJob(String title) throws JobStoreException {
        long id = store.add(new NewJob(title, "Acme", "https://jobs.example/" + System.nanoTime(), Stage.PHONE_SCREEN));
        store.setInterview(id, Optional.of(InterviewSlot.onDate(DAY)));
        return id;
    }

    private FakeCalendar register(FakeCalendar calendar) {
        registrations.add(context().registerService(CalendarProvider.class, calendar, null));
        return calendar;
    }

    /**
     * Registers a small iCalendar exporter, as the CalDAV plug-in would (it is not in this runtime): it writes what
     * the push service hands it, so the file shows which event the board exported.
     */
    private void registerExporter() {
        Dictionary<String, Object> ranking = new Hashtable<>();
        ranking.put(Constants.SERVICE_RANKING, 100);
        registrations.add(context().registerService(EventExporter.class, new EventExporter() {
            @Override
            public String mediaType() {
                return "text/calendar";
            }

            @Override
            public String fileExtension() {
                return "ics";
            }

            @Override
            public void write(CalendarEvent event, OutputStream out) throws IOException {
                StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Peregrine tests//EN\r\n"
                        + "BEGIN:VEVENT\r\nUID:" + event.identity().key() + "\r\nSUMMARY:" + event.title() + "\r\nDTSTART:"
                        + event.start().toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "\r\n");
                event.reminders().forEach(before -> ics.append("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\n"
                        + "TRIGGER:-" + before + "\r\nEND:VALARM\r\n"));
                ics.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
                out.write(ics.toString().getBytes(StandardCharsets.UTF_8));
            }
        }, ranking));
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(CalendarCardTest.class).getBundleContext();
    }

    /** @return the text of the line above the board, or null while it is hidden */
    private String messageLine() {
        return all(harness.shell, CLabel.class).stream().filter(CLabel::isVisible).map(CLabel::getText).findFirst()
                .orElse(null);
    }

    private Path userYaml() {
        return settings.configDirectory().resolve("user.yaml");
    }

    private void userYaml(String... lines) throws IOException {
        Files.createDirectories(userYaml().getParent());
        Files.writeString(userYaml(), String.join("\n", lines) + "\n");
    }
}
