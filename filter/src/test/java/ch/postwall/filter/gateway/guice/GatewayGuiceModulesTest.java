package ch.postwall.filter.gateway.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.PropertiesProvider;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformerModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.gateway.EmbeddedGatewayRouteStore;
import ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteStore;
import ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable;
import ch.postwall.filter.gateway.GatewayRelay;
import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.GatewayRoutes;
import ch.postwall.filter.gateway.MemoryGatewayRouteStore;
import ch.postwall.filter.trace.EmbeddedMessageTraceStore;
import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTracePurger;
import ch.postwall.filter.trace.MessageTraceStore;
import ch.postwall.filter.trace.RecordTrace;
import ch.postwall.filter.trace.cassandra.CassandraMessageTraceStore;
import ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables;
import ch.postwall.filter.trace.guice.CassandraMessageTraceModule;
import ch.postwall.filter.trace.guice.EmbeddedMessageTraceModule;
import ch.postwall.filter.trace.guice.MemoryMessageTraceModule;
import ch.postwall.filter.trace.guice.MessageTraceModule;
import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

/** The modules wire the mailets, routes and stores; what James's server provides is bound by the test. */
class GatewayGuiceModulesTest {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraGatewayRouteTable.MODULE,
        CassandraMessageTraceTables.MODULE);

    private static Module jamesProvided() {
        return binder -> {
            binder.bind(Clock.class).toInstance(Clock.systemUTC());
            binder.bind(PropertiesProvider.class).toInstance(PropertiesProvider.forTesting());
            binder.bind(new TypeLiteral<MailQueueFactory<?>>() { })
                .toInstance(new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory()));
            Multibinder.newSetBinder(binder, JsonTransformerModule.class);
        };
    }

    @Test
    void memoryModulesShouldBindSingletonStoresMailetsAndRoutes() {
        Injector injector = Guice.createInjector(jamesProvided(), new MessageTraceModule(), new MemoryGatewayModule(),
            new MemoryMessageTraceModule(), new GatewayWebAdminModule());

        assertThat(injector.getInstance(GatewayRouteStore.class)).isInstanceOf(MemoryGatewayRouteStore.class)
            .isSameAs(injector.getInstance(GatewayRouteStore.class));
        assertThat(injector.getInstance(MessageTraceStore.class)).isInstanceOf(MemoryMessageTraceStore.class)
            .isSameAs(injector.getInstance(MessageTraceStore.class));
        assertThat(injector.getInstance(MessageTraceConfiguration.class)).isEqualTo(MessageTraceConfiguration.DEFAULT);
        assertThat(injector.getInstance(GatewayRelay.class)).isNotNull();
        assertThat(injector.getInstance(RecordTrace.class)).isNotNull();
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Routes>>() { })))
            .singleElement().isInstanceOf(GatewayRoutes.class);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<InitializationOperation>>() { })))
            .singleElement().satisfies(operation -> assertThat(operation.forClass()).isEqualTo(MessageTracePurger.class));
    }

    @Test
    void embeddedModulesShouldBindEmbeddedStores() {
        Injector injector = Guice.createInjector(jamesProvided(), new MessageTraceModule(), new EmbeddedGatewayModule(),
            new EmbeddedMessageTraceModule(),
            binder -> binder.bind(EmbeddedDatabase.class).toInstance(databaseExtension.database()));

        assertThat(injector.getInstance(GatewayRouteStore.class)).isInstanceOf(EmbeddedGatewayRouteStore.class);
        assertThat(injector.getInstance(MessageTraceStore.class)).isInstanceOf(EmbeddedMessageTraceStore.class);
    }

    @Test
    void cassandraModulesShouldBindCassandraStoresAndContributeTheirSchema() {
        Injector injector = Guice.createInjector(jamesProvided(), new MessageTraceModule(), new CassandraGatewayModule(),
            new CassandraMessageTraceModule(),
            binder -> binder.bind(CqlSession.class).toInstance(cassandra.session()));

        assertThat(injector.getInstance(GatewayRouteStore.class)).isInstanceOf(CassandraGatewayRouteStore.class);
        assertThat(injector.getInstance(MessageTraceStore.class)).isInstanceOf(CassandraMessageTraceStore.class);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<CassandraModule>>() { })))
            .containsExactlyInAnyOrder(CassandraGatewayRouteTable.MODULE, CassandraMessageTraceTables.MODULE);
        // Rows expire by TTL: no purge is scheduled.
        assertThat(injector.getExistingBinding(Key.get(new TypeLiteral<Set<InitializationOperation>>() { }))).isNull();
    }
}
