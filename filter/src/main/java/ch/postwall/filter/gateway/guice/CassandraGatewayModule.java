package ch.postwall.filter.gateway.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRouteWipeStep;
import ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteStore;
import ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Needs the {@code CqlSession} of the distributed backend; contributes its table to the Cassandra schema. */
public class CassandraGatewayModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraGatewayRouteStore.class).in(Scopes.SINGLETON);
        bind(GatewayRouteStore.class).to(CassandraGatewayRouteStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraGatewayRouteTable.MODULE);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(GatewayRouteWipeStep.class);
    }
}
