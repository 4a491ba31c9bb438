package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.server.config.InvalidConfigurationException;

class DataDirectoryLockTest {
    @Test
    void theLockShouldStayHeldWhenNothingReferencesItAnyMore(@TempDir Path dataDirectory) throws Exception {
        DataDirectoryLock.acquire(dataDirectory);

        // The server keeps no reference to its lock once started: a collected channel would be closed, and its lock gone.
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
        }

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDirectory))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("is in use by another Postwall server");
    }
}
