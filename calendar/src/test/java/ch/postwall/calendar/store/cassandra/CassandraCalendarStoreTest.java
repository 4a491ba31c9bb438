package ch.postwall.calendar.store.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.CalendarStoreContract;
import ch.postwall.calendar.lifecycle.CalendarLifecycleContract;
import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraCalendarStoreTest implements CalendarStoreContract, CalendarLifecycleContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraCalendarSchema.MODULE);

    private CassandraCalendarStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraCalendarStore(cassandra.session());
    }

    @Override
    public CalendarStore store() {
        return store;
    }
}
