package ch.postwall.filter.gateway.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.Scopes;

import ch.postwall.filter.gateway.EmbeddedGatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRouteWipeStep;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Needs the {@code EmbeddedDatabase} bound by the embedded backend. */
public class EmbeddedGatewayModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedGatewayRouteStore.class).in(Scopes.SINGLETON);
        bind(GatewayRouteStore.class).to(EmbeddedGatewayRouteStore.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(GatewayRouteWipeStep.class);
    }
}
