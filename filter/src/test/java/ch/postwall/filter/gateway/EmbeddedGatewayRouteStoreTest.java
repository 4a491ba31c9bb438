package ch.postwall.filter.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedGatewayRouteStoreTest implements GatewayRouteStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedGatewayRouteStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedGatewayRouteStore(databaseExtension.database());
    }

    @Override
    public GatewayRouteStore store() {
        return store;
    }
}
