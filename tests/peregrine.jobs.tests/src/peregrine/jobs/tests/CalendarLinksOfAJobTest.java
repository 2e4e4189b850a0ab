package peregrine.jobs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

class CalendarLinksOfAJobTest {

    private static final CalendarLink PEREGRINES = new CalendarLink("", "peregrine-job-7@circuitforge.tech");
    private static final CalendarLink GOOGLE = new CalendarLink("google_calendar", "g1");

    private static Job withLinks(List<CalendarLink> links) {
        return new Job(7, "Engineer", "Acme", "", "interviewing", Optional.empty(), Optional.empty(), Optional.empty(), links);
    }

    @Test
    void theFirstLinkIsTheOnePeregrineSeesAndEachProviderFindsItsOwn() {
        Job job = withLinks(List.of(PEREGRINES, GOOGLE));
        assertEquals(Optional.of(PEREGRINES), job.calendarLink());
        assertEquals(Optional.of(GOOGLE), job.calendarLink("google_calendar"));
        assertEquals(Optional.of(PEREGRINES), job.calendarLink(""));
        assertEquals(Optional.empty(), job.calendarLink("apple_calendar"));
        assertEquals(Optional.empty(), withLinks(List.of()).calendarLink());
    }

    @Test
    void aJobKeepsItsOwnCopyOfTheLinks() {
        List<CalendarLink> links = new ArrayList<>(List.of(GOOGLE));
        Job job = withLinks(links);
        links.add(PEREGRINES);
        assertEquals(List.of(GOOGLE), job.calendarLinks());
        assertThrows(UnsupportedOperationException.class, () -> job.calendarLinks().add(PEREGRINES));
    }

    @Test
    void aPlaceIsStrippedABlankOneIsNoneAndOneTooLongIsRefusedWithItsLimit() {
        InterviewSlot date = InterviewSlot.onDate(LocalDate.of(2026, 12, 10));
        assertEquals(Optional.of("Room 4 🚀\nfloor 2"), date.withLocation(Optional.of("  Room 4 🚀\nfloor 2 \n")).location());
        assertEquals(Optional.empty(), date.withLocation(Optional.of(" \n\t")).location());
        String longest = "x".repeat(InterviewSlot.MAX_LOCATION_LENGTH);
        assertEquals(Optional.of(longest), date.withLocation(Optional.of(longest)).location());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> date.withLocation(Optional.of(longest + "x")));
        assertTrue(e.getMessage().contains(String.valueOf(InterviewSlot.MAX_LOCATION_LENGTH)), e.getMessage());
        assertEquals(date, date.withLocation(Optional.of("Phone")).withLocation(Optional.empty()));
    }
}
