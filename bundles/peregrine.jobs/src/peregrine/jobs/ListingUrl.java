package peregrine.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a job's listing address may be: an absolute http or https address with a host. Anything else (a file path,
 * a {@code javascript:} or {@code file:} address) is refused before it is stored or opened, since opening it would
 * hand it to whatever program the desktop picks.
 */
public final class ListingUrl {

    private ListingUrl() {
    }

    /** @return why {@code text} is not a listing address, in words for the user; empty when it is one */
    public static Optional<String> problem(String text) {
        String address = text.strip();
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // Not an address at all: said below, like any other that is not a web address.
        }
        return Optional.of("\u201c" + address + "\u201d is not a web address: a listing starts with http:// or https://"
                + " and names a site.");
    }
}
