package ch.postwall.server.wipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.james.webadmin.utils.JsonTransformerModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;

import ch.postwall.calendar.guice.CassandraCalendarStoreModule;
import ch.postwall.filter.gateway.guice.CassandraGatewayModule;
import ch.postwall.filter.policy.CassandraDomainPolicyModule;
import ch.postwall.filter.protocollog.guice.CassandraProtocolLogModule;
import ch.postwall.filter.trace.guice.CassandraMessageTraceModule;
import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.opensearch.OpenSearchConfiguration;
import ch.postwall.mailbox.opensearch.OpenSearchExtension;
import ch.postwall.mailbox.opensearch.OpenSearchSearchModule;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.access.cassandra.CassandraAccessLogTables;
import ch.postwall.retention.contract.cassandra.CassandraContractTables;
import ch.postwall.retention.guice.AccessLogCaptureModule;
import ch.postwall.retention.guice.CassandraAccessLogModule;
import ch.postwall.retention.guice.CassandraContractModule;
import ch.postwall.retention.guice.CassandraRetentionPolicyModule;
import ch.postwall.server.PostwallServer;
import ch.postwall.server.roles.guice.CassandraRoleGrantModule;

/**
 * On the distributed backend: every table of the keyspace (from {@code system_schema.tables}) is read in full, every
 * cell of every type; the blob store is the {@code blobs} tables of the same keyspace, mail repositories and the
 * quarantine are tables too. The search index is OpenSearch (an index of this test's own on the
 * {@link OpenSearchExtension} server), read in full after a refresh.
 */
class CassandraContractWipeTest implements ContractWipeAssertEmptyContract {
    private static final Set<String> TABLES_KEEPING_THE_SUBJECT = Set.of(CassandraContractTables.REPORT,
        CassandraAccessLogTables.BY_ACCOUNT, CassandraAccessLogTables.BY_DOMAIN);

    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension();

    private static BackendTestServer server;
    private static OpenSearchConfiguration search;

    @BeforeAll
    static void startServer() throws Exception {
        search = OpenSearchExtension.newIndexConfiguration();
        // The server's feature groups with the distributed stores of BackendChooser; James's backend comes from BackendTestServer.
        server = BackendTestServer.cassandra(cassandra, PostwallServer.FILTER, PostwallServer.RETENTION,
            new CassandraRetentionPolicyModule(), new CassandraAccessLogModule(), new CassandraContractModule(),
            new CassandraProtocolLogModule(), new CassandraGatewayModule(), new CassandraMessageTraceModule(),
            new CassandraDomainPolicyModule(), new CassandraCalendarStoreModule(),
            // what the retention routes need besides the backend: role grants, the access-logged users, WebAdmin's JSON
            new CassandraRoleGrantModule(), new AccessLogCaptureModule(),
            binder -> Multibinder.newSetBinder(binder, JsonTransformerModule.class),
            Modules.override(new OpenSearchSearchModule()).with(binder -> binder.bind(OpenSearchConfiguration.class).toInstance(search)));
    }

    @Override
    public BackendTestServer server() {
        return server;
    }

    @Override
    public List<String> tracesOf(List<String> needles) throws Exception {
        List<String> found = tableTraces(needles);
        String index = searchIndexContent().toLowerCase(Locale.ROOT);
        needles.stream().filter(needle -> index.contains(needle.toLowerCase(Locale.ROOT)))
            .map(needle -> "opensearch " + search.indexName() + ": " + needle)
            .forEach(found::add);
        return found;
    }

    /** Every document of the index, as the JSON of a match-all search, once the index is refreshed. */
    private static String searchIndexContent() throws Exception {
        URI index = OpenSearchExtension.baseUri().resolve("/" + search.indexName() + "/");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> refresh = client.send(HttpRequest.newBuilder(index.resolve("_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refresh.statusCode()).isEqualTo(200);
        HttpResponse<String> all = client.send(HttpRequest.newBuilder(index.resolve("_search?size=10000")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(200);
        return all.body();
    }

    private static List<String> tableTraces(List<String> needles) {
        CqlSession session = cassandra.session();
        List<String> tables = session.execute(SimpleStatement.newInstance(
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", cassandra.keyspace()))
            .all().stream().map(row -> row.getString("table_name")).filter(table -> !TABLES_KEEPING_THE_SUBJECT.contains(table)).toList();
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            for (Row row : session.execute(SimpleStatement.newInstance("SELECT * FROM \"" + table + "\"").setPageSize(500))) {
                for (ColumnDefinition column : row.getColumnDefinitions()) {
                    String text = text(session, row, column).toLowerCase(Locale.ROOT);
                    needles.stream().filter(needle -> text.contains(needle.toLowerCase(Locale.ROOT)))
                        .map(needle -> table + "." + column.getName().asInternal() + ": " + needle)
                        .filter(hit -> !found.contains(hit))
                        .forEach(found::add);
                }
            }
        }
        return found;
    }

    /** Blobs as their bytes (Latin-1, so any marker inside shows), every other type in its CQL literal form. */
    private static String text(CqlSession session, Row row, ColumnDefinition column) {
        Object value = row.getObject(column.getName());
        if (value == null) {
            return "";
        }
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] content = new byte[copy.remaining()];
            copy.get(content);
            return new String(content, StandardCharsets.ISO_8859_1);
        }
        return session.getContext().getCodecRegistry().codecFor(column.getType()).format(value);
    }
}
