package ch.postwall.calendar.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.store.embedded.EmbeddedCalendarStore;

/** The calendar store on the embedded Derby database, which the embedded backend group binds. */
public class EmbeddedCalendarStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CalendarLifecycleModule());
        bind(EmbeddedCalendarStore.class).in(Scopes.SINGLETON);
        bind(CalendarStore.class).to(EmbeddedCalendarStore.class);
    }
}
