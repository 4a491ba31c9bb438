package ch.postwall.mailbox.cassandra;

import java.util.Set;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.eventsourcing.Event;
import org.apache.james.eventsourcing.eventstore.EventStore;
import org.apache.james.eventsourcing.eventstore.cassandra.CassandraEventStore;
import org.apache.james.eventsourcing.eventstore.cassandra.EventNestedTypes;
import org.apache.james.eventsourcing.eventstore.cassandra.dto.EventDTO;
import org.apache.james.eventsourcing.eventstore.cassandra.dto.EventDTOModule;
import org.apache.james.json.DTO;
import org.apache.james.json.DTOModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

/**
 * James's event-sourced aggregates (quota mailing, DLP rules, task history...) on Cassandra; each feature adds
 * the JSON form of its events to the {@code EventDTOModule} set.
 */
public class CassandraEventStoreBackendModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraEventStore.class).in(Scopes.SINGLETON);
        bind(EventStore.class).to(CassandraEventStore.class);
        Multibinder.newSetBinder(binder(), new TypeLiteral<EventDTOModule<? extends Event, ? extends EventDTO>>() { });
        // No event of ours nests other DTOs.
        bind(new TypeLiteral<Set<DTOModule<?, ? extends DTO>>>() { })
            .annotatedWith(Names.named(EventNestedTypes.EVENT_NESTED_TYPES_INJECTION_NAME))
            .toInstance(Set.of());

        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding()
            .toInstance(org.apache.james.eventsourcing.eventstore.cassandra.CassandraEventStoreModule.MODULE());
    }
}
