package peregrine.ui.kanban.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppliedAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 18);

    @ParameterizedTest
    @ValueSource(strings = { "2026-01-15T10:30", "2026-01-15 10:30:00", "2026-01-15", "2026-01-15T10:30:00.123456",
            "2026-01-15T23:30:00+01:00", " 2026-01-15 " })
    void readsEveryShapePeregrineWritesAppliedAtIn(String appliedAt) {
        assertEquals(Optional.of("applied 3 days ago"), AppliedAge.describe(appliedAt, TODAY));
    }

    @ParameterizedTest
    @CsvSource({ "2026-01-18, applied today", "2026-01-19, applied today", "2026-01-17, applied yesterday",
            "2026-01-05, applied 13 days ago", "2026-01-04, applied 2 weeks ago", "2025-11-20, applied 8 weeks ago",
            "2025-11-19, applied 2 months ago", "2024-01-20, applied 24 months ago", "2024-01-18, applied 2 years ago" })
    void saysHowLongAgoInTheUnitAPersonWouldUse(String appliedAt, String expected) {
        assertEquals(Optional.of(expected), AppliedAge.describe(appliedAt, TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "last week", "15/01/2026", "2026-13-01", "2026-01-15T", "2026-01-15 soon" })
    void leavesOffWhatItCannotRead(String appliedAt) {
        assertTrue(AppliedAge.describe(appliedAt, TODAY).isEmpty(), appliedAt);
    }
}
