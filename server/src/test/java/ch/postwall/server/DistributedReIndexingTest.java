package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.search.BodyTerm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ch.postwall.mailbox.opensearch.OpenSearchHttp;

/**
 * The search index of a distributed server repaired and cleaned through WebAdmin: documents, or the whole index, lost
 * behind the server's back come back with James's re-indexing tasks (of one user, of everything), and removing a user
 * removes that user's documents from OpenSearch.
 */
class DistributedReIndexingTest {
    private static final Duration INDEXING = Duration.ofSeconds(60);
    private static final Duration TASK = Duration.ofMinutes(3);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @RegisterExtension
    @Order(1)
    static DistributedServices deployment = new DistributedServices();
    @RegisterExtension
    @Order(2)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), deployment::configure);

    private static OpenSearchHttp openSearch;

    @BeforeAll
    static void connectToOpenSearch() {
        openSearch = OpenSearchHttp.create(deployment.openSearchConfiguration());
    }

    @AfterAll
    static void disconnect() throws IOException {
        openSearch.close();
    }

    @Test
    void reIndexingTasksShouldMakeMailSearchableAgainWhenItsDocumentsWereDeleted() throws Exception {
        String alice = userWithIndexedMail("reindex.example", "alice-secret", "aubergine");
        String bob = userWithIndexedMail("reindex.example", "bob-secret", "beetroot");

        deleteAllDocuments();
        assertThat(server.mail().searchInbox(alice, "alice-secret", new BodyTerm("aubergine"))).isZero();
        assertThat(server.mail().searchInbox(bob, "bob-secret", new BodyTerm("beetroot"))).isZero();

        JsonNode oneUser = server.webAdmin().runTask("/users/" + alice + "/mailboxes?task=reIndex", TASK);
        assertThat(oneUser.path("status").asText()).isEqualTo("completed");
        assertThat(oneUser.path("additionalInformation").path("successfullyReprocessedMailCount").asInt()).isEqualTo(1);
        awaitSearchable(alice, "alice-secret", "aubergine");
        assertThat(server.mail().searchInbox(bob, "bob-secret", new BodyTerm("beetroot"))).isZero();

        JsonNode everything = server.webAdmin().runTask("/mailboxes?task=reIndex", TASK);
        assertThat(everything.path("status").asText()).isEqualTo("completed");
        assertThat(everything.path("additionalInformation").path("failedReprocessedMailCount").asInt()).isZero();
        awaitSearchable(bob, "bob-secret", "beetroot");
        assertThat(server.mail().searchInbox(alice, "alice-secret", new BodyTerm("aubergine"))).isEqualTo(1);
    }

    @Test
    void reIndexingEverythingShouldRestoreAnIndexDeletedBehindTheServersBack() throws Exception {
        String erin = userWithIndexedMail("lost.example", "erin-secret", "endive");
        String index = deployment.openSearchConfiguration().indexName();
        expectSuccess(openSearch.execute("DELETE", "/" + index, Map.of(), Optional.empty()));

        JsonNode everything = server.webAdmin().runTask("/mailboxes?task=reIndex", TASK);

        assertThat(everything.path("status").asText()).isEqualTo("completed");
        assertThat(everything.path("additionalInformation").path("failedReprocessedMailCount").asInt()).isZero();
        awaitSearchable(erin, "erin-secret", "endive");
        // Created again with our definition (which adds the alias), not guessed by OpenSearch from a document.
        expectSuccess(openSearch.execute("GET", "/" + index + "/_alias/" + deployment.openSearchConfiguration().aliasName(),
            Map.of(), Optional.empty()));
    }

    @Test
    void removingAUserShouldDeleteItsDocumentsOnlyFromOpenSearch() throws Exception {
        String carol = userWithIndexedMail("removal.example", "carol-secret", "cauliflower");
        String dave = userWithIndexedMail("removal.example", "dave-secret", "dill");
        assertThat(documentsOf(carol)).isPositive();

        assertThat(server.webAdmin().delete("/users/" + carol).statusCode()).isEqualTo(204);

        assertThat(documentsOf(carol)).isZero();
        assertThat(documentsOf(dave)).isPositive();
        assertThat(server.mail().searchInbox(dave, "dave-secret", new BodyTerm("dill"))).isEqualTo(1);
    }

    /** A new user with one mail in the INBOX, once SEARCH finds it by the word in its body. */
    private static String userWithIndexedMail(String domain, String password, String word) {
        String user = PostwallServerContract.uniqueUser(domain);
        server.webAdmin().createUser(user, password);
        assertThat(server.mail().deliverOverMx(user, word)).startsWith("250");
        awaitSearchable(user, password, word);
        return user;
    }

    /** OpenSearch makes what was indexed visible to searches within its refresh interval, not at once. */
    private static void awaitSearchable(String user, String password, String word) {
        await().atMost(INDEXING).until(() -> server.mail().searchInbox(user, password, new BodyTerm(word)), found -> found == 1);
    }

    /** As an operator's mistake or a lost index would: every document goes, the server is not told. */
    private static void deleteAllDocuments() throws IOException {
        String alias = deployment.openSearchConfiguration().aliasName();
        refresh();
        ObjectNode search = JSON.objectNode().put("size", 1000).put("_source", false);
        search.putObject("query").putObject("match_all");
        JsonNode hits = expectSuccess(openSearch.execute("POST", "/" + alias + "/_search", Map.of(), Optional.of(search.toString())))
            .path("hits").path("hits");
        List<JsonNode> deletions = new ArrayList<>();
        hits.forEach(hit -> deletions.add(JSON.objectNode().set("delete", JSON.objectNode().put("_id", hit.path("_id").asText()))));
        assertThat(deletions).isNotEmpty();
        expectSuccess(openSearch.bulk("/" + alias + "/_bulk", Map.of("refresh", "true"), deletions));
    }

    private static long documentsOf(String user) throws IOException {
        refresh();
        ObjectNode count = JSON.objectNode();
        count.putObject("query").putObject("term").put("user", user);
        return expectSuccess(openSearch.execute("POST", "/" + deployment.openSearchConfiguration().aliasName() + "/_count", Map.of(),
            Optional.of(count.toString()))).path("count").asLong();
    }

    private static void refresh() throws IOException {
        expectSuccess(openSearch.execute("POST", "/" + deployment.openSearchConfiguration().aliasName() + "/_refresh", Map.of(),
            Optional.empty()));
    }

    private static JsonNode expectSuccess(OpenSearchHttp.Reply reply) {
        assertThat(reply.isSuccess()).as("OpenSearch answered %s: %s", reply.status(), reply.json()).isTrue();
        return reply.json();
    }
}
