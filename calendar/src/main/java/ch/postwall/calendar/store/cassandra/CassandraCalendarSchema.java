package ch.postwall.calendar.store.cassandra;

import static com.datastax.oss.driver.api.core.type.DataTypes.BIGINT;
import static com.datastax.oss.driver.api.core.type.DataTypes.BOOLEAN;
import static com.datastax.oss.driver.api.core.type.DataTypes.TEXT;
import static com.datastax.oss.driver.api.core.type.DataTypes.setOf;

import org.apache.james.backends.cassandra.components.CassandraModule;

/**
 * Tables of the calendar store. Objects and their UID index share the partition of their
 * collection, so one logged batch writes an object and its UID together.
 */
public final class CassandraCalendarSchema {
    static final String COLLECTIONS = "calendar_collections";
    static final String OWNERS_BY_DOMAIN = "calendar_owners_by_domain";
    static final String OBJECTS = "calendar_objects";
    static final String UIDS = "calendar_uids";

    public static final CassandraModule MODULE = CassandraModule.builder()
        .table(COLLECTIONS)
        .comment("Calendar collections of a user; revision is the sync token, advanced by compare-and-set")
        .statement(statement -> types -> statement
            .withPartitionKey("owner", TEXT)
            .withClusteringColumn("id", TEXT)
            .withColumn("display_name", TEXT)
            .withColumn("description", TEXT)
            .withColumn("color", TEXT)
            .withColumn("components", setOf(TEXT))
            .withColumn("revision", BIGINT))
        .table(OWNERS_BY_DOMAIN)
        .comment("Users holding calendar collections, by domain, to delete a whole domain")
        .statement(statement -> types -> statement
            .withPartitionKey("domain", TEXT)
            .withClusteringColumn("owner", TEXT))
        .table(OBJECTS)
        .comment("Calendar objects; deleted ones stay as tombstone rows without content for sync-collection")
        .statement(statement -> types -> statement
            .withPartitionKey("owner", TEXT)
            .withPartitionKey("collection_id", TEXT)
            .withClusteringColumn("name", TEXT)
            .withColumn("uid", TEXT)
            .withColumn("component", TEXT)
            .withColumn("ics", TEXT)
            .withColumn("etag", TEXT)
            .withColumn("range_start", BIGINT)
            .withColumn("range_end", BIGINT)
            .withColumn("revision", BIGINT)
            .withColumn("deleted", BOOLEAN))
        .table(UIDS)
        .comment("Which object of a collection holds a UID (RFC 4791 no-uid-conflict)")
        .statement(statement -> types -> statement
            .withPartitionKey("owner", TEXT)
            .withPartitionKey("collection_id", TEXT)
            .withClusteringColumn("uid", TEXT)
            .withColumn("name", TEXT))
        .build();

    private CassandraCalendarSchema() {
    }
}
