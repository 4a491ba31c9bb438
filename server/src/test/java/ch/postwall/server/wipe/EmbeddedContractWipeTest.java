package ch.postwall.server.wipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.webadmin.utils.JsonTransformerModule;
import org.apache.lucene.document.Fieldable;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.TermDocs;
import org.apache.lucene.index.TermEnum;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;

import com.google.inject.multibindings.Multibinder;

import ch.postwall.calendar.guice.EmbeddedCalendarStoreModule;
import ch.postwall.filter.gateway.guice.EmbeddedGatewayModule;
import ch.postwall.filter.policy.EmbeddedDomainPolicyModule;
import ch.postwall.filter.protocollog.guice.EmbeddedProtocolLogModule;
import ch.postwall.filter.trace.guice.EmbeddedMessageTraceModule;
import ch.postwall.mailbox.embedded.DurableLuceneMessageSearchIndex;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.EmbeddedStorageLocation;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.guice.AccessLogCaptureModule;
import ch.postwall.retention.guice.EmbeddedAccessLogModule;
import ch.postwall.retention.guice.EmbeddedContractModule;
import ch.postwall.retention.guice.EmbeddedRetentionPolicyModule;
import ch.postwall.server.PostwallServer;
import ch.postwall.server.roles.guice.EmbeddedRoleGrantModule;

/**
 * On the embedded backend: every table of the Derby database (text, CLOB and BLOB columns), every live document of
 * the Lucene index (its terms and stored fields), and the names and contents of the other files under the data
 * directory (the mail queue's files among them). Derby pages and Lucene segments are read through their own APIs, not as
 * bytes: they keep deleted records in their files until they compact them.
 */
class EmbeddedContractWipeTest implements ContractWipeAssertEmptyContract {
    private static final Set<String> TABLES_KEEPING_THE_SUBJECT = Set.of("CONTRACT_REPORT", "ACCESS_LOG");

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        // The server's feature groups with the embedded stores of BackendChooser; James's backend comes from BackendTestServer.
        server = BackendTestServer.embedded(PostwallServer.FILTER, PostwallServer.RETENTION,
            new EmbeddedRetentionPolicyModule(), new EmbeddedAccessLogModule(), new EmbeddedContractModule(),
            new EmbeddedProtocolLogModule(), new EmbeddedGatewayModule(), new EmbeddedMessageTraceModule(),
            new EmbeddedDomainPolicyModule(), new EmbeddedCalendarStoreModule(),
            // what the retention routes need besides the backend: role grants, the access-logged users, WebAdmin's JSON
            new EmbeddedRoleGrantModule(), new AccessLogCaptureModule(),
            binder -> Multibinder.newSetBinder(binder, JsonTransformerModule.class));
    }

    @Override
    public BackendTestServer server() {
        return server;
    }

    @Override
    public List<String> tracesOf(List<String> needles) throws Exception {
        List<String> lowerCase = needles.stream().map(needle -> needle.toLowerCase(Locale.ROOT)).toList();
        List<String> found = new ArrayList<>();
        found.addAll(databaseTraces(lowerCase));
        found.addAll(searchIndexTraces(lowerCase));
        found.addAll(fileTraces(lowerCase));
        return found;
    }

    private static void collect(String place, String text, List<String> needles, List<String> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        needles.stream().filter(lower::contains).map(needle -> place + ": " + needle).filter(hit -> !found.contains(hit)).forEach(found::add);
    }

    private static List<String> databaseTraces(List<String> needles) throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        try (Connection connection = server.instance(EmbeddedDatabase.class).openConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet table = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (table.next()) {
                    if (!TABLES_KEEPING_THE_SUBJECT.contains(table.getString("TABLE_NAME"))) {
                        tables.add("\"" + table.getString("TABLE_SCHEM") + "\".\"" + table.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            collect(table + "." + rows.getMetaData().getColumnName(column), text(rows.getObject(column)), needles, found);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException, IOException {
        if (value instanceof Blob blob) {
            try (InputStream stream = blob.getBinaryStream()) {
                return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(value);
    }

    /** Terms that still match a live document, and the stored fields of live documents, after a commit. */
    private static List<String> searchIndexTraces(List<String> needles) throws IOException {
        DurableLuceneMessageSearchIndex searchIndex = server.instance(DurableLuceneMessageSearchIndex.class);
        searchIndex.indexedSoFar().block();
        searchIndex.commit();
        List<String> found = new ArrayList<>();
        Path index = EmbeddedStorageLocation.luceneIndex(server.instance(JamesDirectoriesProvider.class));
        try (FSDirectory directory = FSDirectory.open(index.toFile()); IndexReader reader = IndexReader.open(directory)) {
            TermEnum terms = reader.terms();
            while (terms.next()) {
                try (TermDocs live = reader.termDocs(terms.term())) {
                    if (live.next()) {
                        collect("lucene term " + terms.term().field(), terms.term().text(), needles, found);
                    }
                }
            }
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (!reader.isDeleted(doc)) {
                    for (Fieldable field : reader.document(doc).getFields()) {
                        collect("lucene field " + field.name(), String.valueOf(field.stringValue()), needles, found);
                    }
                }
            }
        }
        return found;
    }

    /** Every file's name; the content of every file outside the database and the index. */
    private static List<String> fileTraces(List<String> needles) throws IOException {
        JamesDirectoriesProvider directories = server.instance(JamesDirectoriesProvider.class);
        Path root = Path.of(directories.getRootDirectory());
        List<Path> readThroughTheirApi = List.of(EmbeddedStorageLocation.database(directories),
            EmbeddedStorageLocation.luceneIndex(directories));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String place = "file " + root.relativize(file);
                collect(place + " (name)", file.getFileName().toString(), needles, found);
                if (readThroughTheirApi.stream().noneMatch(file::startsWith)) {
                    collect(place, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), needles, found);
                }
            }
        }
        return found;
    }
}
