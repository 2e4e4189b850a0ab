package peregrine.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import peregrine.calendar.EventIdentity;
import peregrine.jobs.Job;

class EventIdentityTest {

    private static Job job(long id, String title, String company, String url, String status) {
        return new Job(id, title, company, url, status, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void theSameJobAlwaysGivesTheSameKeyWhateverItsStageOrTitle() {
        EventIdentity first = EventIdentity.of(job(7, "Engineer", "Acme", "https://x.example/7", "phone_screen"));
        EventIdentity later = EventIdentity.of(job(7, "Senior Engineer", "ACME ", "https://x.example/7", "interviewing"));
        assertEquals(first, later);
    }

    @Test
    void jobsOfAnotherDatabaseWithTheSameIdGetAnotherKey() {
        assertNotEquals(EventIdentity.of(job(1, "A", "Acme", "https://x.example/1", "applied")),
                EventIdentity.of(job(1, "A", "Globex", "https://y.example/1", "applied")));
    }

    @Test
    void theKeyIsValidAsAGoogleEventIdAndAFileName() {
        String key = EventIdentity.of(job(123, "Ä", "😀 Co", "https://x.example/ü?q=1", "offer")).key();
        assertEquals(32, key.length());
        assertTrue(key.matches("[0-9a-v]+"), key);
        assertThrows(IllegalArgumentException.class, () -> new EventIdentity("W" + key.substring(1)));
    }
}
