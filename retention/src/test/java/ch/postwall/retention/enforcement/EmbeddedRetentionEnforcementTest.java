package ch.postwall.retention.enforcement;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import ch.postwall.mailbox.testing.BackendTestServer;

class EmbeddedRetentionEnforcementTest implements RetentionEnforcementContract.SearchIndexContract {
    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.embedded();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    public BackendTestServer server() {
        return server;
    }
}
