package ch.postwall.filter.gateway.guice;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.gateway.GatewayRoutes;

/** Adds the gateway routes to WebAdmin. */
public class GatewayWebAdminModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(GatewayRoutes.class);
    }
}
