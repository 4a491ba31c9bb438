package ch.postwall.mailbox.cassandra;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConversionException;

/**
 * How Postwall reaches its Cassandra cluster, read from {@code cassandra.properties} (see the sample in
 * {@code conf/cassandra.properties}). The same file may also carry James's own mailbox tuning keys (read by James's
 * {@code CassandraConfiguration}); any other key is a mistake and fails the start.
 */
public final class CassandraConnectionConfiguration {
    public static final String NODES = "cassandra.nodes";
    public static final String LOCAL_DATACENTER = "cassandra.local.dc";
    public static final String KEYSPACE = "cassandra.keyspace";
    public static final String REPLICATION_FACTOR = "cassandra.replication.factor";
    public static final String USER = "cassandra.user";
    public static final String PASSWORD = "cassandra.password";
    public static final String SSL = "cassandra.ssl";
    public static final String TRUSTSTORE_PATH = "cassandra.ssl.truststore.path";
    public static final String TRUSTSTORE_PASSWORD = "cassandra.ssl.truststore.password";
    public static final String REQUEST_TIMEOUT_MILLIS = "cassandra.request.timeout.millis";
    public static final String CONSISTENCY_LEVEL_REGULAR = "cassandra.consistency_level.regular";
    public static final String CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION = "cassandra.consistency_level.lightweight_transaction";

    public static final int DEFAULT_PORT = 9042;
    public static final List<InetSocketAddress> DEFAULT_NODES = List.of(InetSocketAddress.createUnresolved("127.0.0.1", DEFAULT_PORT));
    public static final String DEFAULT_LOCAL_DATACENTER = "datacenter1";
    public static final String DEFAULT_KEYSPACE = "postwall";
    public static final int DEFAULT_REPLICATION_FACTOR = 1;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_CONSISTENCY_LEVEL_REGULAR = "QUORUM";
    public static final String DEFAULT_CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION = "SERIAL";

    private static final Set<String> REGULAR_LEVELS = Set.of("QUORUM", "LOCAL_QUORUM", "EACH_QUORUM");
    private static final Set<String> LIGHTWEIGHT_TRANSACTION_LEVELS = Set.of("SERIAL", "LOCAL_SERIAL");
    private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

    /** Keys of James's CassandraConfiguration (mailbox tuning), allowed in the same file. */
    private static final Set<String> JAMES_MAILBOX_KEYS = Set.of("mailbox.read.repair.chance",
        "mailbox.counters.read.repair.chance.max", "mailbox.counters.read.repair.chance.one.hundred",
        "mailbox.max.retry.acl", "mailbox.max.retry.modseq", "mailbox.max.retry.uid",
        "mailbox.max.retry.message.flags.update", "mailbox.max.retry.message.id.flags.update",
        "fetch.advance.row.count", "chunk.size.expunge", "mailbox.blob.part.size",
        "attachment.v2.migration.read.timeout", "message.attachmentids.read.timeout",
        "mailbox.read.strong.consistency", "message.read.strong.consistency", "message.write.strong.consistency.unsafe",
        "uid.read.strong.consistency.unsafe", "modseq.read.strong.consistency.unsafe",
        "optimistic.consistency.level.enabled", "mailrepository.strong.consistency", "acl.enabled");
    private static final Set<String> OWN_KEYS = Set.of(NODES, LOCAL_DATACENTER, KEYSPACE, REPLICATION_FACTOR, USER,
        PASSWORD, SSL, TRUSTSTORE_PATH, TRUSTSTORE_PASSWORD, REQUEST_TIMEOUT_MILLIS, CONSISTENCY_LEVEL_REGULAR,
        CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION);

    /** Credentials, never logged. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    /** TLS towards the nodes; without a truststore the JVM's default trust applies. */
    public record Tls(Optional<Path> truststore, Optional<String> truststorePassword) {
        @Override
        public String toString() {
            return "Tls[truststore=" + truststore + "]";
        }
    }

    public static final class Builder {
        private List<InetSocketAddress> nodes = DEFAULT_NODES;
        private String localDatacenter = DEFAULT_LOCAL_DATACENTER;
        private String keyspace = DEFAULT_KEYSPACE;
        private int replicationFactor = DEFAULT_REPLICATION_FACTOR;
        private Optional<Credentials> credentials = Optional.empty();
        private Optional<Tls> tls = Optional.empty();
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private String consistencyLevelRegular = DEFAULT_CONSISTENCY_LEVEL_REGULAR;
        private String consistencyLevelLightweightTransaction = DEFAULT_CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION;

        private Builder() {
        }

        public Builder nodes(List<InetSocketAddress> nodes) {
            require(!nodes.isEmpty(), NODES, "at least one node is needed");
            this.nodes = List.copyOf(nodes);
            return this;
        }

        public Builder localDatacenter(String localDatacenter) {
            require(!localDatacenter.isBlank(), LOCAL_DATACENTER, "must not be blank");
            this.localDatacenter = localDatacenter;
            return this;
        }

        public Builder keyspace(String keyspace) {
            require(KEYSPACE_NAME.matcher(keyspace).matches(), KEYSPACE,
                "'" + keyspace + "' is not a keyspace name (a letter, then up to 47 letters, digits or _)");
            this.keyspace = keyspace;
            return this;
        }

        public Builder replicationFactor(int replicationFactor) {
            require(replicationFactor > 0, REPLICATION_FACTOR, "must be positive, got " + replicationFactor);
            this.replicationFactor = replicationFactor;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Optional.of(credentials);
            return this;
        }

        public Builder tls(Tls tls) {
            this.tls = Optional.of(tls);
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            require(!requestTimeout.isNegative() && !requestTimeout.isZero(), REQUEST_TIMEOUT_MILLIS, "must be positive");
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder consistencyLevelRegular(String level) {
            require(REGULAR_LEVELS.contains(level), CONSISTENCY_LEVEL_REGULAR, "must be one of " + REGULAR_LEVELS + ", got " + level);
            this.consistencyLevelRegular = level;
            return this;
        }

        public Builder consistencyLevelLightweightTransaction(String level) {
            require(LIGHTWEIGHT_TRANSACTION_LEVELS.contains(level), CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION,
                "must be one of " + LIGHTWEIGHT_TRANSACTION_LEVELS + ", got " + level);
            this.consistencyLevelLightweightTransaction = level;
            return this;
        }

        public CassandraConnectionConfiguration build() {
            return new CassandraConnectionConfiguration(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CassandraConnectionConfiguration from(Configuration configuration) {
        rejectUnknownKeys(configuration);
        Builder builder = builder();
        string(configuration, NODES).map(CassandraConnectionConfiguration::parseNodes).ifPresent(builder::nodes);
        string(configuration, LOCAL_DATACENTER).ifPresent(builder::localDatacenter);
        string(configuration, KEYSPACE).ifPresent(builder::keyspace);
        integer(configuration, REPLICATION_FACTOR).ifPresent(builder::replicationFactor);
        Optional<String> user = string(configuration, USER);
        Optional<String> password = string(configuration, PASSWORD);
        require(user.isPresent() == password.isPresent(), user.isPresent() ? PASSWORD : USER,
            USER + " and " + PASSWORD + " go together");
        user.ifPresent(name -> builder.credentials(new Credentials(name, password.orElseThrow())));
        Optional<String> truststore = string(configuration, TRUSTSTORE_PATH);
        Optional<String> truststorePassword = string(configuration, TRUSTSTORE_PASSWORD);
        if (bool(configuration, SSL)) {
            builder.tls(new Tls(truststore.map(Paths::get), truststorePassword));
        } else {
            require(truststore.isEmpty() && truststorePassword.isEmpty(), TRUSTSTORE_PATH,
                "a truststore is only used with " + SSL + "=true");
        }
        integer(configuration, REQUEST_TIMEOUT_MILLIS).map(Duration::ofMillis).ifPresent(builder::requestTimeout);
        string(configuration, CONSISTENCY_LEVEL_REGULAR).ifPresent(builder::consistencyLevelRegular);
        string(configuration, CONSISTENCY_LEVEL_LIGHTWEIGHT_TRANSACTION).ifPresent(builder::consistencyLevelLightweightTransaction);
        return builder.build();
    }

    static List<InetSocketAddress> parseNodes(String value) {
        List<InetSocketAddress> nodes = new ArrayList<>();
        for (String node : value.split(",")) {
            String trimmed = node.trim();
            require(!trimmed.isEmpty(), NODES, "empty node in '" + value + "'");
            int colon = trimmed.lastIndexOf(':');
            if (colon < 0) {
                nodes.add(InetSocketAddress.createUnresolved(trimmed, DEFAULT_PORT));
                continue;
            }
            try {
                int port = Integer.parseInt(trimmed.substring(colon + 1));
                require(port > 0 && port < 65536, NODES, "invalid port in '" + trimmed + "'");
                nodes.add(InetSocketAddress.createUnresolved(trimmed.substring(0, colon), port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(NODES + ": invalid port in '" + trimmed + "'", e);
            }
        }
        return nodes;
    }

    private static void rejectUnknownKeys(Configuration configuration) {
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            require(OWN_KEYS.contains(key) || JAMES_MAILBOX_KEYS.contains(key), key, "unknown key in cassandra.properties");
        }
    }

    private static Optional<String> string(Configuration configuration, String key) {
        return Optional.ofNullable(configuration.getString(key, null)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Optional<Integer> integer(Configuration configuration, String key) {
        return string(configuration, key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + value + "' is not an integer", e);
            }
        });
    }

    private static boolean bool(Configuration configuration, String key) {
        try {
            return configuration.getBoolean(key, false);
        } catch (ConversionException e) {
            throw new IllegalArgumentException(key + ": expected true or false", e);
        }
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new IllegalArgumentException(key + ": " + message);
        }
    }

    private final List<InetSocketAddress> nodes;
    private final String localDatacenter;
    private final String keyspace;
    private final int replicationFactor;
    private final Optional<Credentials> credentials;
    private final Optional<Tls> tls;
    private final Duration requestTimeout;
    private final String consistencyLevelRegular;
    private final String consistencyLevelLightweightTransaction;

    private CassandraConnectionConfiguration(Builder builder) {
        this.nodes = builder.nodes;
        this.localDatacenter = builder.localDatacenter;
        this.keyspace = builder.keyspace;
        this.replicationFactor = builder.replicationFactor;
        this.credentials = builder.credentials;
        this.tls = builder.tls;
        this.requestTimeout = builder.requestTimeout;
        this.consistencyLevelRegular = builder.consistencyLevelRegular;
        this.consistencyLevelLightweightTransaction = builder.consistencyLevelLightweightTransaction;
    }

    public List<InetSocketAddress> nodes() {
        return nodes;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    public String keyspace() {
        return keyspace;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    public Optional<Credentials> credentials() {
        return credentials;
    }

    public Optional<Tls> tls() {
        return tls;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public String consistencyLevelRegular() {
        return consistencyLevelRegular;
    }

    public String consistencyLevelLightweightTransaction() {
        return consistencyLevelLightweightTransaction;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CassandraConnectionConfiguration that
            && nodes.equals(that.nodes) && localDatacenter.equals(that.localDatacenter) && keyspace.equals(that.keyspace)
            && replicationFactor == that.replicationFactor && credentials.equals(that.credentials) && tls.equals(that.tls)
            && requestTimeout.equals(that.requestTimeout) && consistencyLevelRegular.equals(that.consistencyLevelRegular)
            && consistencyLevelLightweightTransaction.equals(that.consistencyLevelLightweightTransaction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes, localDatacenter, keyspace, replicationFactor, credentials, tls, requestTimeout,
            consistencyLevelRegular, consistencyLevelLightweightTransaction);
    }

    @Override
    public String toString() {
        return "CassandraConnectionConfiguration[nodes=" + nodes + ", localDatacenter=" + localDatacenter
            + ", keyspace=" + keyspace + ", replicationFactor=" + replicationFactor + ", credentials=" + credentials
            + ", tls=" + tls + ", requestTimeout=" + requestTimeout + ", consistency=" + consistencyLevelRegular
            + "/" + consistencyLevelLightweightTransaction + "]";
    }
}
