package peregrine.calendar.caldav.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one calendar collection the provider may write to, and the test of whether an event address lies in it.
 * Addresses come from the job database (which another program may have written) and from the server's answers,
 * so neither is trusted: an address is resolved against the calendar, its scheme, host and port compared with
 * the calendar's, and its path compared segment by segment after percent-decoding and removing dot segments
 * (RFC 3986 5.2.4), so {@code ../}, {@code %2e%2e/}, an encoded slash or another origin never reach outside.
 * An event is a direct member of its calendar collection (RFC 4791 4.2), so exactly one more segment is allowed.
 */
final class CalendarScope {

    private final URI calendar;
    private final List<String> segments;

    /** @param calendar the calendar collection's address, ending in {@code /} */
    CalendarScope(URI calendar) {
        this.calendar = calendar;
        this.segments = decodedSegments(calendar.getRawPath()).orElseThrow(() -> new IllegalArgumentException("calendar " + calendar));
    }

    URI calendar() {
        return calendar;
    }

    /**
     * @param address an absolute URL or a reference relative to the calendar
     * @return the address of the event resource it names, when that resource is a member of this calendar
     *         (the address as given, with scheme, host and port spelled as the calendar's); empty otherwise
     */
    Optional<URI> member(String address) {
        URI uri;
        try {
            uri = calendar.resolve(new URI(address.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getHost() == null
                || !scheme(uri).equals(scheme(calendar)) || !uri.getHost().equalsIgnoreCase(calendar.getHost())
                || port(uri) != port(calendar)) {
            return Optional.empty();
        }
        String rawPath = uri.getRawPath();
        Optional<List<String>> decoded = decodedSegments(rawPath);
        if (decoded.isEmpty() || decoded.get().size() != segments.size() + 1 || !decoded.get().subList(0, segments.size()).equals(segments)) {
            return Optional.empty();
        }
        String name = decoded.get().get(segments.size());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        // Only the resource name is taken from the address, exactly as it was encoded there; the rest is the calendar's.
        String rawName = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        return Optional.of(URI.create(calendar.toString() + rawName));
    }

    /** @return whether {@code address} names a member of this calendar */
    boolean contains(String address) {
        return member(address).isPresent();
    }

    /**
     * @return the path's segments, each percent-decoded (UTF-8), with {@code .} and {@code ..} removed as RFC 3986
     *         5.2.4 does, and without the empty segment a trailing slash leaves; empty when a segment decodes to
     *         something no path segment may hold (a slash, a control character, malformed UTF-8)
     */
    static Optional<List<String>> decodedSegments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        String[] parts = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            Optional<String> segment = decode(parts[i]);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            String s = segment.get();
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!s.equals(".") && !(s.isEmpty() && i == parts.length - 1)) {
                out.add(s);
            }
        }
        return Optional.of(out);
    }

    private static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return Optional.empty(); // java.net.URI keeps other characters raw only in its "other" category
            }
        }
        bytes.flip();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.chars().anyMatch(ch -> ch == '/' || ch == '\\' || Character.isISOControl(ch))) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme(uri)) ? 443 : 80;
    }
}
