package peregrine.jobs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import peregrine.jobs.BoardColumn;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.NewJob;
import peregrine.jobs.Stage;

class StageTest {

    @Test
    void everyStatusPeregrineWritesIsKnownByItsDatabaseValue() {
        for (String status : new String[] { "pending", "approved", "rejected", "applied", "survey", "phone_screen",
                "interviewing", "offer", "hired" }) {
            assertEquals(status, Stage.fromDbValue(status).orElseThrow().dbValue());
        }
        assertTrue(Stage.fromDbValue("synced").isEmpty());
    }

    @Test
    void boardColumnsCarryPeregrinesLabelsAndHoldEveryBoardStageOnce() {
        assertEquals("Phone Screen", BoardColumn.PHONE_SCREEN.label());
        assertEquals("Interviewing", BoardColumn.INTERVIEWING.label());
        assertEquals("Offer / Hired", BoardColumn.OFFER_HIRED.label());
        assertEquals(BoardColumn.OFFER_HIRED, BoardColumn.of(Stage.HIRED).orElseThrow());
        assertEquals(BoardColumn.PRE_PIPELINE, BoardColumn.of(Stage.SURVEY).orElseThrow());
        long onBoard = Arrays.stream(Stage.values()).filter(Stage::onBoard).count();
        assertEquals(onBoard, Arrays.stream(BoardColumn.values()).mapToLong(c -> c.stages().size()).sum());
        assertTrue(BoardColumn.of(Stage.PENDING).isEmpty());
    }

    @Test
    void eventLabelsFollowPeregrinesTitleRules() {
        assertEquals("Phone Screen", Stage.PHONE_SCREEN.eventLabel());
        assertEquals("Interview", Stage.INTERVIEWING.eventLabel());
        assertEquals("Offer Review", Stage.OFFER.eventLabel());
        assertEquals("Interview", Stage.APPLIED.eventLabel());
    }

    @Test
    void advanceFollowsThePipelineAndStopsAtHired() {
        assertEquals(Stage.PHONE_SCREEN, Stage.APPLIED.next().orElseThrow());
        assertEquals(Stage.INTERVIEWING, Stage.PHONE_SCREEN.next().orElseThrow());
        assertEquals(Stage.OFFER, Stage.INTERVIEWING.next().orElseThrow());
        assertEquals(Stage.HIRED, Stage.OFFER.next().orElseThrow());
        assertTrue(Stage.HIRED.next().isEmpty());
        assertTrue(Stage.REJECTED.next().isEmpty());
    }

    @Test
    void onlyPhoneScreenAndInterviewingTakeAnInterviewDate() {
        for (Stage stage : Stage.values()) {
            assertEquals(stage == Stage.PHONE_SCREEN || stage == Stage.INTERVIEWING, stage.takesInterviewDate(), stage.name());
        }
    }

    @Test
    void stagesStampTheColumnsPeregrineStamps() {
        assertEquals("phone_screen_at", Stage.PHONE_SCREEN.stampColumn().orElseThrow());
        assertEquals("survey_at", Stage.SURVEY.stampColumn().orElseThrow());
        assertEquals("hired_at", Stage.HIRED.stampColumn().orElseThrow());
        assertFalse(Stage.APPLIED.stampColumn().isPresent());
    }

    @Test
    void interviewSlotRefusesAZoneWithoutATimeAndANonPositiveDuration() {
        LocalDate day = LocalDate.of(2028, 2, 29);
        assertThrows(IllegalArgumentException.class, () -> new InterviewSlot(day, Optional.empty(),
                Optional.of(ZoneId.of("Europe/Berlin")), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new InterviewSlot(day, Optional.empty(), Optional.empty(),
                Optional.of(Duration.ZERO)));
        assertEquals(day, InterviewSlot.onDate(day).date());
    }

    @Test
    void interviewRejectedFromPeregrinesWebInterfaceIsARejection() {
        assertEquals(Optional.of(Stage.REJECTED), Stage.fromDbValue("interview_rejected"));
        assertEquals(List.of("rejected", "interview_rejected"), Stage.REJECTED.dbValues());
        assertEquals(List.of("offer"), Stage.OFFER.dbValues());
        assertEquals(Optional.empty(), Stage.fromDbValue("withdrawn"));
    }

    @Test
    void interviewSlotsHoldOnlyYearsACalendarCanHoldFromStartToEnd() {
        for (LocalDate outside : List.of(LocalDate.of(10000, 1, 1), LocalDate.of(-1, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(1899, 12, 31))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterviewSlot.onDate(outside));
            assertTrue(e.getMessage().contains("1900 to 9999"), e.getMessage());
        }
        assertEquals(LocalDate.of(1900, 1, 1), InterviewSlot.onDate(LocalDate.of(1900, 1, 1)).date());
        assertEquals(LocalDate.of(9999, 12, 31), InterviewSlot.onDate(LocalDate.of(9999, 12, 31)).date(), "noon plus an hour still ends in 9999");
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> new InterviewSlot(LocalDate.of(9999, 12, 31),
                Optional.of(LocalTime.of(23, 30)), Optional.empty(), Optional.of(Duration.ofMinutes(60))));
        assertTrue(late.getMessage().contains("end after the year 9999"), late.getMessage());
    }

    @Test
    void newJobNeedsTitleAndCompanyAndTrimsItsUrl() {
        assertThrows(IllegalArgumentException.class, () -> new NewJob(" ", "Acme", "", Stage.APPLIED));
        assertThrows(IllegalArgumentException.class, () -> new NewJob("Engineer", null, "", Stage.APPLIED));
        assertEquals("https://x.example/1", new NewJob("Engineer", "Acme", " https://x.example/1 ", Stage.APPLIED).url());
    }
}
