package ch.postwall.server;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crash recovery contract on the distributed backend: a node's local queue keeps what it answered 250 for. */
class DistributedCrashRecoveryTest implements CrashRecoveryContract {
    @RegisterExtension
    @Order(1)
    static DistributedServices deployment = new DistributedServices();
    @RegisterExtension
    @Order(2)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), deployment::configure);
}
