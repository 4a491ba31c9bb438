package ch.postwall.server;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The server contract on the distributed backend: Cassandra and OpenSearch servers shared by the test JVM. */
class DistributedServerTest implements PostwallServerContract {
    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), new DistributedServices()::configure);
}
