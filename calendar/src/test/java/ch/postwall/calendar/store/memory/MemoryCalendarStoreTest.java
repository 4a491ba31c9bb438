package ch.postwall.calendar.store.memory;

import org.junit.jupiter.api.BeforeEach;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.CalendarStoreContract;
import ch.postwall.calendar.lifecycle.CalendarLifecycleContract;

class MemoryCalendarStoreTest implements CalendarStoreContract, CalendarLifecycleContract {
    private MemoryCalendarStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryCalendarStore();
    }

    @Override
    public CalendarStore store() {
        return store;
    }
}
