package ch.postwall.mailbox.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.components.CassandraTable;
import org.apache.james.backends.cassandra.components.CassandraType;
import org.apache.james.backends.cassandra.init.KeyspaceFactory;
import org.apache.james.backends.cassandra.init.configuration.KeyspaceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.querybuilder.SchemaBuilder;

/**
 * The Cassandra server of this JVM, shared by every test class: the one named by {@code POSTWALL_CASSANDRA}
 * (host:port) or one started on first use and stopped when the JVM exits.
 *
 * <p>Creating James's schemas takes tens of seconds, so each distinct set of tables gets one keyspace per JVM,
 * reused by every test class asking for the same set; keyspace names carry the pid so JVMs sharing a server
 * do not collide.
 */
final class CassandraTestCluster {
    static final String SERVER_ENV = "POSTWALL_CASSANDRA";

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraTestCluster.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    // Dropping a keyspace of a hundred tables flushes and removes each of them.
    private static final Duration DROP_TIMEOUT = Duration.ofMinutes(2);
    private static final String LOCAL_DATACENTER = "datacenter1";

    private static volatile CassandraTestCluster instance;

    private final Optional<CassandraServerProcess> ownServer;
    private final InetSocketAddress contactPoint;
    private final Map<Set<String>, KeyspaceSession> keyspacesBySchema = new ConcurrentHashMap<>();
    private final AtomicInteger keyspaceCounter = new AtomicInteger();

    record KeyspaceSession(String keyspace, CqlSession session) {
    }

    private CassandraTestCluster(Optional<CassandraServerProcess> ownServer, InetSocketAddress contactPoint) {
        this.ownServer = ownServer;
        this.contactPoint = contactPoint;
    }

    static CassandraTestCluster instance() {
        if (instance == null) {
            synchronized (CassandraTestCluster.class) {
                if (instance == null) {
                    instance = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "cassandra-test-cluster-stop"));
                }
            }
        }
        return instance;
    }

    private static CassandraTestCluster start() {
        String configured = System.getenv(SERVER_ENV);
        if (configured != null && !configured.isBlank()) {
            LOGGER.info("Using the Cassandra server {} named by {}", configured, SERVER_ENV);
            return new CassandraTestCluster(Optional.empty(), parseHostPort(configured.trim()));
        }
        CassandraServerProcess server = CassandraServerProcess.start();
        return new CassandraTestCluster(Optional.of(server), server.cqlAddress());
    }

    static InetSocketAddress parseHostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(SERVER_ENV + " must be host:port, got '" + hostPort + "'");
        }
        try {
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SERVER_ENV + " must be host:port, got '" + hostPort + "'", e);
        }
    }

    InetSocketAddress contactPoint() {
        return contactPoint;
    }

    /** The server this JVM started; a server named by POSTWALL_CASSANDRA is not ours to stop. */
    CassandraServerProcess ownServer() {
        return ownServer.orElseThrow(() -> new IllegalStateException(
            "The Cassandra server named by " + SERVER_ENV + " cannot be stopped by tests"));
    }

    /** The keyspace holding exactly the types and tables of this module, created with them on first request. */
    KeyspaceSession keyspaceWith(CassandraModule module) {
        return keyspacesBySchema.computeIfAbsent(schemaKey(module), key -> createKeyspace(module));
    }

    void dropKeyspace(String keyspace) {
        try (CqlSession admin = session(Optional.empty())) {
            admin.execute(SchemaBuilder.dropKeyspace(keyspace).ifExists().build().setTimeout(DROP_TIMEOUT));
        }
    }

    private KeyspaceSession createKeyspace(CassandraModule module) {
        String keyspace = "postwall_test_" + ProcessHandle.current().pid() + "_" + keyspaceCounter.incrementAndGet();
        try (CqlSession admin = session(Optional.empty())) {
            // Test data need not survive a crash: skipping the commit log speeds up every write.
            KeyspaceFactory.createKeyspace(new KeyspaceConfiguration(keyspace, 1, false), admin).block();
        }
        CqlSession session = session(Optional.of(keyspace));
        try {
            long start = System.nanoTime();
            new CassandraSchemaCreator(session).createMissing(module);
            LOGGER.info("Created keyspace {} with {} tables in {} ms", keyspace, module.moduleTables().size(),
                (System.nanoTime() - start) / 1_000_000);
            return new KeyspaceSession(keyspace, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private CqlSession session(Optional<String> keyspace) {
        var builder = CqlSession.builder()
            .addContactPoint(contactPoint)
            .withLocalDatacenter(LOCAL_DATACENTER)
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.PROTOCOL_VERSION, "V5")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, REQUEST_TIMEOUT)
                .build());
        keyspace.ifPresent(builder::withKeyspace);
        return builder.build();
    }

    private static Set<String> schemaKey(CassandraModule module) {
        Set<String> key = new TreeSet<>();
        module.moduleTypes().stream().map(CassandraType::getName).map(name -> "type:" + name).forEach(key::add);
        module.moduleTables().stream().map(CassandraTable::getName).map(name -> "table:" + name).forEach(key::add);
        return key;
    }

    /** A server we started goes away with its data; on a shared server we drop the keyspaces we created. */
    private void stop() {
        List<KeyspaceSession> keyspaces = List.copyOf(keyspacesBySchema.values());
        if (ownServer.isEmpty() && !keyspaces.isEmpty()) {
            try (CqlSession admin = session(Optional.empty())) {
                keyspaces.forEach(created -> admin.execute(SchemaBuilder.dropKeyspace(created.keyspace()).ifExists().build()));
            } catch (RuntimeException e) {
                LOGGER.warn("Cannot drop the test keyspaces on {}", contactPoint, e);
            }
        }
        keyspaces.forEach(created -> created.session().close());
        ownServer.ifPresent(CassandraServerProcess::stop);
    }
}
