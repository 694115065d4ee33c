package org.clearline.admin.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server for all tests of a class (starting the stack per test would cost
 * seconds on a shared machine); tests use names of their own so they stay apart.
 * A subclass's own {@code @BeforeAll} runs after this one and may add data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServerPerClass {
    ApiHarness api;

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        api = new ApiHarness(dir);
    }

    @AfterAll
    void stopServer() {
        if (api != null) api.close();
    }
}
