package ch.postwall.filter.gateway.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.MemoryGatewayRouteStore;

public class MemoryGatewayModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryGatewayRouteStore.class).in(Scopes.SINGLETON);
        bind(GatewayRouteStore.class).to(MemoryGatewayRouteStore.class);
    }
}
