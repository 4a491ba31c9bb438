package ch.postwall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

class CalendarProvisionerTest {
    static final Username ALICE = Username.of("alice@example.com");

    MemoryCalendarStore store = new MemoryCalendarStore();
    CalendarProvisioner provisioner = new CalendarProvisioner(store);

    @Test
    void provisionShouldCreateDefaultCalendarAndTaskList() {
        provisioner.provision(ALICE);

        assertThat(store.collections(ALICE)).extracting(CalendarCollection::id, CalendarCollection::components)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("calendar", Set.of(ComponentType.VEVENT)),
                org.assertj.core.groups.Tuple.tuple("tasks", Set.of(ComponentType.VTODO)));
    }

    @Test
    void provisionShouldLeaveExistingCollectionsAlone() {
        store.createCollection(CalendarCollection.create(ALICE, "mine", "Mine", Set.of(ComponentType.VEVENT)));

        provisioner.provision(ALICE);
        provisioner.provision(ALICE);

        assertThat(store.collections(ALICE)).extracting(CalendarCollection::id).containsExactly("mine");
    }
}
