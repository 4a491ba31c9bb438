package ch.postwall.calendar.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.Changes;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.api.PutResult;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/**
 * Calendar store on the embedded Derby database. A write first bumps the collection revision, which
 * locks the collection row until commit: concurrent writes to one collection serialise, and a failed
 * condition rolls the whole transaction back.
 */
public class EmbeddedCalendarStore implements CalendarStore {
    private static final String COLLECTION_COLUMNS = "owner, id, display_name, description, color, components, revision";
    private static final String OBJECT_COLUMNS = "owner, collection_id, name, uid, component, ics, etag, range_start, range_end";

    private final EmbeddedDatabase database;

    @Inject
    public EmbeddedCalendarStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(
            "CREATE TABLE calendar_collection (owner VARCHAR(320) NOT NULL, domain VARCHAR(255) NOT NULL,"
                + " id VARCHAR(255) NOT NULL, display_name VARCHAR(1024) NOT NULL, description VARCHAR(8192),"
                + " color VARCHAR(64), components VARCHAR(64) NOT NULL, revision BIGINT NOT NULL,"
                + " PRIMARY KEY (owner, id))",
            "CREATE INDEX calendar_collection_domain ON calendar_collection (domain)",
            // Deleted objects stay as rows with deleted = 1 and no content: the tombstones sync needs.
            "CREATE TABLE calendar_object (owner VARCHAR(320) NOT NULL, collection_id VARCHAR(255) NOT NULL,"
                + " name VARCHAR(255) NOT NULL, uid VARCHAR(512), component VARCHAR(16), ics CLOB,"
                + " etag VARCHAR(128), range_start BIGINT, range_end BIGINT, revision BIGINT NOT NULL,"
                + " deleted SMALLINT NOT NULL, PRIMARY KEY (owner, collection_id, name))",
            "CREATE INDEX calendar_object_range ON calendar_object (owner, collection_id, range_start)",
            "CREATE INDEX calendar_object_uid ON calendar_object (owner, collection_id, uid)",
            "CREATE INDEX calendar_object_revision ON calendar_object (owner, collection_id, revision)");
    }

    @Override
    public List<CalendarCollection> collections(Username owner) {
        return database.inTransaction(connection -> queryCollections(connection,
            "SELECT " + COLLECTION_COLUMNS + " FROM calendar_collection WHERE owner = ? ORDER BY id", owner.asString()));
    }

    @Override
    public Optional<CalendarCollection> collection(Username owner, String collectionId) {
        return database.inTransaction(connection -> findCollection(connection, owner, collectionId));
    }

    @Override
    public boolean createCollection(CalendarCollection collection) {
        return database.inTransaction(connection -> {
            if (findCollection(connection, collection.owner(), collection.id()).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendar_collection"
                + " (owner, domain, id, display_name, description, color, components, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
                insert.setString(1, collection.owner().asString());
                insert.setString(2, collection.owner().getDomainPart().map(Domain::asString).orElse(""));
                insert.setString(3, collection.id());
                insert.setString(4, collection.displayName());
                insert.setString(5, collection.description().orElse(null));
                insert.setString(6, collection.color().orElse(null));
                insert.setString(7, collection.components().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean updateCollectionProperties(CalendarCollection collection) {
        return database.inTransaction(connection -> update(connection,
            "UPDATE calendar_collection SET display_name = ?, description = ?, color = ? WHERE owner = ? AND id = ?",
            collection.displayName(), collection.description().orElse(null), collection.color().orElse(null),
            collection.owner().asString(), collection.id()) > 0);
    }

    @Override
    public boolean deleteCollection(Username owner, String collectionId) {
        return database.inTransaction(connection -> {
            update(connection, "DELETE FROM calendar_object WHERE owner = ? AND collection_id = ?", owner.asString(), collectionId);
            return update(connection, "DELETE FROM calendar_collection WHERE owner = ? AND id = ?", owner.asString(), collectionId) > 0;
        });
    }

    @Override
    public Optional<CalendarObject> object(Username owner, String collectionId, String name) {
        return database.inTransaction(connection -> findObject(connection, owner, collectionId, name));
    }

    @Override
    public List<CalendarObject> objects(Username owner, String collectionId) {
        return database.inTransaction(connection -> queryObjects(connection,
            "SELECT " + OBJECT_COLUMNS + " FROM calendar_object WHERE owner = ? AND collection_id = ? AND deleted = 0 ORDER BY name",
            owner.asString(), collectionId));
    }

    @Override
    public List<CalendarObject> objectsOverlapping(Username owner, String collectionId, TimeRange range) {
        return database.inTransaction(connection -> queryObjects(connection,
            "SELECT " + OBJECT_COLUMNS + " FROM calendar_object WHERE owner = ? AND collection_id = ? AND deleted = 0"
                + " AND range_start < ? AND (range_end > ? OR range_start = ?) ORDER BY name",
            owner.asString(), collectionId, range.end().toEpochMilli(), range.start().toEpochMilli(), range.start().toEpochMilli()));
    }

    @Override
    public PutResult put(CalendarObject object, WriteCondition condition) {
        return database.inTransaction(connection -> {
            Optional<Long> revision = bumpRevision(connection, object.owner(), object.collectionId());
            if (revision.isEmpty()) {
                return PutResult.COLLECTION_NOT_FOUND;
            }
            Optional<CalendarObject> current = findObject(connection, object.owner(), object.collectionId(), object.name());
            if (!condition.acceptsCurrent(current.map(CalendarObject::etag))) {
                connection.rollback();
                return PutResult.PRECONDITION_FAILED;
            }
            if (uidTaken(connection, object)) {
                connection.rollback();
                return PutResult.UID_CONFLICT;
            }
            update(connection, "DELETE FROM calendar_object WHERE owner = ? AND collection_id = ? AND name = ?",
                object.owner().asString(), object.collectionId(), object.name());
            update(connection, "INSERT INTO calendar_object (" + OBJECT_COLUMNS + ", revision, deleted)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                object.owner().asString(), object.collectionId(), object.name(), object.uid(), object.type().name(),
                object.ics(), object.etag(), object.timeRange().start().toEpochMilli(),
                object.timeRange().end().toEpochMilli(), revision.get());
            return current.isPresent() ? PutResult.UPDATED : PutResult.CREATED;
        });
    }

    @Override
    public DeleteResult delete(Username owner, String collectionId, String name, WriteCondition condition) {
        return database.inTransaction(connection -> {
            Optional<CalendarObject> current = findObject(connection, owner, collectionId, name);
            if (current.isEmpty()) {
                return DeleteResult.NOT_FOUND;
            }
            long revision = bumpRevision(connection, owner, collectionId).orElseThrow();
            // Read again under the collection lock: the first read only decides whether to lock at all.
            Optional<String> lockedEtag = findObject(connection, owner, collectionId, name).map(CalendarObject::etag);
            if (lockedEtag.isEmpty() || !condition.acceptsCurrent(lockedEtag)) {
                connection.rollback();
                return lockedEtag.isEmpty() ? DeleteResult.NOT_FOUND : DeleteResult.PRECONDITION_FAILED;
            }
            update(connection, "UPDATE calendar_object SET uid = NULL, component = NULL, ics = NULL, etag = NULL,"
                    + " range_start = NULL, range_end = NULL, deleted = 1, revision = ?"
                    + " WHERE owner = ? AND collection_id = ? AND name = ?",
                revision, owner.asString(), collectionId, name);
            return DeleteResult.DELETED;
        });
    }

    @Override
    public Optional<Changes> changesSince(Username owner, String collectionId, long revision) {
        return database.inTransaction(connection -> {
            Optional<CalendarCollection> collection = findCollection(connection, owner, collectionId)
                .filter(found -> revision <= found.syncRevision());
            if (collection.isEmpty()) {
                return Optional.empty();
            }
            List<String> changed = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            try (PreparedStatement select = prepare(connection,
                "SELECT name, deleted FROM calendar_object WHERE owner = ? AND collection_id = ? AND revision > ? ORDER BY revision",
                owner.asString(), collectionId, revision);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    (rows.getInt(2) == 0 ? changed : deleted).add(rows.getString(1));
                }
            }
            return Optional.of(new Changes(collection.get().syncRevision(), changed, deleted));
        });
    }

    @Override
    public List<Username> owners(Domain domain) {
        return database.inTransaction(connection -> {
            List<Username> owners = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, "SELECT DISTINCT owner FROM calendar_collection WHERE domain = ?",
                    domain.asString());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.add(Username.of(rows.getString(1)));
                }
            }
            return owners;
        });
    }

    @Override
    public void deleteUser(Username owner) {
        database.inTransaction(connection -> {
            update(connection, "DELETE FROM calendar_object WHERE owner = ?", owner.asString());
            return update(connection, "DELETE FROM calendar_collection WHERE owner = ?", owner.asString());
        });
    }

    @Override
    public void deleteDomain(Domain domain) {
        database.inTransaction(connection -> {
            update(connection, "DELETE FROM calendar_object WHERE owner IN"
                + " (SELECT owner FROM calendar_collection WHERE domain = ?)", domain.asString());
            return update(connection, "DELETE FROM calendar_collection WHERE domain = ?", domain.asString());
        });
    }

    private Optional<Long> bumpRevision(Connection connection, Username owner, String collectionId) throws SQLException {
        if (update(connection, "UPDATE calendar_collection SET revision = revision + 1 WHERE owner = ? AND id = ?",
            owner.asString(), collectionId) == 0) {
            return Optional.empty();
        }
        return findCollection(connection, owner, collectionId).map(CalendarCollection::syncRevision);
    }

    private boolean uidTaken(Connection connection, CalendarObject object) throws SQLException {
        try (PreparedStatement select = prepare(connection,
            "SELECT name FROM calendar_object WHERE owner = ? AND collection_id = ? AND uid = ? AND name <> ? AND deleted = 0",
            object.owner().asString(), object.collectionId(), object.uid(), object.name());
             ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    private Optional<CalendarCollection> findCollection(Connection connection, Username owner, String collectionId) throws SQLException {
        return queryCollections(connection, "SELECT " + COLLECTION_COLUMNS + " FROM calendar_collection WHERE owner = ? AND id = ?",
            owner.asString(), collectionId).stream().findFirst();
    }

    private Optional<CalendarObject> findObject(Connection connection, Username owner, String collectionId, String name) throws SQLException {
        return queryObjects(connection, "SELECT " + OBJECT_COLUMNS + " FROM calendar_object"
                + " WHERE owner = ? AND collection_id = ? AND name = ? AND deleted = 0",
            owner.asString(), collectionId, name).stream().findFirst();
    }

    private List<CalendarCollection> queryCollections(Connection connection, String sql, Object... parameters) throws SQLException {
        List<CalendarCollection> result = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Set<ComponentType> components = Arrays.stream(rows.getString(6).split(","))
                    .map(ComponentType::valueOf)
                    .collect(Collectors.toSet());
                result.add(new CalendarCollection(Username.of(rows.getString(1)), rows.getString(2), rows.getString(3),
                    Optional.ofNullable(rows.getString(4)), Optional.ofNullable(rows.getString(5)), components, rows.getLong(7)));
            }
        }
        return result;
    }

    private List<CalendarObject> queryObjects(Connection connection, String sql, Object... parameters) throws SQLException {
        List<CalendarObject> result = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new CalendarObject(Username.of(rows.getString(1)), rows.getString(2), rows.getString(3),
                    rows.getString(4), ComponentType.valueOf(rows.getString(5)), rows.getString(6), rows.getString(7),
                    TimeRange.ofEpochMillis(rows.getLong(8), rows.getLong(9))));
            }
        }
        return result;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, statement.getParameterMetaData().getParameterType(i + 1));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
