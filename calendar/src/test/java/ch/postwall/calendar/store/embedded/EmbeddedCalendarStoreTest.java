package ch.postwall.calendar.store.embedded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.CalendarStoreContract;
import ch.postwall.calendar.lifecycle.CalendarLifecycleContract;
import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedCalendarStoreTest implements CalendarStoreContract, CalendarLifecycleContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedCalendarStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedCalendarStore(databaseExtension.database());
    }

    @Override
    public CalendarStore store() {
        return store;
    }
}
