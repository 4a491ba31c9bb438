package ch.postwall.mailbox.opensearch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.util.DurationParser;
import org.apache.james.util.Size;

import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Settings of the OpenSearch message search index, read from {@code conf/opensearch.properties}.
 * Every key and its default is documented in the sample file of that name.
 */
public final class OpenSearchConfiguration {
    public static final String HOSTS = "opensearch.hosts";
    public static final String INDEX_NAME = "opensearch.index.name";
    public static final String ALIAS_NAME = "opensearch.alias.name";
    public static final String SHARDS = "opensearch.index.shards";
    public static final String REPLICAS = "opensearch.index.replicas";
    public static final String USERNAME = "opensearch.username";
    public static final String PASSWORD = "opensearch.password";
    public static final String TLS_ENABLED = "opensearch.tls.enabled";
    public static final String TRUSTSTORE_PATH = "opensearch.tls.truststore.path";
    public static final String TRUSTSTORE_PASSWORD = "opensearch.tls.truststore.password";
    public static final String REQUEST_TIMEOUT = "opensearch.request.timeout";
    public static final String TIKA_MAX_ATTACHMENT_SIZE = "opensearch.tika.max.attachment.size";
    public static final String TIKA_MAX_TEXT_LENGTH = "opensearch.tika.max.text.length";
    public static final String TIKA_TIMEOUT = "opensearch.tika.timeout";

    private static final Set<String> KNOWN_KEYS = ImmutableSet.of(HOSTS, INDEX_NAME, ALIAS_NAME, SHARDS, REPLICAS,
        USERNAME, PASSWORD, TLS_ENABLED, TRUSTSTORE_PATH, TRUSTSTORE_PASSWORD, REQUEST_TIMEOUT,
        TIKA_MAX_ATTACHMENT_SIZE, TIKA_MAX_TEXT_LENGTH, TIKA_TIMEOUT);

    public static final String DEFAULT_HOST = "127.0.0.1:9200";
    public static final String DEFAULT_INDEX_NAME = "postwall-messages-v1";
    public static final String DEFAULT_ALIAS_NAME = "postwall-messages";
    public static final int DEFAULT_SHARDS = 1;
    public static final int DEFAULT_REPLICAS = 1;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_TIKA_MAX_ATTACHMENT_SIZE = 20L * 1024 * 1024;
    public static final int DEFAULT_TIKA_MAX_TEXT_LENGTH = 1_000_000;
    public static final Duration DEFAULT_TIKA_TIMEOUT = Duration.ofSeconds(30);

    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    public record TrustStore(Path path, String password) {
        @Override
        public String toString() {
            return "TrustStore[path=" + path + "]";
        }
    }

    public static class Builder {
        private List<String> hosts = ImmutableList.of(DEFAULT_HOST);
        private String indexName = DEFAULT_INDEX_NAME;
        private String aliasName = DEFAULT_ALIAS_NAME;
        private int shards = DEFAULT_SHARDS;
        private int replicas = DEFAULT_REPLICAS;
        private Optional<Credentials> credentials = Optional.empty();
        private boolean tls = false;
        private Optional<TrustStore> trustStore = Optional.empty();
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long tikaMaxAttachmentSize = DEFAULT_TIKA_MAX_ATTACHMENT_SIZE;
        private int tikaMaxTextLength = DEFAULT_TIKA_MAX_TEXT_LENGTH;
        private Duration tikaTimeout = DEFAULT_TIKA_TIMEOUT;

        public Builder hosts(List<String> hosts) {
            this.hosts = ImmutableList.copyOf(hosts);
            return this;
        }

        public Builder indexName(String indexName) {
            this.indexName = indexName;
            return this;
        }

        public Builder aliasName(String aliasName) {
            this.aliasName = aliasName;
            return this;
        }

        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Optional.of(credentials);
            return this;
        }

        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        public Builder trustStore(TrustStore trustStore) {
            this.trustStore = Optional.of(trustStore);
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder tikaMaxAttachmentSize(long tikaMaxAttachmentSize) {
            this.tikaMaxAttachmentSize = tikaMaxAttachmentSize;
            return this;
        }

        public Builder tikaMaxTextLength(int tikaMaxTextLength) {
            this.tikaMaxTextLength = tikaMaxTextLength;
            return this;
        }

        public Builder tikaTimeout(Duration tikaTimeout) {
            this.tikaTimeout = tikaTimeout;
            return this;
        }

        public OpenSearchConfiguration build() {
            Preconditions.checkArgument(!hosts.isEmpty(), "%s must name at least one host", HOSTS);
            hosts.forEach(OpenSearchConfiguration::checkHost);
            checkIndexName(INDEX_NAME, indexName);
            checkIndexName(ALIAS_NAME, aliasName);
            Preconditions.checkArgument(!indexName.equals(aliasName), "%s and %s must differ", INDEX_NAME, ALIAS_NAME);
            Preconditions.checkArgument(shards >= 1, "%s must be at least 1, got %s", SHARDS, shards);
            Preconditions.checkArgument(replicas >= 0, "%s must not be negative, got %s", REPLICAS, replicas);
            Preconditions.checkArgument(trustStore.isEmpty() || tls, "%s requires %s=true", TRUSTSTORE_PATH, TLS_ENABLED);
            checkPositive(REQUEST_TIMEOUT, requestTimeout);
            Preconditions.checkArgument(tikaMaxAttachmentSize > 0, "%s must be positive, got %s", TIKA_MAX_ATTACHMENT_SIZE, tikaMaxAttachmentSize);
            Preconditions.checkArgument(tikaMaxTextLength > 0, "%s must be positive, got %s", TIKA_MAX_TEXT_LENGTH, tikaMaxTextLength);
            checkPositive(TIKA_TIMEOUT, tikaTimeout);
            return new OpenSearchConfiguration(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static OpenSearchConfiguration from(Configuration configuration) {
        List<String> unknown = new ArrayList<>();
        configuration.getKeys().forEachRemaining(key -> {
            if (!KNOWN_KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown keys in opensearch.properties: %s", unknown);

        Builder builder = builder();
        optional(configuration, HOSTS, value -> Splitter.on(',').trimResults().omitEmptyStrings().splitToList(value))
            .ifPresent(builder::hosts);
        optional(configuration, INDEX_NAME, Function.identity()).ifPresent(builder::indexName);
        optional(configuration, ALIAS_NAME, Function.identity()).ifPresent(builder::aliasName);
        optional(configuration, SHARDS, Integer::parseInt).ifPresent(builder::shards);
        optional(configuration, REPLICAS, Integer::parseInt).ifPresent(builder::replicas);
        optional(configuration, TLS_ENABLED, OpenSearchConfiguration::parseBoolean).ifPresent(builder::tls);
        optional(configuration, REQUEST_TIMEOUT, value -> DurationParser.parse(value, ChronoUnit.SECONDS)).ifPresent(builder::requestTimeout);
        optional(configuration, TIKA_MAX_ATTACHMENT_SIZE, value -> Size.parse(value).asBytes()).ifPresent(builder::tikaMaxAttachmentSize);
        optional(configuration, TIKA_MAX_TEXT_LENGTH, Integer::parseInt).ifPresent(builder::tikaMaxTextLength);
        optional(configuration, TIKA_TIMEOUT, value -> DurationParser.parse(value, ChronoUnit.SECONDS)).ifPresent(builder::tikaTimeout);

        Optional<String> username = optional(configuration, USERNAME, Function.identity());
        Optional<String> password = optional(configuration, PASSWORD, Function.identity());
        Preconditions.checkArgument(username.isPresent() == password.isPresent(),
            "%s and %s must be given together", USERNAME, PASSWORD);
        username.ifPresent(user -> builder.credentials(new Credentials(user, password.get())));

        Optional<Path> trustStorePath = optional(configuration, TRUSTSTORE_PATH, Path::of);
        Optional<String> trustStorePassword = optional(configuration, TRUSTSTORE_PASSWORD, Function.identity());
        Preconditions.checkArgument(trustStorePath.isPresent() || trustStorePassword.isEmpty(),
            "%s requires %s", TRUSTSTORE_PASSWORD, TRUSTSTORE_PATH);
        trustStorePath.ifPresent(path -> builder.trustStore(new TrustStore(path, trustStorePassword.orElse(""))));
        return builder.build();
    }

    private static <T> Optional<T> optional(Configuration configuration, String key, Function<String, T> parser) {
        String value = configuration.getString(key, null);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value for " + key + ": '" + value + "' (" + e.getMessage() + ")", e);
        }
    }

    private static boolean parseBoolean(String value) {
        Preconditions.checkArgument(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"), "expected true or false");
        return Boolean.parseBoolean(value);
    }

    private static void checkHost(String host) {
        int colon = host.lastIndexOf(':');
        Preconditions.checkArgument(colon > 0 && colon < host.length() - 1, "%s: '%s' is not host:port", HOSTS, host);
        int port;
        try {
            port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(HOSTS + ": '" + host + "' has an invalid port", e);
        }
        Preconditions.checkArgument(port > 0 && port < 65536, "%s: '%s' has an invalid port", HOSTS, host);
    }

    private static void checkIndexName(String key, String name) {
        Preconditions.checkArgument(name != null && name.matches("[a-z0-9][a-z0-9_.-]*"),
            "%s must be a lower-case OpenSearch index name, got '%s'", key, name);
    }

    private static void checkPositive(String key, Duration duration) {
        Preconditions.checkArgument(!duration.isNegative() && !duration.isZero(), "%s must be positive, got %s", key, duration);
    }

    private final List<String> hosts;
    private final String indexName;
    private final String aliasName;
    private final int shards;
    private final int replicas;
    private final Optional<Credentials> credentials;
    private final boolean tls;
    private final Optional<TrustStore> trustStore;
    private final Duration requestTimeout;
    private final long tikaMaxAttachmentSize;
    private final int tikaMaxTextLength;
    private final Duration tikaTimeout;

    private OpenSearchConfiguration(Builder builder) {
        this.hosts = builder.hosts;
        this.indexName = builder.indexName;
        this.aliasName = builder.aliasName;
        this.shards = builder.shards;
        this.replicas = builder.replicas;
        this.credentials = builder.credentials;
        this.tls = builder.tls;
        this.trustStore = builder.trustStore;
        this.requestTimeout = builder.requestTimeout;
        this.tikaMaxAttachmentSize = builder.tikaMaxAttachmentSize;
        this.tikaMaxTextLength = builder.tikaMaxTextLength;
        this.tikaTimeout = builder.tikaTimeout;
    }

    public List<String> hosts() {
        return hosts;
    }

    public String indexName() {
        return indexName;
    }

    public String aliasName() {
        return aliasName;
    }

    public int shards() {
        return shards;
    }

    public int replicas() {
        return replicas;
    }

    public Optional<Credentials> credentials() {
        return credentials;
    }

    public boolean tls() {
        return tls;
    }

    public Optional<TrustStore> trustStore() {
        return trustStore;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public long tikaMaxAttachmentSize() {
        return tikaMaxAttachmentSize;
    }

    public int tikaMaxTextLength() {
        return tikaMaxTextLength;
    }

    public Duration tikaTimeout() {
        return tikaTimeout;
    }
}
