package ch.postwall.mailbox.cassandra;

import java.net.InetSocketAddress;
import java.util.List;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.components.CassandraTable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.querybuilder.QueryBuilder;

/**
 * Gives tests a {@link CqlSession} on a real Cassandra 5 server whose keyspace holds the tables of the given James
 * {@link CassandraModule}s; every table is empty when a test starts.
 *
 * <pre>
 * &#64;RegisterExtension
 * static CassandraExtension cassandra = new CassandraExtension(CassandraMyStoreModule.MODULE);
 *
 * &#64;Test
 * void something(CqlSession session) { ... }   // or cassandra.session()
 * </pre>
 *
 * The server is the one named by the environment variable {@code POSTWALL_CASSANDRA} (host:port), otherwise one
 * started once per JVM from the postwall-cassandra-server jars and stopped when the JVM exits. The session is shared:
 * tests must not close it.
 */
public class CassandraExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final CassandraModule module;
    private volatile CassandraTestCluster.KeyspaceSession keyspace;

    public CassandraExtension(CassandraModule... modules) {
        this.module = CassandraModule.aggregateModules(modules);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureKeyspace();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ensureKeyspace();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        truncateNonEmptyTables();
    }

    /** The session, bound to the keyspace holding the module's tables. */
    public CqlSession session() {
        return ensureKeyspace().session();
    }

    /** The keyspace, for code under test that builds its own session. */
    public String keyspace() {
        return ensureKeyspace().keyspace();
    }

    /** The CQL address of the server, for code under test that builds its own session. */
    public InetSocketAddress contactPoint() {
        return CassandraTestCluster.instance().contactPoint();
    }

    /** Drops a keyspace that code under test created on this server, e.g. a test deployment's, freeing its tables. */
    public static void dropKeyspace(String keyspace) {
        CassandraTestCluster.instance().dropKeyspace(keyspace);
    }

    /** Stops the Cassandra server of this JVM, keeping its data, to test how clients live through an outage. */
    public static void pauseServer() {
        CassandraTestCluster.instance().ownServer().pause();
    }

    /** Starts the server stopped by {@link #pauseServer()} again, on the same address. */
    public static void resumeServer() {
        CassandraTestCluster.instance().ownServer().resume();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CqlSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return session();
    }

    private CassandraTestCluster.KeyspaceSession ensureKeyspace() {
        if (keyspace == null) {
            keyspace = CassandraTestCluster.instance().keyspaceWith(module);
        }
        return keyspace;
    }

    /** TRUNCATE costs a flush on the server, so only tables holding rows are truncated. */
    private void truncateNonEmptyTables() {
        CqlSession session = session();
        List<String> tables = module.moduleTables().stream().map(CassandraTable::getName).toList();
        tables.stream()
            .filter(table -> session.execute(QueryBuilder.selectFrom(table).all().limit(1).build()).one() != null)
            .forEach(table -> session.execute(QueryBuilder.truncate(table).build()));
    }
}
