package ch.postwall.filter.gateway;

import org.junit.jupiter.api.BeforeEach;

class MemoryGatewayRouteStoreTest implements GatewayRouteStoreContract {
    private MemoryGatewayRouteStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryGatewayRouteStore();
    }

    @Override
    public GatewayRouteStore store() {
        return store;
    }
}
