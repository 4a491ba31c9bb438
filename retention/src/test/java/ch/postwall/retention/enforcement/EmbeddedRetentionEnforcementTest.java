package ch.postwall.retention.enforcement;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.mailbox.testing.BackendTestServer;

class EmbeddedRetentionEnforcementTest implements RetentionEnforcementContract.SearchIndexContract {
    @TempDir
    static Path workingDirectory;

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.embedded(workingDirectory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    public BackendTestServer server() {
        return server;
    }
}
