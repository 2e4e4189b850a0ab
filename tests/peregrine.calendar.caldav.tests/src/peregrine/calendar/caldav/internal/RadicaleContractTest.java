package peregrine.calendar.caldav.internal;

import java.nio.file.Path;

import peregrine.tests.support.CalDavServer;
import peregrine.tests.support.Radicale;

/** The CalDAV provider passes the conformance kit against a real Radicale. */
class RadicaleContractTest extends CaldavContract {

    @Override
    CalDavServer start(Path dir) throws Exception {
        return Radicale.start(dir);
    }
}
