package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ResearchSummaryTest {

    @Test
    void theSummaryIsTheFirstLineOfProseWithoutMarkdownMarks() {
        assertEquals(Optional.of("Acme makes anvils."), ResearchSummary.firstLine("\n\n## Acme\n**Acme** makes anvils.\nMore."));
        assertEquals(Optional.of("Only a heading"), ResearchSummary.firstLine("## Only a heading\n"));
        assertEquals(Optional.of("Bullet first"), ResearchSummary.firstLine("- Bullet first\n- second"));
        assertEquals(Optional.empty(), ResearchSummary.firstLine("  \n \n"));
        assertEquals(Optional.empty(), ResearchSummary.firstLine(null));
    }

    @Test
    void aLongSummaryIsCutOnACharacterBoundaryWithAnEllipsis() {
        String emoji = "😀".repeat(300);
        String line = ResearchSummary.firstLine(emoji).orElseThrow();
        assertEquals(ResearchSummary.MAX_LENGTH, line.codePointCount(0, line.length()));
        assertEquals("…", line.substring(line.length() - 1));
    }
}
