package ch.postwall.retention.enforcement.cassandra;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.enforcement.RetentionEnforcementContract;

/**
 * The search index contract does not apply yet: the distributed backend has no search index wired (OpenSearch is to
 * come), and the Lucene stand-in of {@link BackendTestServer} receives no mailbox events on it.
 */
class CassandraRetentionEnforcementTest implements RetentionEnforcementContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension();

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.cassandra(cassandra);
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
