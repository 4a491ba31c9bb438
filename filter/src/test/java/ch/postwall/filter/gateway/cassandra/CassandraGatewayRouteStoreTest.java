package ch.postwall.filter.gateway.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRouteStoreContract;
import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraGatewayRouteStoreTest implements GatewayRouteStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraGatewayRouteTable.MODULE);

    private CassandraGatewayRouteStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraGatewayRouteStore(cassandra.session());
    }

    @Override
    public GatewayRouteStore store() {
        return store;
    }
}
