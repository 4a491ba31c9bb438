package ch.postwall.calendar.store.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.Changes;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.api.PutResult;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.api.WriteCondition;

/** Keeps everything in memory; one lock makes each write atomic. */
public class MemoryCalendarStore implements CalendarStore {
    private record Key(Username owner, String collectionId) {
    }

    /** A member at a revision; a deleted member stays as a tombstone (object empty) for sync. */
    private record Member(Optional<CalendarObject> object, long revision) {
    }

    private static final class State {
        private CalendarCollection collection;
        private final Map<String, Member> members = new LinkedHashMap<>();

        private State(CalendarCollection collection) {
            this.collection = collection;
        }

        private Optional<CalendarObject> live(String name) {
            return Optional.ofNullable(members.get(name)).flatMap(Member::object);
        }

        private long bump() {
            collection = collection.withSyncRevision(collection.syncRevision() + 1);
            return collection.syncRevision();
        }
    }

    private final Map<Key, State> states = new HashMap<>();

    @Override
    public synchronized List<CalendarCollection> collections(Username owner) {
        return states.entrySet().stream()
            .filter(entry -> entry.getKey().owner().equals(owner))
            .map(entry -> entry.getValue().collection)
            .sorted(Comparator.comparing(CalendarCollection::id))
            .toList();
    }

    @Override
    public synchronized Optional<CalendarCollection> collection(Username owner, String collectionId) {
        return state(owner, collectionId).map(state -> state.collection);
    }

    @Override
    public synchronized boolean createCollection(CalendarCollection collection) {
        return states.putIfAbsent(new Key(collection.owner(), collection.id()), new State(collection.withSyncRevision(0))) == null;
    }

    @Override
    public synchronized boolean updateCollectionProperties(CalendarCollection collection) {
        return state(collection.owner(), collection.id())
            .map(state -> {
                state.collection = state.collection.withDisplayName(collection.displayName())
                    .withDescription(collection.description())
                    .withColor(collection.color());
                return true;
            })
            .orElse(false);
    }

    @Override
    public synchronized boolean deleteCollection(Username owner, String collectionId) {
        return states.remove(new Key(owner, collectionId)) != null;
    }

    @Override
    public synchronized Optional<CalendarObject> object(Username owner, String collectionId, String name) {
        return state(owner, collectionId).flatMap(state -> state.live(name));
    }

    @Override
    public synchronized List<CalendarObject> objects(Username owner, String collectionId) {
        return liveObjects(owner, collectionId, any -> true);
    }

    @Override
    public synchronized List<CalendarObject> objectsOverlapping(Username owner, String collectionId, TimeRange range) {
        return liveObjects(owner, collectionId, object -> object.timeRange().overlaps(range));
    }

    @Override
    public synchronized PutResult put(CalendarObject object, WriteCondition condition) {
        Optional<State> maybeState = state(object.owner(), object.collectionId());
        if (maybeState.isEmpty()) {
            return PutResult.COLLECTION_NOT_FOUND;
        }
        State state = maybeState.get();
        Optional<CalendarObject> current = state.live(object.name());
        if (!condition.acceptsCurrent(current.map(CalendarObject::etag))) {
            return PutResult.PRECONDITION_FAILED;
        }
        boolean uidTaken = state.members.values().stream()
            .flatMap(member -> member.object().stream())
            .anyMatch(other -> other.uid().equals(object.uid()) && !other.name().equals(object.name()));
        if (uidTaken) {
            return PutResult.UID_CONFLICT;
        }
        state.members.remove(object.name());
        state.members.put(object.name(), new Member(Optional.of(object), state.bump()));
        return current.isPresent() ? PutResult.UPDATED : PutResult.CREATED;
    }

    @Override
    public synchronized DeleteResult delete(Username owner, String collectionId, String name, WriteCondition condition) {
        Optional<State> state = state(owner, collectionId);
        Optional<CalendarObject> current = state.flatMap(found -> found.live(name));
        if (current.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        if (!condition.acceptsCurrent(current.map(CalendarObject::etag))) {
            return DeleteResult.PRECONDITION_FAILED;
        }
        State found = state.get();
        found.members.remove(name);
        found.members.put(name, new Member(Optional.empty(), found.bump()));
        return DeleteResult.DELETED;
    }

    @Override
    public synchronized Optional<Changes> changesSince(Username owner, String collectionId, long revision) {
        return state(owner, collectionId)
            .filter(state -> revision <= state.collection.syncRevision())
            .map(state -> {
                List<String> changed = new ArrayList<>();
                List<String> deleted = new ArrayList<>();
                state.members.forEach((name, member) -> {
                    if (member.revision() > revision) {
                        (member.object().isPresent() ? changed : deleted).add(name);
                    }
                });
                return new Changes(state.collection.syncRevision(), changed, deleted);
            });
    }

    @Override
    public synchronized List<Username> owners(Domain domain) {
        return states.keySet().stream()
            .map(Key::owner)
            .filter(owner -> owner.getDomainPart().equals(Optional.of(domain)))
            .distinct()
            .toList();
    }

    @Override
    public synchronized void deleteUser(Username owner) {
        states.keySet().removeIf(key -> key.owner().equals(owner));
    }

    @Override
    public synchronized void deleteDomain(Domain domain) {
        states.keySet().removeIf(key -> key.owner().getDomainPart().equals(Optional.of(domain)));
    }

    private Optional<State> state(Username owner, String collectionId) {
        return Optional.ofNullable(states.get(new Key(owner, collectionId)));
    }

    private List<CalendarObject> liveObjects(Username owner, String collectionId, Predicate<CalendarObject> filter) {
        return state(owner, collectionId)
            .map(state -> state.members.values().stream()
                .flatMap(member -> member.object().stream())
                .filter(filter)
                .sorted(Comparator.comparing(CalendarObject::name))
                .toList())
            .orElse(List.of());
    }
}
