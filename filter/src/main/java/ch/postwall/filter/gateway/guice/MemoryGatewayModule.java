package ch.postwall.filter.gateway.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.Scopes;

import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRouteWipeStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.filter.gateway.MemoryGatewayRouteStore;

public class MemoryGatewayModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryGatewayRouteStore.class).in(Scopes.SINGLETON);
        bind(GatewayRouteStore.class).to(MemoryGatewayRouteStore.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(GatewayRouteWipeStep.class);
    }
}
