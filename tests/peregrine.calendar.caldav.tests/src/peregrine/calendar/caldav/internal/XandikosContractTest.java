package peregrine.calendar.caldav.internal;

import java.nio.file.Path;
import java.util.Optional;

import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Xandikos;

/**
 * The CalDAV provider passes the conformance kit against a real Xandikos. Xandikos 0.2.8 stores a backslash
 * followed by {@code n}, a comma or a semicolon (sent escaped, {@code \\n}) as the escape itself: a literal
 * {@code \n} in a title comes back as a line break. That input is skipped here, and kept against Radicale.
 */
class XandikosContractTest extends CaldavContract {

    @Override
    CalDavServer start(Path dir) throws Exception {
        return Xandikos.start(dir);
    }

    @Override
    Optional<String> serverAlters(String oddInput) {
        return oddInput.equals("backslashes and quotes")
                ? Optional.of("Xandikos 0.2.8 unescapes \\\\n, \\\\, and \\\\; in stored text (checked in its own storage)")
                : Optional.empty();
    }
}
