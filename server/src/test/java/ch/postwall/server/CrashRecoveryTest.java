package ch.postwall.server;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The crash recovery contract on the embedded default backend. */
class CrashRecoveryTest implements CrashRecoveryContract {
    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension();
}
