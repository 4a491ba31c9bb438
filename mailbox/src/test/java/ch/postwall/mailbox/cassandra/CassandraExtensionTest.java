package ch.postwall.mailbox.cassandra;

import static com.datastax.oss.driver.api.core.type.DataTypes.INT;
import static com.datastax.oss.driver.api.core.type.DataTypes.TEXT;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

class CassandraExtensionTest {
    private static final String TABLE = "extension_self_test";

    // Declared like James's mailbox tables, whose LZ4 options Cassandra 5 rejects unless rewritten.
    private static final CassandraModule MODULE = CassandraModule.table(TABLE)
        .comment("CassandraExtension self-test")
        .options(options -> options.withLZ4Compression(8, 1))
        .statement(statement -> types -> statement
            .withPartitionKey("id", INT)
            .withColumn("value", TEXT))
        .build();

    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(MODULE);

    @Test
    void insertedRowShouldBeReadBackWhenTableIsCreatedByTheExtension(CqlSession session) {
        session.execute(insertInto(TABLE).value("id", literal(1)).value("value", literal("one")).build());

        Row row = session.execute(selectFrom(TABLE).all().whereColumn("id").isEqualTo(literal(1)).build()).one();

        assertThat(row.getString("value")).isEqualTo("one");
    }

    @Test
    void tableShouldBeEmptyWhenTestStartsEvenAfterAnotherTestInserted() {
        assertThat(cassandra.session().execute(selectFrom(TABLE).all().build()).all()).isEmpty();

        cassandra.session().execute(insertInto(TABLE).value("id", literal(2)).value("value", literal("two")).build());
    }

    @Test
    void tableShouldBeEmptyWhenTestStartsEvenAfterAnotherTestInsertedToo() {
        assertThat(cassandra.session().execute(selectFrom(TABLE).all().build()).all()).isEmpty();

        cassandra.session().execute(insertInto(TABLE).value("id", literal(3)).value("value", literal("three")).build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lz4CompressionShouldKeepItsChunkLengthWhenRenderedForCassandra5(CqlSession session) {
        Object compression = session.getMetadata().getKeyspace(cassandra.keyspace()).orElseThrow()
            .getTable(TABLE).orElseThrow()
            .getOptions().get(CqlIdentifier.fromCql("compression"));

        assertThat((Map<Object, Object>) compression)
            .containsEntry("class", "org.apache.cassandra.io.compress.LZ4Compressor")
            .containsEntry("chunk_length_in_kb", "8");
    }

    @Test
    void schemaCreationShouldCreateNothingWhenTablesAlreadyExist(CqlSession session) {
        assertThat(new CassandraSchemaCreator(session).createMissing(MODULE))
            .isEqualTo(CassandraSchemaCreator.Outcome.NOTHING_TO_CREATE);
    }
}
