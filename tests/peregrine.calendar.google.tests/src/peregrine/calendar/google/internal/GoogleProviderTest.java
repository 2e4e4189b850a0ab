package peregrine.calendar.google.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every test of the Google provider against the fake Calendar API starts from: a {@link GoogleFixture}
 * in a folder of its own, made before each test and closed after it.
 */
abstract class GoogleProviderTest {

    @TempDir
    Path dir;
    GoogleFixture google;

    @BeforeEach
    void startGoogle() throws Exception {
        google = new GoogleFixture(dir);
    }

    @AfterEach
    void stopGoogle() {
        google.close();
    }
}
