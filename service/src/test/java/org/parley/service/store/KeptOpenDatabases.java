package org.parley.service.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes the H2 databases that {@link TestDatabases#keptOpen} kept open, once each test (or class) is done and before
 * JUnit deletes its {@code @TempDir}: an H2 file still open there had its lock file written again while the folder was
 * deleted ("Failed to delete temp directory"). A class opts in with {@code @ExtendWith}: those whose tests were run with
 * it (fifty-first session); the others open and close the file with each handle as before.
 */
public final class KeptOpenDatabases implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabases.keepOpen = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestDatabases.closeKeptOpen();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabases.keepOpen = false;
        TestDatabases.closeKeptOpen();
    }
}
