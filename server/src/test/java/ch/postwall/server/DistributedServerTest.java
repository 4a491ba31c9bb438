package ch.postwall.server;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server contract on the distributed backend: Cassandra and OpenSearch servers shared by the test JVM. */
class DistributedServerTest implements PostwallServerContract {
    @RegisterExtension
    @Order(1)
    static DistributedServices deployment = new DistributedServices();
    @RegisterExtension
    @Order(2)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), deployment::configure);
}
