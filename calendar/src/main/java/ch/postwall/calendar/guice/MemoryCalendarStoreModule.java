package ch.postwall.calendar.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

public class MemoryCalendarStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CalendarLifecycleModule());
        bind(MemoryCalendarStore.class).in(Scopes.SINGLETON);
        bind(CalendarStore.class).to(MemoryCalendarStore.class);
    }
}
