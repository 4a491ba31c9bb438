package ch.postwall.server;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The server contract on the embedded default backend. */
class EmbeddedServerTest implements PostwallServerContract {
    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension();
}
