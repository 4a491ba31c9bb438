package ch.postwall.mailbox.cassandra;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.components.CassandraTable;
import org.apache.james.backends.cassandra.components.CassandraType;
import org.apache.james.backends.cassandra.init.CassandraTypesProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.querybuilder.schema.CreateTableWithOptions;

/**
 * Creates the missing user types and tables of James {@link CassandraModule}s in the session's keyspace, in a form
 * Cassandra 5 accepts.
 *
 * <p>James 3.8.1's {@code CassandraTableManager} cannot be used: tables declared with {@code withLZ4Compression(8, 1)}
 * render {@code chunk_length_kb} and {@code crc_check_chance} inside the compression map, which Cassandra 5 rejects.
 * Statements are run one at a time: concurrent schema changes on a small node only add schema disagreement.
 */
public class CassandraSchemaCreator {
    /** What a call found and did; only a complete creation proves the schema is the latest one. */
    public enum Outcome {
        CREATED_ALL,
        CREATED_SOME,
        NOTHING_TO_CREATE
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraSchemaCreator.class);
    private static final Duration SCHEMA_CHANGE_TIMEOUT = Duration.ofMinutes(1);
    private static final String COMPRESSION = "compression";
    private static final Field TABLE_STATEMENT = tableStatementField();

    private final CqlSession session;
    private final CqlIdentifier keyspace;

    public CassandraSchemaCreator(CqlSession session) {
        this.session = session;
        this.keyspace = session.getKeyspace()
            .orElseThrow(() -> new IllegalArgumentException("The Cassandra session must be bound to a keyspace"));
    }

    public Outcome createMissing(CassandraModule module) {
        int total = module.moduleTypes().size() + module.moduleTables().size();
        int created = 0;
        for (CassandraType type : module.moduleTypes()) {
            // Types need no rewriting: James's own initialisation runs their statements unchanged.
            if (type.initialize(keyspaceMetadata(), session).block() == CassandraType.InitializationStatus.FULL) {
                LOGGER.info("Created Cassandra type {}.{}", keyspace, type.getName());
                created++;
            }
        }
        CassandraTypesProvider typesProvider = new CassandraTypesProvider(session);
        for (CassandraTable table : module.moduleTables()) {
            if (keyspaceMetadata().getTable(table.getName()).isEmpty()) {
                LOGGER.info("Creating Cassandra table {}.{}", keyspace, table.getName());
                execute(cassandra5Compatible(statementOf(table).apply(typesProvider)).build());
                created++;
            }
        }
        if (created == 0) {
            return Outcome.NOTHING_TO_CREATE;
        }
        return created == total ? Outcome.CREATED_ALL : Outcome.CREATED_SOME;
    }

    /** Cassandra 5 names the chunk length {@code chunk_length_in_kb} and no longer takes a crc_check_chance there. */
    static CreateTableWithOptions cassandra5Compatible(CreateTableWithOptions statement) {
        if (!(statement.getOptions().get(COMPRESSION) instanceof Map<?, ?> compression)) {
            return statement;
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        compression.forEach((key, value) -> {
            switch (String.valueOf(key)) {
                case "chunk_length_kb" -> fixed.put("chunk_length_in_kb", value);
                case "crc_check_chance" -> { }
                default -> fixed.put(String.valueOf(key), value);
            }
        });
        return statement.withOption(COMPRESSION, fixed);
    }

    private KeyspaceMetadata keyspaceMetadata() {
        return session.getMetadata().getKeyspace(keyspace)
            .orElseThrow(() -> new IllegalStateException("Cassandra keyspace " + keyspace + " does not exist"));
    }

    private void execute(Statement<?> statement) {
        session.execute(statement.setTimeout(SCHEMA_CHANGE_TIMEOUT));
    }

    @SuppressWarnings("unchecked")
    private static Function<CassandraTypesProvider, CreateTableWithOptions> statementOf(CassandraTable table) {
        try {
            return (Function<CassandraTypesProvider, CreateTableWithOptions>) TABLE_STATEMENT.get(table);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the statement of Cassandra table " + table.getName(), e);
        }
    }

    /** James 3.8.1 keeps a table's statement private and only executes it itself; we must rewrite it first. */
    private static Field tableStatementField() {
        try {
            Field field = CassandraTable.class.getDeclaredField("createStatement");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Unsupported James version: CassandraTable has no createStatement field", e);
        }
    }
}
