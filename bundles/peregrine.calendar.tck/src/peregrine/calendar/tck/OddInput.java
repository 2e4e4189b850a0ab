package peregrine.calendar.tck;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The input every calendar provider must carry unchanged: odd titles, companies and listings, and interview
 * times on leap days and daylight-saving changes. {@link CalendarProviderContract} pushes all of it; a
 * provider's own parameterized tests may use it too, from their own {@code @MethodSource} methods.
 */
public final class OddInput {

    private OddInput() {
    }

    private static String tenThousandCharacters() {
        StringBuilder s = new StringBuilder();
        String pattern = "Lorem ipsum, dolor; sit \\ amet \"q\" \u00e9\u4e2d\uD83D\uDE80 ";
        while (s.length() < 10_000) {
            s.append(pattern);
        }
        String text = s.substring(0, 10_000);
        // never end inside a surrogate pair
        return Character.isHighSurrogate(text.charAt(text.length() - 1)) ? text.substring(0, 9_999) + "x" : text;
    }

    /** @return a name, a job title, a company and a listing's address, each odd in its own way */
    public static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("commas and semicolons", "Engineer, Platform; Backend", "ACME, Inc.; GmbH", "https://jobs.example.com/1"),
                Arguments.of("backslashes and quotes", "C:\\path\\to \"quoted\" 'single' \\n \\, \\;", "Back\\slash \"Co\"", "https://jobs.example.com/2"),
                Arguments.of("newlines and tabs", "Line one\nline two\tafter a tab", "Two\nLines\tCo", "https://jobs.example.com/3"),
                Arguments.of("CR LF and CR", "Windows\r\nline and old\rMac", "Co\r\nLtd", "https://jobs.example.com/4"),
                Arguments.of("emoji", "Rocket \uD83D\uDE80 engineer \uD83D\uDC69\u200D\uD83D\uDCBB", "Emoji \uD83D\uDE00 Co \uD83C\uDDE9\uD83C\uDDEA",
                        "https://jobs.example.com/5"),
                Arguments.of("right-to-left", "\u05DE\u05D4\u05E0\u05D3\u05E1 \u05EA\u05D5\u05DB\u05E0\u05D4",
                        "\u0634\u0631\u0643\u0629 \u202Ebidi override\u202C", "https://jobs.example.com/6"),
                Arguments.of("10,000 characters", tenThousandCharacters(), tenThousandCharacters(), "https://jobs.example.com/7"),
                Arguments.of("control characters", "Bell\u0007 Esc\u001B[31m Nul\u0000 Del\u007F Nel\u0085 end", "Ctrl\u0001Co",
                        "https://jobs.example.com/8"),
                Arguments.of("URL with query string", "Query", "Co", "https://jobs.example.com/search?q=d%C3%A9veloppeur&loc=Z%C3%BCrich&a=1,2;3#frag"),
                Arguments.of("URL with non-ASCII", "Non-ASCII URL", "Co", "https://\u4F8B\u3048.jp/\u6C42\u4EBA?id=42&lang=\u65E5\u672C\u8A9E&x=\u00e9"));
    }

    /** What a calendar can hold of {@code text}: no control characters but tab and line feed; CR LF and CR as LF. */
    public static String calendarText(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        lines.codePoints().filter(c -> c == '\t' || c == '\n' || Character.getType(c) != Character.CONTROL).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** @return a name, a local date-time and its zone: leap days, and times in and after daylight-saving gaps and overlaps */
    public static Stream<Arguments> times() {
        List<Arguments> times = new ArrayList<>();
        for (String zone : List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata")) {
            ZoneId id = ZoneId.of(zone);
            times.add(Arguments.of(zone + " leap day", LocalDateTime.of(2028, 2, 29, 23, 30), id));
            var rules = id.getRules();
            ZoneOffsetTransition t = rules.nextTransition(ZonedDateTime.of(2031, 1, 1, 0, 0, 0, 0, id).toInstant());
            for (int i = 0; i < 2 && t != null; i++, t = rules.nextTransition(t.getInstant())) {
                // a quarter of an hour into the gap (a time that does not exist) or into the repeated hour
                LocalDateTime local = (t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter()).plusMinutes(15);
                times.add(Arguments.of(zone + (t.isGap() ? " spring-forward gap " : " fall-back overlap ") + local, local, id));
                times.add(Arguments.of(zone + " the day after the change", local.plusDays(1), id));
            }
        }
        return times.stream();
    }
}
