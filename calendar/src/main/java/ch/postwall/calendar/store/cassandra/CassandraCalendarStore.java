package ch.postwall.calendar.store.cassandra;

import static ch.postwall.calendar.store.cassandra.CassandraCalendarSchema.COLLECTIONS;
import static ch.postwall.calendar.store.cassandra.CassandraCalendarSchema.OBJECTS;
import static ch.postwall.calendar.store.cassandra.CassandraCalendarSchema.OWNERS_BY_DOMAIN;
import static ch.postwall.calendar.store.cassandra.CassandraCalendarSchema.UIDS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.Changes;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.api.PutResult;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.api.WriteCondition;

/**
 * Calendar store on Cassandra. A write reads the collection revision and the object, checks its
 * condition, advances the revision by compare-and-set, then writes the whole object row by
 * compare-and-set on the ETag it saw (one row: a crash never leaves half an object), and last the
 * UID index. Any concurrent change makes it retry on fresh state.
 */
public class CassandraCalendarStore implements CalendarStore {
    private static final int MAX_ATTEMPTS = 32;
    private static final String OBJECT_COLUMNS = "owner, collection_id, name, uid, component, ics, etag, range_start, range_end";

    private final CqlSession session;
    private final PreparedStatement selectCollections;
    private final PreparedStatement selectCollection;
    private final PreparedStatement insertCollection;
    private final PreparedStatement insertOwner;
    private final PreparedStatement updateProperties;
    private final PreparedStatement advanceRevision;
    private final PreparedStatement deleteCollectionRow;
    private final PreparedStatement deleteObjects;
    private final PreparedStatement deleteUids;
    private final PreparedStatement selectObject;
    private final PreparedStatement selectObjects;
    private final PreparedStatement selectOverlapping;
    private final PreparedStatement selectRevisions;
    private final PreparedStatement writeObject;
    private final PreparedStatement markDeleted;
    private final PreparedStatement selectUid;
    private final PreparedStatement insertUid;
    private final PreparedStatement deleteUid;
    private final PreparedStatement selectOwners;
    private final PreparedStatement deleteOwner;
    private final PreparedStatement deleteDomainOwners;

    @Inject
    public CassandraCalendarStore(CqlSession session) {
        this.session = session;
        String collectionColumns = "owner, id, display_name, description, color, components, revision";
        selectCollections = session.prepare("SELECT " + collectionColumns + " FROM " + COLLECTIONS + " WHERE owner = ?");
        selectCollection = session.prepare("SELECT " + collectionColumns + " FROM " + COLLECTIONS + " WHERE owner = ? AND id = ?");
        insertCollection = session.prepare("INSERT INTO " + COLLECTIONS + " (" + collectionColumns + ") VALUES (?, ?, ?, ?, ?, ?, 0) IF NOT EXISTS");
        insertOwner = session.prepare("INSERT INTO " + OWNERS_BY_DOMAIN + " (domain, owner) VALUES (?, ?)");
        updateProperties = session.prepare("UPDATE " + COLLECTIONS + " SET display_name = ?, description = ?, color = ?"
            + " WHERE owner = ? AND id = ? IF EXISTS");
        advanceRevision = session.prepare("UPDATE " + COLLECTIONS + " SET revision = ? WHERE owner = ? AND id = ? IF revision = ?");
        deleteCollectionRow = session.prepare("DELETE FROM " + COLLECTIONS + " WHERE owner = ? AND id = ?");
        deleteObjects = session.prepare("DELETE FROM " + OBJECTS + " WHERE owner = ? AND collection_id = ?");
        deleteUids = session.prepare("DELETE FROM " + UIDS + " WHERE owner = ? AND collection_id = ?");
        selectObject = session.prepare("SELECT " + OBJECT_COLUMNS + ", deleted FROM " + OBJECTS
            + " WHERE owner = ? AND collection_id = ? AND name = ?");
        selectObjects = session.prepare("SELECT " + OBJECT_COLUMNS + ", deleted FROM " + OBJECTS + " WHERE owner = ? AND collection_id = ?");
        // Filtering within one partition: the server skips non-overlapping objects without sending them.
        selectOverlapping = session.prepare("SELECT " + OBJECT_COLUMNS + ", deleted FROM " + OBJECTS
            + " WHERE owner = ? AND collection_id = ? AND range_start <= ? AND range_end >= ? ALLOW FILTERING");
        selectRevisions = session.prepare("SELECT name, revision, deleted FROM " + OBJECTS + " WHERE owner = ? AND collection_id = ?");
        // Conditional on the ETag seen when the write was decided (null: absent or deleted), so that a
        // concurrent change of the same object makes this write retry instead of overwriting it.
        writeObject = session.prepare("UPDATE " + OBJECTS + " SET uid = ?, component = ?, ics = ?, etag = ?, range_start = ?,"
            + " range_end = ?, revision = ?, deleted = false WHERE owner = ? AND collection_id = ? AND name = ? IF etag = ?");
        markDeleted = session.prepare("UPDATE " + OBJECTS + " SET uid = null, component = null, ics = null, etag = null,"
            + " range_start = null, range_end = null, revision = ?, deleted = true WHERE owner = ? AND collection_id = ? AND name = ?"
            + " IF etag = ?");
        selectUid = session.prepare("SELECT name FROM " + UIDS + " WHERE owner = ? AND collection_id = ? AND uid = ?");
        insertUid = session.prepare("INSERT INTO " + UIDS + " (owner, collection_id, uid, name) VALUES (?, ?, ?, ?)");
        deleteUid = session.prepare("DELETE FROM " + UIDS + " WHERE owner = ? AND collection_id = ? AND uid = ?");
        selectOwners = session.prepare("SELECT owner FROM " + OWNERS_BY_DOMAIN + " WHERE domain = ?");
        deleteOwner = session.prepare("DELETE FROM " + OWNERS_BY_DOMAIN + " WHERE domain = ? AND owner = ?");
        deleteDomainOwners = session.prepare("DELETE FROM " + OWNERS_BY_DOMAIN + " WHERE domain = ?");
    }

    @Override
    public List<CalendarCollection> collections(Username owner) {
        return session.execute(selectCollections.bind(owner.asString())).all().stream()
            .map(CassandraCalendarStore::collection)
            .toList();
    }

    @Override
    public Optional<CalendarCollection> collection(Username owner, String collectionId) {
        return Optional.ofNullable(session.execute(selectCollection.bind(owner.asString(), collectionId)).one())
            .map(CassandraCalendarStore::collection);
    }

    @Override
    public boolean createCollection(CalendarCollection collection) {
        session.execute(insertOwner.bind(domainOf(collection.owner()), collection.owner().asString()));
        return session.execute(insertCollection.bind(collection.owner().asString(), collection.id(), collection.displayName(),
            collection.description().orElse(null), collection.color().orElse(null),
            collection.components().stream().map(Enum::name).collect(Collectors.toSet()))).wasApplied();
    }

    @Override
    public boolean updateCollectionProperties(CalendarCollection collection) {
        return session.execute(updateProperties.bind(collection.displayName(), collection.description().orElse(null),
            collection.color().orElse(null), collection.owner().asString(), collection.id())).wasApplied();
    }

    @Override
    public boolean deleteCollection(Username owner, String collectionId) {
        boolean existed = collection(owner, collectionId).isPresent();
        // Content first: a collection re-created after a crash here must not find old objects.
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            deleteObjects.bind(owner.asString(), collectionId),
            deleteUids.bind(owner.asString(), collectionId),
            deleteCollectionRow.bind(owner.asString(), collectionId)));
        return existed;
    }

    @Override
    public Optional<CalendarObject> object(Username owner, String collectionId, String name) {
        return live(session.execute(selectObject.bind(owner.asString(), collectionId, name)).all()).stream().findFirst();
    }

    @Override
    public List<CalendarObject> objects(Username owner, String collectionId) {
        return live(session.execute(selectObjects.bind(owner.asString(), collectionId)).all());
    }

    @Override
    public List<CalendarObject> objectsOverlapping(Username owner, String collectionId, TimeRange range) {
        return live(session.execute(selectOverlapping.bind(owner.asString(), collectionId,
                range.end().toEpochMilli(), range.start().toEpochMilli())).all()).stream()
            .filter(object -> object.timeRange().overlaps(range))
            .toList();
    }

    @Override
    public PutResult put(CalendarObject object, WriteCondition condition) {
        String owner = object.owner().asString();
        return withRevision(object.owner(), object.collectionId(), PutResult.COLLECTION_NOT_FOUND, revision -> {
            Optional<CalendarObject> current = object(object.owner(), object.collectionId(), object.name());
            if (!condition.acceptsCurrent(current.map(CalendarObject::etag))) {
                return Attempt.done(PutResult.PRECONDITION_FAILED);
            }
            Optional<String> holder = Optional.ofNullable(session.execute(selectUid.bind(owner, object.collectionId(), object.uid())).one())
                .map(row -> row.getString("name"));
            if (holder.filter(name -> !name.equals(object.name())).isPresent()) {
                return Attempt.done(PutResult.UID_CONFLICT);
            }
            BoundStatement write = writeObject.bind(object.uid(), object.type().name(), object.ics(), object.etag(),
                object.timeRange().start().toEpochMilli(), object.timeRange().end().toEpochMilli(), revision + 1,
                owner, object.collectionId(), object.name(), current.map(CalendarObject::etag).orElse(null));
            BatchStatementBuilder index = BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatement(insertUid.bind(owner, object.collectionId(), object.uid(), object.name()));
            current.filter(previous -> !previous.uid().equals(object.uid()))
                .ifPresent(previous -> index.addStatement(deleteUid.bind(owner, object.collectionId(), previous.uid())));
            return Attempt.write(write, index.build(), current.isPresent() ? PutResult.UPDATED : PutResult.CREATED);
        });
    }

    @Override
    public DeleteResult delete(Username owner, String collectionId, String name, WriteCondition condition) {
        return withRevision(owner, collectionId, DeleteResult.NOT_FOUND, revision -> {
            Optional<CalendarObject> current = object(owner, collectionId, name);
            if (current.isEmpty()) {
                return Attempt.done(DeleteResult.NOT_FOUND);
            }
            if (!condition.acceptsCurrent(current.map(CalendarObject::etag))) {
                return Attempt.done(DeleteResult.PRECONDITION_FAILED);
            }
            return Attempt.write(markDeleted.bind(revision + 1, owner.asString(), collectionId, name, current.get().etag()),
                BatchStatement.newInstance(DefaultBatchType.LOGGED, deleteUid.bind(owner.asString(), collectionId, current.get().uid())),
                DeleteResult.DELETED);
        });
    }

    @Override
    public Optional<Changes> changesSince(Username owner, String collectionId, long revision) {
        Optional<CalendarCollection> collection = collection(owner, collectionId).filter(found -> revision <= found.syncRevision());
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>(session.execute(selectRevisions.bind(owner.asString(), collectionId)).all());
        rows.removeIf(row -> row.getLong("revision") <= revision);
        rows.sort(Comparator.comparingLong(row -> row.getLong("revision")));
        List<String> changed = rows.stream().filter(row -> !row.getBoolean("deleted")).map(row -> row.getString("name")).toList();
        List<String> deleted = rows.stream().filter(row -> row.getBoolean("deleted")).map(row -> row.getString("name")).toList();
        return Optional.of(new Changes(collection.get().syncRevision(), changed, deleted));
    }

    @Override
    public List<Username> owners(Domain domain) {
        return session.execute(selectOwners.bind(domain.asString())).all().stream()
            .map(row -> Username.of(row.getString("owner")))
            .toList();
    }

    @Override
    public void deleteUser(Username owner) {
        collections(owner).forEach(collection -> deleteCollection(owner, collection.id()));
        session.execute(deleteOwner.bind(domainOf(owner), owner.asString()));
    }

    @Override
    public void deleteDomain(Domain domain) {
        owners(domain).forEach(this::deleteUser);
        session.execute(deleteDomainOwners.bind(domain.asString()));
    }

    /**
     * What one attempt decided: a final result, or a conditional write of the object row, to run once
     * the revision is ours, followed by the update of the UID index.
     */
    private record Attempt<T>(T result, Optional<BoundStatement> write, Optional<BatchStatement> index) {
        static <T> Attempt<T> done(T result) {
            return new Attempt<>(result, Optional.empty(), Optional.empty());
        }

        static <T> Attempt<T> write(BoundStatement write, BatchStatement index, T result) {
            return new Attempt<>(result, Optional.of(write), Optional.of(index));
        }
    }

    private <T> T withRevision(Username owner, String collectionId, T missing, Function<Long, Attempt<T>> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<CalendarCollection> collection = collection(owner, collectionId);
            if (collection.isEmpty()) {
                return missing;
            }
            long revision = collection.get().syncRevision();
            Attempt<T> decided = attempt.apply(revision);
            if (decided.write().isEmpty()) {
                return decided.result();
            }
            BoundStatement claim = advanceRevision.bind(revision + 1, owner.asString(), collectionId, revision);
            if (session.execute(claim).wasApplied() && session.execute(decided.write().get()).wasApplied()) {
                session.execute(decided.index().get());
                return decided.result();
            }
        }
        throw new IllegalStateException("Too much concurrent writing on calendar " + collectionId + " of " + owner.asString());
    }

    private static List<CalendarObject> live(List<Row> rows) {
        return rows.stream()
            .filter(row -> !row.getBoolean("deleted"))
            .map(row -> new CalendarObject(Username.of(row.getString("owner")), row.getString("collection_id"), row.getString("name"),
                row.getString("uid"), ComponentType.valueOf(row.getString("component")), row.getString("ics"), row.getString("etag"),
                TimeRange.ofEpochMillis(row.getLong("range_start"), row.getLong("range_end"))))
            .sorted(Comparator.comparing(CalendarObject::name))
            .toList();
    }

    private static CalendarCollection collection(Row row) {
        Set<ComponentType> components = row.getSet("components", String.class).stream()
            .map(ComponentType::valueOf)
            .collect(Collectors.toSet());
        return new CalendarCollection(Username.of(row.getString("owner")), row.getString("id"), row.getString("display_name"),
            Optional.ofNullable(row.getString("description")), Optional.ofNullable(row.getString("color")), components,
            row.getLong("revision"));
    }

    private static String domainOf(Username owner) {
        return owner.getDomainPart().map(Domain::asString).orElse("");
    }
}
