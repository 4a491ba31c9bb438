package ch.postwall.calendar.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.store.cassandra.CassandraCalendarSchema;
import ch.postwall.calendar.store.cassandra.CassandraCalendarStore;

/** The calendar store on Cassandra; its tables join the schema the session module creates. */
public class CassandraCalendarStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CalendarLifecycleModule());
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraCalendarSchema.MODULE);
        bind(CassandraCalendarStore.class).in(Scopes.SINGLETON);
        bind(CalendarStore.class).to(CassandraCalendarStore.class);
    }
}
