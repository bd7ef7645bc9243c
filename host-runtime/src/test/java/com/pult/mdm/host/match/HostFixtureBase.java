package com.pult.mdm.host.match;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests of the matching layer: a fresh {@link HostFixture} in a temporary directory for each test,
 * closed after it. A subclass's own {@code @BeforeEach} runs after the fixture is open, so it can add users and
 * devices.
 */
public abstract class HostFixtureBase {

    /** The test's temporary directory; the fixture's database lives in it. */
    @TempDir
    protected Path dir;

    /** The fixture of the running test; a test that replaces it closes the one it replaces. */
    protected HostFixture host;

    @BeforeEach
    final void openHostFixture() throws Exception {
        host = new HostFixture(dir);
    }

    @AfterEach
    final void closeHostFixture() {
        host.close();
    }
}
