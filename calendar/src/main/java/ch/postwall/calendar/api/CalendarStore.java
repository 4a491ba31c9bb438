package ch.postwall.calendar.api;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * Calendar collections and their objects. Every write is atomic: its condition is checked and the
 * object, the collection revision and the change log are updated together or not at all.
 */
public interface CalendarStore {
    List<CalendarCollection> collections(Username owner);

    Optional<CalendarCollection> collection(Username owner, String collectionId);

    /** False when a collection with this id exists already. */
    boolean createCollection(CalendarCollection collection);

    /** Replaces display name, description and color; false when the collection does not exist. */
    boolean updateCollectionProperties(CalendarCollection collection);

    /** Deletes the collection with its objects and change log; false when it did not exist. */
    boolean deleteCollection(Username owner, String collectionId);

    Optional<CalendarObject> object(Username owner, String collectionId, String name);

    List<CalendarObject> objects(Username owner, String collectionId);

    /** The objects whose indexed time range overlaps the given one; callers refine per instance. */
    List<CalendarObject> objectsOverlapping(Username owner, String collectionId, TimeRange range);

    PutResult put(CalendarObject object, WriteCondition condition);

    DeleteResult delete(Username owner, String collectionId, String name, WriteCondition condition);

    /** Empty when the revision is unknown to this collection (newer than its current one). */
    Optional<Changes> changesSince(Username owner, String collectionId, long revision);

    /** The users of the domain who own at least one collection (what a domain wipe deletes). */
    List<Username> owners(Domain domain);

    void deleteUser(Username owner);

    void deleteDomain(Domain domain);
}
