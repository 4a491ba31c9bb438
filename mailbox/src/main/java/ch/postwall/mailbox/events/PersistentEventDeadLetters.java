package ch.postwall.mailbox.events;

import javax.inject.Inject;

import org.apache.james.events.Event;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.EventSerializer;
import org.apache.james.events.Group;

import com.google.common.base.Preconditions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Event dead letters that outlive the process: failed deliveries (e.g. indexing during a search outage) are kept in
 * the backend's database as JSON, so that a restart does not lose them before they are redelivered.
 */
public class PersistentEventDeadLetters implements EventDeadLetters {
    private final DeadLettersDAO dao;
    private final EventSerializer serializer;

    @Inject
    public PersistentEventDeadLetters(DeadLettersDAO dao, EventSerializer serializer) {
        this.dao = dao;
        this.serializer = serializer;
    }

    @Override
    public Mono<InsertionId> store(Group registeredGroup, Event failDeliveredEvent) {
        Preconditions.checkArgument(registeredGroup != null, REGISTERED_GROUP_CANNOT_BE_NULL);
        Preconditions.checkArgument(failDeliveredEvent != null, FAIL_DELIVERED_EVENT_CANNOT_BE_NULL);
        InsertionId insertionId = InsertionId.random();
        return Mono.fromCallable(() -> serializer.toJson(failDeliveredEvent))
            .flatMap(json -> dao.insert(registeredGroup.asString(), insertionId.getId(), json))
            .thenReturn(insertionId);
    }

    @Override
    public Mono<Void> remove(Group registeredGroup, InsertionId failDeliveredInsertionId) {
        Preconditions.checkArgument(registeredGroup != null, REGISTERED_GROUP_CANNOT_BE_NULL);
        Preconditions.checkArgument(failDeliveredInsertionId != null, FAIL_DELIVERED_ID_INSERTION_CANNOT_BE_NULL);
        return dao.delete(registeredGroup.asString(), failDeliveredInsertionId.getId());
    }

    @Override
    public Mono<Void> remove(Group registeredGroup) {
        Preconditions.checkArgument(registeredGroup != null, REGISTERED_GROUP_CANNOT_BE_NULL);
        return dao.deleteGroup(registeredGroup.asString());
    }

    @Override
    public Mono<Event> failedEvent(Group registeredGroup, InsertionId failDeliveredInsertionId) {
        Preconditions.checkArgument(registeredGroup != null, REGISTERED_GROUP_CANNOT_BE_NULL);
        Preconditions.checkArgument(failDeliveredInsertionId != null, FAIL_DELIVERED_ID_INSERTION_CANNOT_BE_NULL);
        return dao.read(registeredGroup.asString(), failDeliveredInsertionId.getId())
            .map(serializer::asEvent);
    }

    @Override
    public Flux<InsertionId> failedIds(Group registeredGroup) {
        Preconditions.checkArgument(registeredGroup != null, REGISTERED_GROUP_CANNOT_BE_NULL);
        return dao.insertionIds(registeredGroup.asString()).map(InsertionId::of);
    }

    @Override
    public Flux<Group> groupsWithFailedEvents() {
        return dao.groups().flatMap(name -> Mono.fromCallable(() -> Group.deserialize(name)));
    }

    @Override
    public Mono<Boolean> containEvents() {
        return dao.isEmpty().map(empty -> !empty);
    }
}
