package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import peregrine.jobs.BoardColumn;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;
import peregrine.jobs.JobStore;
import peregrine.jobs.JobStoreException;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;
import peregrine.jobs.sqlite.SqliteJobStores;

/** The board part in a real shell over a real SQLite file of its own, as the application builds it. */
class BoardPartTest extends DisplayTest {

    @TempDir
    Path dir;

    private JobStore store;
    private BoardHarness harness;
    private Shell shell;
    private BoardPart part;

    @BeforeEach
    void openStore() {
        store = SqliteJobStores.open(dir.resolve("staging.db"));
    }

    @AfterEach
    void closeBoard() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void sectionHeadingsShowPeregrinesLabelsWithTheirCounts() throws JobStoreException {
        add("Applied one", Stage.APPLIED);
        add("Surveyed", Stage.SURVEY);
        add("Screening", Stage.PHONE_SCREEN);
        add("Offered", Stage.OFFER);
        add("Hired", Stage.HIRED);
        store.reject(add("Turned down", Stage.INTERVIEWING));

        openBoard();

        assertEquals("Applied (2)", heading(BoardColumn.PRE_PIPELINE));
        assertEquals("Phone Screen (1)", heading(BoardColumn.PHONE_SCREEN));
        assertEquals("Interviewing (0)", heading(BoardColumn.INTERVIEWING));
        assertEquals("Offer / Hired (2)", heading(BoardColumn.OFFER_HIRED));
        assertEquals("Rejected (1)", heading(BoardColumn.REJECTED));
    }

    @Test
    void cardsSitInTheSectionOfTheirStageWithHiredUnderOfferAndSurveyBeforeThePipeline() throws JobStoreException {
        long applied = add("Applied one", Stage.APPLIED);
        long survey = add("Surveyed", Stage.SURVEY);
        long screen = add("Screening", Stage.PHONE_SCREEN);
        long interview = add("Interviewing", Stage.INTERVIEWING);
        long offer = add("Offered", Stage.OFFER);
        long hired = add("Hired", Stage.HIRED);
        long rejected = add("Turned down", Stage.APPLIED);
        store.reject(rejected);

        openBoard();
        harness.expandRejected();

        assertEquals(List.of(applied, survey).stream().sorted().toList(), idsIn(BoardColumn.PRE_PIPELINE).stream().sorted().toList());
        assertEquals(List.of(screen), idsIn(BoardColumn.PHONE_SCREEN));
        assertEquals(List.of(interview), idsIn(BoardColumn.INTERVIEWING));
        assertEquals(List.of(offer, hired).stream().sorted().toList(), idsIn(BoardColumn.OFFER_HIRED).stream().sorted().toList());
        assertEquals(List.of(rejected), idsIn(BoardColumn.REJECTED));
    }

    @Test
    void aCardShowsTitleCompanyAndHowLongAgoTheJobWasAppliedTo() throws JobStoreException {
        long id = store.add(new NewJob("Platform Engineer", "AT&T", "", Stage.APPLIED));

        openBoard();

        List<String> texts = all(card(id), Label.class).stream().map(Label::getText).toList();
        assertTrue(texts.contains("Platform Engineer"), texts.toString());
        assertTrue(texts.contains("AT&&T\nApplied \u00b7 applied today"), "an ampersand is shown, not taken for a mnemonic: " + texts);
    }

    @Test
    void onlyPhoneScreenAndInterviewingCardsOfferToSetAnInterviewDateAndNoCardMakesItsDateEntryBeforeAsked()
            throws JobStoreException {
        for (Stage stage : List.of(Stage.APPLIED, Stage.SURVEY, Stage.PHONE_SCREEN, Stage.INTERVIEWING, Stage.OFFER,
                Stage.HIRED)) {
            add("At " + stage.label(), stage);
        }
        store.reject(add("Rejected", Stage.PHONE_SCREEN));

        openBoard();
        harness.expandRejected();

        List<Composite> cards = cards(shell);
        assertEquals(7, cards.size());
        for (Composite card : cards) {
            Stage stage = ((Job) card.getData()).stage().orElseThrow();
            assertEquals(stage.takesInterviewDate(), shownTexts(card).contains("No interview date yet \u2013 "
                    + InterviewRow.SET_DATE), stage.label() + ": " + shownTexts(card));
            assertEquals(List.of(), all(card, DateTime.class), stage.label());
            assertEquals(List.of(), all(card, Spinner.class), stage.label());
            assertTrue(button(card, "Save").isEmpty(), stage.label());
        }
    }

    @Test
    void openingTheDateEntryMakesItsFieldsFilledWithTheSavedInterviewAndCancelLeavesTheInterviewUnchanged()
            throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        InterviewSlot set = new InterviewSlot(LocalDate.of(2026, 3, 10), Optional.of(LocalTime.of(14, 30)),
                Optional.of(ZoneId.systemDefault()), Optional.of(Duration.ofMinutes(45)));
        store.setInterview(id, Optional.of(set));
        openBoard();
        assertEquals(List.of(), all(card(id), DateTime.class));

        harness.openDateEntry(id);

        List<DateTime> fields = all(card(id), DateTime.class);
        assertEquals(2, fields.size());
        assertEquals(List.of(2026, 2, 10), List.of(fields.get(0).getYear(), fields.get(0).getMonth(), fields.get(0).getDay()));
        assertEquals(List.of(14, 30), List.of(fields.get(1).getHours(), fields.get(1).getMinutes()));
        assertEquals(45, all(card(id), Spinner.class).get(0).getSelection());

        fields.get(0).setDate(2027, 0, 1);
        press(button(card(id), "Cancel").orElseThrow());
        waitForTheBoard();

        assertEquals(Optional.of(set), store.job(id).interview());
        assertEquals(List.of(), all(card(id), DateTime.class), "the entry is gone");
        assertTrue(shownTexts(card(id)).stream().anyMatch(text -> text.endsWith(InterviewRow.CHANGE_DATE)),
                shownTexts(card(id)).toString());
    }

    @Test
    void savingADateWithoutATimeKeepsTheDurationSetElsewhere() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        InterviewSlot set = new InterviewSlot(LocalDate.of(2026, 3, 10), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofMinutes(30)));
        store.setInterview(id, Optional.of(set));
        openBoard();

        harness.openDateEntry(id);
        all(card(id), DateTime.class).get(0).setDate(2026, 2, 11);
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();

        assertEquals(Optional.of(new InterviewSlot(LocalDate.of(2026, 3, 11), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofMinutes(30)))), store.job(id).interview());
    }

    @Test
    void theAdvanceButtonNamesTheNextStageAndMovesTheJobThereInTheStore() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        openBoard();

        press(button(card(id), "\u2192 Interviewing").orElseThrow());
        waitForTheBoard();

        assertEquals(Stage.INTERVIEWING, store.job(id).stage().orElseThrow());
        assertEquals(List.of(id), idsIn(BoardColumn.INTERVIEWING));
        assertEquals("Phone Screen (0)", heading(BoardColumn.PHONE_SCREEN));
    }

    @Test
    void rejectingACardRejectsTheJobInTheStoreAndCountsItUnderRejected() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        openBoard();
        harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);

        press(button(card(id), "Reject").orElseThrow());
        waitForTheBoard();

        Job job = store.job(id);
        assertEquals(Stage.REJECTED, job.stage().orElseThrow());
        assertEquals(Optional.of(Stage.PHONE_SCREEN.dbValue()), job.rejectionStage());
        assertEquals("Rejected (1)", heading(BoardColumn.REJECTED));
    }

    @Test
    void savingAnInterviewDateWritesItToTheStoreAndShowsItOnTheCard() throws JobStoreException {
        long id = add("Interviewing", Stage.INTERVIEWING);
        openBoard();
        Composite card = card(id);
        assertTrue(shownTexts(card).contains("No interview date yet \u2013 " + InterviewRow.SET_DATE),
                shownTexts(card).toString());

        harness.openDateEntry(id);
        all(card, DateTime.class).get(0).setDate(2026, 2, 14);
        press(button(card, "Save").orElseThrow());
        waitForTheBoard();

        LocalDate day = LocalDate.of(2026, 3, 14);
        assertEquals(Optional.of(InterviewSlot.onDate(day)), store.job(id).interview());
        List<String> shown = shownTexts(card(id));
        assertTrue(shown.contains("Interview on " + InterviewRow.DATE.format(day) + " \u2013 " + InterviewRow.CHANGE_DATE),
                shown.toString());
        assertEquals(List.of(), all(card(id), DateTime.class), "the entry closes on saving");
    }

    @Test
    void changingTheInterviewDateKeepsTheTimeOfDayAndDurationSetElsewhereAtTheSameLocalTime() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        InterviewSlot set = new InterviewSlot(LocalDate.of(2026, 3, 10), Optional.of(LocalTime.of(14, 30)),
                Optional.of(ZoneId.of("Europe/Berlin")), Optional.of(Duration.ofMinutes(45)));
        store.setInterview(id, Optional.of(set));
        openBoard();

        harness.openDateEntry(id);
        all(card(id), DateTime.class).get(0).setDate(2026, 2, 12);
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();

        // The entry shows the time in the user's zone and saves it in that zone: the same hour, two days later.
        ZonedDateTime shownBefore = ZonedDateTime.of(set.date(), set.time().get(), set.zone().get())
                .withZoneSameInstant(ZoneId.systemDefault());
        InterviewSlot saved = store.job(id).interview().orElseThrow();
        assertEquals(Optional.of(shownBefore.toLocalTime()), saved.time());
        assertEquals(Optional.of(ZoneId.systemDefault()), saved.zone());
        assertEquals(set.duration(), saved.duration());
        assertEquals(shownBefore.toLocalDate().plusDays(2), saved.date());
    }

    @Test
    void aTimeOfDayAndDurationAreSavedInTheUsersZoneAndShownOnTheCard() throws JobStoreException {
        long id = add("Interviewing", Stage.INTERVIEWING);
        openBoard();

        harness.openDateEntry(id);
        all(card(id), DateTime.class).get(0).setDate(2026, 5, 2);
        Button timed = button(card(id), "at").orElseThrow();
        timed.setSelection(true);
        press(timed);
        all(card(id), DateTime.class).get(1).setTime(9, 15, 0);
        all(card(id), Spinner.class).get(0).setSelection(90);
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();

        InterviewSlot expected = new InterviewSlot(LocalDate.of(2026, 6, 2), Optional.of(LocalTime.of(9, 15)),
                Optional.of(ZoneId.systemDefault()), Optional.of(Duration.ofMinutes(90)));
        assertEquals(Optional.of(expected), store.job(id).interview());
        assertTrue(shownTexts(card(id)).stream().anyMatch(text -> text.startsWith("Interview on "
                + InterviewRow.DATE.format(LocalDate.of(2026, 6, 2)) + " at " + InterviewRow.TIME.format(LocalTime.of(9, 15)))
                && text.contains(", 90 min")), shownTexts(card(id)).toString());
    }

    @Test
    void anInterviewTimeEnteredInAnotherZoneIsShownInTheUsersZone() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        ZoneId elsewhere = ZoneId.systemDefault().equals(ZoneId.of("Asia/Tokyo")) ? ZoneId.of("America/New_York")
                : ZoneId.of("Asia/Tokyo");
        InterviewSlot slot = new InterviewSlot(LocalDate.of(2026, 9, 1), Optional.of(LocalTime.of(8, 0)),
                Optional.of(elsewhere), Optional.empty());
        store.setInterview(id, Optional.of(slot));
        openBoard();

        ZonedDateTime here = ZonedDateTime.of(slot.date(), slot.time().get(), elsewhere).withZoneSameInstant(ZoneId.systemDefault());
        String expected = "Interview on " + InterviewRow.DATE.format(here) + " at " + InterviewRow.TIME.format(here);
        assertTrue(shownTexts(card(id)).stream().anyMatch(text -> text.startsWith(expected)),
                expected + " in " + shownTexts(card(id)));
    }

    @Test
    void aDateBeforeTheYear1900IsRefusedOnTheCardAndTheSavedDateStays() throws JobStoreException {
        long id = add("Screening", Stage.PHONE_SCREEN);
        InterviewSlot set = InterviewSlot.onDate(LocalDate.of(2026, 3, 10));
        store.setInterview(id, Optional.of(set));
        openBoard();

        harness.openDateEntry(id);
        DateTime date = all(card(id), DateTime.class).get(0);
        date.setDate(1899, 11, 31);
        assertEquals(List.of(1899, 11, 31), List.of(date.getYear(), date.getMonth(), date.getDay()),
                "the widget offers the year, so the board must refuse it");
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();

        assertEquals(Optional.of(set), store.job(id).interview(), "nothing is saved");
        assertTrue(shownTexts(card(id)).contains("An interview date must be in the years 1900 to 9999, not 1899-12-31."),
                shownTexts(card(id)).toString());
        assertEquals(2, all(card(id), DateTime.class).size(), "the entry stays open for a correction");
        Label refusal = all(card(id), Label.class).stream().filter(l -> l.getText().startsWith("An interview date must"))
                .findFirst().orElseThrow();
        assertTrue(refusal.isVisible() && refusal.getSize().y > 0 && refusal.getSize().x > 0, "the refusal is laid out: "
                + refusal.getBounds());

        // A correction saves, and the refusal goes with the entry.
        all(card(id), DateTime.class).get(0).setDate(1900, 0, 1);
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();
        assertEquals(Optional.of(InterviewSlot.onDate(LocalDate.of(1900, 1, 1))), store.job(id).interview());
        assertFalse(shownTexts(card(id)).stream().anyMatch(text -> text.startsWith("An interview date must")),
                shownTexts(card(id)).toString());
    }

    @Test
    void anInterviewThatWouldEndAfterTheYear9999IsRefusedOnTheCardAndTheSavedDateStays() throws JobStoreException {
        long id = add("Interviewing", Stage.INTERVIEWING);
        InterviewSlot set = InterviewSlot.onDate(LocalDate.of(2026, 3, 10));
        store.setInterview(id, Optional.of(set));
        openBoard();

        harness.openDateEntry(id);
        all(card(id), DateTime.class).get(0).setDate(9999, 11, 31);
        Button timed = button(card(id), "at").orElseThrow();
        timed.setSelection(true);
        press(timed);
        all(card(id), DateTime.class).get(1).setTime(23, 30, 0);
        all(card(id), Spinner.class).get(0).setSelection(60);
        press(button(card(id), "Save").orElseThrow());
        waitForTheBoard();

        assertEquals(Optional.of(set), store.job(id).interview(), "nothing is saved");
        assertTrue(shownTexts(card(id)).contains("The interview on 9999-12-31 would end after the year 9999, which "
                + "calendars cannot hold."), shownTexts(card(id)).toString());
    }

    @Test
    void aJobWithAStatusThisVersionDoesNotKnowIsShownUnderOtherStatusesWithThatStatus() throws Exception {
        long withdrawn = add("Withdrawn one", Stage.APPLIED);
        long applied = add("Applied one", Stage.APPLIED);
        long none = add("No status", Stage.APPLIED);
        setStatus(withdrawn, "withdrawn");
        setStatus(none, null);
        openBoard();

        Composite others = section(BoardPart.OTHER_STATUSES);
        assertTrue(others.isVisible());
        assertEquals("Other statuses (2)", all(others, Label.class).get(0).getText());
        assertEquals(List.of(), cards(others), "collapsed, like Rejected");
        press(button(others, "Show").orElseThrow());

        assertEquals(List.of(none, withdrawn).stream().sorted().toList(),
                cards(others).stream().map(card -> ((Job) card.getData()).id()).sorted().toList());
        assertTrue(labelTexts(card(withdrawn)).stream().anyMatch(text -> text.startsWith("Acme\n" + JobCard.STATUS + "withdrawn")),
                labelTexts(card(withdrawn)).toString());
        assertTrue(labelTexts(card(none)).stream().anyMatch(text -> text.startsWith("Acme\n" + JobCard.STATUS
                + JobCard.NO_STATUS)), labelTexts(card(none)).toString());
        assertEquals(List.of(applied), idsIn(BoardColumn.PRE_PIPELINE));
        assertTrue(button(card(withdrawn), "Reject").isEmpty(), "no stage buttons for a stage it is not at");
    }

    @Test
    void theOtherStatusesSectionIsHiddenWhileEveryJobHasAKnownStatus() throws Exception {
        add("Applied one", Stage.APPLIED);
        openBoard();

        assertFalse(section(BoardPart.OTHER_STATUSES).isVisible());
    }

    @Test
    void aJobPeregrinesWebInterfaceRejectedIsCountedUnderRejected() throws Exception {
        long id = add("Rejected at the interview", Stage.INTERVIEWING);
        setStatus(id, "interview_rejected");
        openBoard();
        harness.expandRejected();

        assertEquals("Rejected (1)", heading(BoardColumn.REJECTED));
        assertEquals(List.of(id), idsIn(BoardColumn.REJECTED));
        assertFalse(section(BoardPart.OTHER_STATUSES).isVisible());
    }

    @Test
    void anInterviewTheWebInterfaceDatedWithAUtcTimeIsShownAtThatTimeInTheUsersZone() throws Exception {
        long id = add("Screening", Stage.PHONE_SCREEN);
        write(id, "interview_date", "2026-12-10T15:00:00.000Z");
        openBoard();

        ZonedDateTime here = ZonedDateTime.parse("2026-12-10T15:00:00Z").withZoneSameInstant(ZoneId.systemDefault());
        String expected = "Interview on " + InterviewRow.DATE.format(here) + " at " + InterviewRow.TIME.format(here) + " "
                + here.format(java.time.format.DateTimeFormatter.ofPattern("zzz")) + ", 60 min";
        assertTrue(shownTexts(card(id)).stream().anyMatch(text -> text.startsWith(expected)),
                expected + " in " + shownTexts(card(id)));
    }

    @Test
    void rejectedCardsStayCollapsedUntilAskedFor() throws JobStoreException {
        store.reject(add("Turned down", Stage.APPLIED));
        openBoard();
        Composite rejected = section(BoardColumn.REJECTED);
        assertEquals(List.of(), cards(rejected), "a collapsed section makes no cards");

        press(button(rejected, "Show").orElseThrow());

        assertTrue(cards(rejected).get(0).isVisible());
    }

    @Test
    void aColumnOfTenThousandJobsScrolledToTheEndAndBackStaysDrawnWithTheRightJobsInItsView() throws Exception {
        int total = 10_000;
        List<Job> order = addApplied(total);
        openBoard();
        Composite applied = section(BoardColumn.PRE_PIPELINE);
        ScrollBar bar = viewport(applied).getVerticalBar();
        assertEquals("Applied (" + total + ")", heading(BoardColumn.PRE_PIPELINE));
        assertEquals(0, jobsInView(applied, order));

        // To the end, through the middle, back to the start, and again after maximizing, as the user did.
        scroll(bar, bar.getMaximum());
        int last = jobsInView(applied, order);
        assertEquals(bar.getMaximum(), bar.getSelection() + bar.getThumb(), "scrolled to the end");
        assertTrue(cards(applied).stream().anyMatch(card -> card.getData().equals(order.get(total - 1))),
                "the last job's card at the end, after job " + last);
        scroll(bar, bar.getMaximum() / 2);
        int middle = jobsInView(applied, order);
        assertTrue(middle > total / 3 && middle < total * 2 / 3, "job " + middle + " half way down");
        scroll(bar, 0);
        assertEquals(0, jobsInView(applied, order));
        shell.setMaximized(true);
        waitForTheBoard();
        assertEquals(0, jobsInView(applied, order));
        scroll(bar, bar.getMaximum());
        jobsInView(applied, order);
    }

    @Test
    void aColumnPaintsItsViewBeforeItMakesTheCardsAroundItAlsoWhenTheEventLoopWasBusyLongAfterItsJobsCame() throws Exception {
        openBoard();
        addApplied(2000);
        part.refresh();
        Composite section = section(BoardColumn.PRE_PIPELINE);
        List<Integer> madeWhenPainted = new ArrayList<>();
        Listener painted = e -> {
            int made = idsIn(BoardColumn.PRE_PIPELINE).size();
            if (madeWhenPainted.isEmpty() && made > 0 && e.widget instanceof Control control && within(control, section)) {
                madeWhenPainted.add(made);
            }
        };
        display.addFilter(SWT.Paint, painted);
        try {
            while (idsIn(BoardColumn.PRE_PIPELINE).isEmpty()) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(1);
                }
            }
            int madeForTheView = idsIn(BoardColumn.PRE_PIPELINE).size();
            // The rest of a start-up (the other parts, the window's first layout) keeps the loop from the paint a while.
            Thread.sleep(300);
            waitForTheBoard();

            assertEquals(List.of(madeForTheView), madeWhenPainted, "cards made when the column first painted its jobs");
            assertTrue(idsIn(BoardColumn.PRE_PIPELINE).size() > madeForTheView, "the cards around the view are made after it");
        } finally {
            display.removeFilter(SWT.Paint, painted);
        }
    }

    private static boolean within(Control control, Composite ancestor) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aColumnHoldingMoreCardsThanItShowsHasAScrollBarBesideItsCardsAndOneThatShowsThemAllHasNone() throws Exception {
        addApplied(200);
        add("Screening", Stage.PHONE_SCREEN);
        openBoard();

        Composite longView = viewport(section(BoardColumn.PRE_PIPELINE));
        ScrollBar long_ = longView.getVerticalBar();
        assertTrue(long_.getVisible(), "Applied, 200 jobs");
        // GTK lays its overlay scroll bars over the content and draws them only under the pointer.
        assertTrue(long_.getSize().x > 0 && longView.getClientArea().width <= longView.getSize().x - long_.getSize().x,
                "the bar has room of its own: view " + longView.getSize().x + " px, cards " + longView.getClientArea().width
                        + " px, bar " + long_.getSize().x + " px");
        assertTrue(long_.getThumb() < long_.getMaximum() / 10, long_.getThumb() + " of " + long_.getMaximum());
        assertFalse(viewport(section(BoardColumn.PHONE_SCREEN)).getVerticalBar().getVisible(), "Phone Screen, 1 job");
    }

    @Test
    void aCardBelowTheViewThatTakesTheKeyboardFocusIsScrolledIntoViewAndBringsTheCardsAfterIt() throws Exception {
        List<Job> order = addApplied(200);
        openBoard();
        Composite applied = section(BoardColumn.PRE_PIPELINE);
        Composite viewport = viewport(applied);
        List<Composite> made = cards(applied);
        Composite below = made.get(made.size() - 1);
        assertTrue(inView(viewport, below).isEmpty(), "the last card made lies below the view");

        shell.forceActive();
        assertTrue(button(below, "Reject").orElseThrow().forceFocus(), "the card's button takes the focus");
        waitForTheBoard();

        Rectangle shown = inView(viewport, below).orElseThrow();
        assertEquals(below.getSize().y, shown.height, "the focused card is wholly in view");
        int index = order.indexOf(below.getData());
        assertTrue(cards(applied).stream().anyMatch(card -> card.getData().equals(order.get(index + 1))),
                "the card after it is made, for the next Tab");
    }

    @Test
    void aChangeToOneCardKeepsTheOtherCardsAsTheyAre() throws JobStoreException {
        long moved = add("Screening", Stage.PHONE_SCREEN);
        long other = add("Other", Stage.PHONE_SCREEN);
        long applied = add("Applied", Stage.APPLIED);
        openBoard();
        Composite otherCard = card(other);
        Composite appliedCard = card(applied);

        press(button(card(moved), "\u2192 Interviewing").orElseThrow());
        waitForTheBoard();

        assertEquals(List.of(moved), idsIn(BoardColumn.INTERVIEWING));
        assertSame(otherCard, card(other));
        assertSame(appliedCard, card(applied));
    }

    @Test
    void anEmptyBoardShowsEmptySectionsAndOffersToAddAJob() {
        openBoard();

        for (BoardColumn column : BoardColumn.values()) {
            assertEquals(column.label() + " (0)", heading(column));
        }
        Button add = all(shell, Button.class).stream().filter(b -> b.getText().equals("Add a job\u2026")).findFirst()
                .orElseThrow();
        assertTrue(add.isVisible());
    }

    @Test
    void theAddJobOfferIsGoneOnceTheBoardHasAJob() throws JobStoreException {
        add("Applied one", Stage.APPLIED);
        openBoard();

        assertFalse(all(shell, Button.class).stream().anyMatch(b -> b.getText().equals("Add a job\u2026") && b.isVisible()));
    }

    @Test
    void droppingACardOnASectionMovesTheJobToThatSectionsDropStage() throws JobStoreException {
        long id = add("Applied one", Stage.APPLIED);
        openBoard();

        part.drop(Long.toString(id), BoardColumn.OFFER_HIRED);
        waitForTheBoard();

        assertEquals(Stage.OFFER, store.job(id).stage().orElseThrow());
        assertEquals(List.of(id), idsIn(BoardColumn.OFFER_HIRED));
    }

    @Test
    void droppingACardOnRejectedRejectsTheJob() throws JobStoreException {
        long id = add("Interviewing", Stage.INTERVIEWING);
        openBoard();
        harness.answer(RejectQuestion.TITLE, RejectQuestion.REJECT);

        part.drop(Long.toString(id), BoardColumn.REJECTED);
        waitForTheBoard();

        assertEquals(Stage.REJECTED, store.job(id).stage().orElseThrow());
        assertEquals(Optional.of(Stage.INTERVIEWING.dbValue()), store.job(id).rejectionStage());
    }

    @Test
    void droppingACardOnTheSectionItIsInLeavesItsStageAlone() throws JobStoreException {
        long hired = add("Hired", Stage.HIRED);
        openBoard();

        part.drop(Long.toString(hired), BoardColumn.OFFER_HIRED);
        part.drop("not a job id", BoardColumn.PHONE_SCREEN);
        waitForTheBoard();

        assertEquals(Stage.HIRED, store.job(hired).stage().orElseThrow());
    }

    @Test
    void aCardWithoutAListingOffersNoOpenListingButton() throws JobStoreException {
        long withUrl = store.add(new NewJob("Listed", "Acme", "https://jobs.example/1", Stage.APPLIED));
        long withoutUrl = add("Unlisted", Stage.APPLIED);
        openBoard();

        assertTrue(button(card(withUrl), "Open listing").isPresent());
        assertTrue(button(card(withoutUrl), "Open listing").isEmpty());
    }

    @Test
    void refreshShowsJobsAnotherProgramAdded() throws JobStoreException {
        openBoard();
        long id = add("Added by peregrine-cli", Stage.PHONE_SCREEN);

        part.refresh();
        waitForTheBoard();

        assertEquals(List.of(id), idsIn(BoardColumn.PHONE_SCREEN));
    }

    @Test
    void aStoreErrorIsShownAsItsMessageInThePart() {
        store = SqliteJobStores.open(dir);
        openBoard();

        List<String> messages = all(shell, CLabel.class).stream().filter(Control::isVisible).map(CLabel::getText).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("is a folder, not a job database"), messages.get(0));
        assertEquals("Phone Screen", heading(BoardColumn.PHONE_SCREEN), "the board keeps its shape without a count");
    }

    @Test
    void aStoredListingThatIsNotAWebAddressIsNotOpenedAndItsMessageCanBeClosed() throws Exception {
        long id = add("Odd listing", Stage.APPLIED);
        // As another program may have stored it, past the board's own check.
        write(id, "url", "/usr/bin/xterm");
        openBoard();

        press(button(card(id), "Open listing").orElseThrow());

        List<String> messages = visibleMessages();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("\u201c/usr/bin/xterm\u201d is not a web address"), messages.get(0));
        press(all(shell, Button.class).stream().filter(b -> b.getText().equals(MessageLine.CLOSE) && b.isVisible())
                .findFirst().orElseThrow());
        assertEquals(List.of(), visibleMessages());
    }

    private List<String> visibleMessages() {
        return all(shell, CLabel.class).stream().filter(Control::isVisible).map(CLabel::getText).toList();
    }

    // --- building and driving the part

    @Test
    void withItsStartUpTraceOptionOnTheBoardTracesItsFirstPaintOnceThroughEquinoxTracing() throws Exception {
        DebugOptions options = BoardHarness.service(DebugOptions.class);
        Path traceFile = dir.resolve("trace.log");
        options.setFile(traceFile.toFile());
        options.setDebugEnabled(true);
        options.setOption(BoardPart.STARTUP_TRACE, "true");
        try {
            add("Screening", Stage.PHONE_SCREEN);
            add("Applied one", Stage.APPLIED);
            openBoard();
            long deadline = System.nanoTime() + BoardHarness.TIMEOUT.toNanos();
            while (!traced(traceFile) && System.nanoTime() < deadline) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(10);
                }
            }
            String trace = Files.readString(traceFile);
            assertTrue(trace.matches("(?s).*peregrine: board painted \\(2 jobs\\) in \\d+ ms, \\d+ ms after the store answered.*"), trace);
            assertEquals(1, trace.lines().filter(l -> l.contains("board painted")).count(), trace);
        } finally {
            options.setOption(BoardPart.STARTUP_TRACE, "false");
            options.setDebugEnabled(false);
        }
    }

    @Test
    void withoutTheTraceOptionTheBoardTracesNothing() throws Exception {
        DebugOptions options = BoardHarness.service(DebugOptions.class);
        Path traceFile = dir.resolve("trace.log");
        options.setFile(traceFile.toFile());
        add("Screening", Stage.PHONE_SCREEN);
        openBoard();
        harness.close();
        harness = null;
        assertFalse(traced(traceFile));
    }

    private static boolean traced(Path traceFile) throws IOException {
        return Files.exists(traceFile) && Files.readString(traceFile).contains("board painted");
    }

    private void openBoard() {
        harness = new BoardHarness(display, store).open();
        shell = harness.shell;
        part = harness.part;
    }

    private void waitForTheBoard() {
        harness.waitForTheBoard();
    }

    private static void press(Button button) {
        BoardHarness.press(button);
    }

    private long add(String title, Stage stage) throws JobStoreException {
        return store.add(new NewJob(title, "Acme", "", stage));
    }

    /** Writes {@code status} as another program (a newer Peregrine) would, past the store. */
    private void setStatus(long id, String status) throws SQLException {
        write(id, "status", status);
    }

    /** Writes {@code column} of the job as another program would, past the store. */
    private void write(long id, String column, String value) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("staging.db"));
        try (Connection c = source.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE jobs SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Adds {@code count} applied jobs in one transaction, as Peregrine's importer would; @return them in board order */
    private List<Job> addApplied(int count) throws Exception {
        store.board(); // the store lays its schema down on first use
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("staging.db"));
        try (Connection c = source.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO jobs (title, company, source, status,"
                        + " date_found, applied_at) VALUES (?, 'Acme', 'manual', 'applied', '2026-11-02', ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setString(1, String.format("Job %05d", i));
                insert.setString(2, String.format("2026-11-02T%02d:%02d:00", i / 60 % 24, i % 60));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
        return store.board().get(Stage.APPLIED);
    }

    /** The section's view, whose scroll bar spans all its jobs. */
    private static Composite viewport(Composite section) {
        return all(section, Composite.class).stream().filter(c -> (c.getStyle() & SWT.V_SCROLL) != 0).findFirst()
                .orElseThrow();
    }

    /** Moves the section's scroll bar as a user dragging it would, and lets the board catch up. */
    private void scroll(ScrollBar bar, int selection) {
        bar.setSelection(selection);
        bar.notifyListeners(SWT.Selection, new Event());
        waitForTheBoard();
    }

    /** @return the part of {@code card} that lies in the view, in the view's coordinates */
    private Optional<Rectangle> inView(Composite viewport, Composite card) {
        Rectangle bounds = display.map(card.getParent(), viewport, card.getBounds());
        Rectangle shown = bounds.intersection(viewport.getClientArea());
        return shown.isEmpty() ? Optional.empty() : Optional.of(shown);
    }

    /**
     * Checks that the section's view is covered, top to bottom, by visible cards of consecutive jobs in board
     * order, each showing its job's title, and that the view is painted; @return the first job's index
     */
    private int jobsInView(Composite section, List<Job> order) {
        Composite viewport = viewport(section);
        Rectangle view = viewport.getClientArea();
        List<Composite> inView = cards(section).stream().filter(card -> inView(viewport, card).isPresent()).toList();
        assertFalse(inView.isEmpty(), "no card in a view of " + view);
        int first = order.indexOf(inView.get(0).getData());
        for (int i = 0; i < inView.size(); i++) {
            Composite card = inView.get(i);
            Job job = order.get(first + i);
            assertEquals(job, card.getData(), "card " + i + " of the view");
            assertTrue(card.isVisible() && card.getSize().x > 0 && card.getSize().y > 0, card.getBounds().toString());
            assertEquals(job.title(), labelTexts(card).get(0));
        }
        Rectangle top = display.map(inView.get(0).getParent(), viewport, inView.get(0).getBounds());
        Composite lastCard = inView.get(inView.size() - 1);
        Rectangle bottom = display.map(lastCard.getParent(), viewport, lastCard.getBounds());
        // A view may begin or end in the spacing between two cards.
        assertTrue(top.y <= view.y + BoardSection.SPACING, "the view's top is covered: " + top);
        assertTrue(bottom.y + bottom.height + BoardSection.SPACING >= view.y + view.height || lastCard.getData().equals(order.getLast()),
                "the view's bottom is covered: " + bottom + " in " + view);
        assertTrue(lastCard.getParent().getSize().y < Short.MAX_VALUE, "the cards' widget fits an X11 window: "
                + lastCard.getParent().getSize());
        assertTrue(colours(viewport) > 2, "the view is painted");
        return first;
    }

    /** @return how many colours the view shows on screen: a blank view shows one */
    private int colours(Composite viewport) {
        Rectangle view = viewport.getClientArea();
        Image image = new Image(display, view.width, view.height);
        GC gc = new GC(viewport);
        try {
            gc.copyArea(image, view.x, view.y);
            ImageData data = image.getImageData();
            Set<Integer> seen = new HashSet<>();
            for (int y = 0; y < data.height; y += 3) {
                for (int x = 0; x < data.width; x += 3) {
                    seen.add(data.getPixel(x, y));
                }
            }
            return seen.size();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    // --- reading the board

    private Composite section(Object data) {
        return all(shell, Composite.class).stream().filter(c -> c.getData() == data).findFirst().orElseThrow();
    }

    private String heading(BoardColumn column) {
        return all(section(column), Label.class).get(0).getText();
    }

    private List<Long> idsIn(BoardColumn column) {
        return cards(section(column)).stream().map(card -> ((Job) card.getData()).id()).toList();
    }

    private Composite card(long id) {
        return cards(shell).stream().filter(card -> ((Job) card.getData()).id() == id).findFirst().orElseThrow();
    }

    private static List<Composite> cards(Composite in) {
        return all(in, Composite.class).stream().filter(c -> c.getData() instanceof Job).toList();
    }

    private static Optional<Button> button(Composite in, String text) {
        return all(in, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst();
    }

    private static List<String> shownTexts(Composite card) {
        return BoardHarness.shownTexts(card);
    }

    private static List<String> labelTexts(Composite card) {
        return BoardHarness.labelTexts(card);
    }

    /** {@code root}'s descendants of {@code type}, depth first in child order. */
    private static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }
}
