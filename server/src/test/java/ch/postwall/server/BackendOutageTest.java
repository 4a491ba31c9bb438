package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.mail.search.BodyTerm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.opensearch.OpenSearchExtension;
import ch.postwall.mailbox.opensearch.OpenSearchMessageSearchIndex;

/**
 * Cassandra or OpenSearch stops under a running distributed server: the server says it is unhealthy, answers
 * temporary failures instead of losing mail, and recovers by itself once the service is back, also when it was
 * restarted meanwhile.
 */
class BackendOutageTest {
    private static final Duration DETECTION = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final String SEARCH_INDEX_GROUP = new OpenSearchMessageSearchIndex.OpenSearchMessageSearchIndexGroup().asString();

    @RegisterExtension
    @Order(1)
    static DistributedServices deployment = new DistributedServices();
    @RegisterExtension
    @Order(2)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), deployment::configure);

    @Test
    void cassandraOutageShouldGiveTemporaryFailuresAndRecover() throws Exception {
        String user = PostwallServerContract.uniqueUser("outage.example");
        server.webAdmin().createUser(user, "outage-secret");
        try (LineClient imap = loggedInImap(user, "outage-secret")) {
            CassandraExtension.pauseServer();
            try {
                awaitHealthCheckStatus(503, DETECTION);
                assertThat(deliverOverMx(user, "during the Cassandra outage")).startsWith("4");
                imap.sendLine("s SELECT INBOX");
                assertThat(imap.readImapResponse("s")).last().asString().startsWith("s NO");
            } finally {
                CassandraExtension.resumeServer();
            }
        }
        awaitHealthCheckStatus(200, RECOVERY);
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
            .until(() -> deliverOverMx(user, "after the Cassandra outage"), reply -> reply.startsWith("250"));
        await().atMost(RECOVERY).until(() -> searchInbox(user, "outage-secret", "cassandra"), found -> found == 1);
    }

    @Test
    void openSearchOutageShouldGiveTemporaryFailuresForSearchAndKeepAndLaterIndexMail() throws Exception {
        String user = PostwallServerContract.uniqueUser("outage.example");
        server.webAdmin().createUser(user, "search-secret");
        assertThat(deliverOverMx(user, "before the opensearch outage")).startsWith("250");
        await().atMost(RECOVERY).until(() -> searchInbox(user, "search-secret", "before"), found -> found == 1);

        try (LineClient imap = loggedInImap(user, "search-secret")) {
            OpenSearchExtension.pauseServer();
            try {
                awaitHealthCheckStatus(503, DETECTION);
                imap.sendLine("s SELECT INBOX");
                assertThat(imap.readImapResponse("s")).last().asString().startsWith("s OK");
                imap.sendLine("t SEARCH BODY before");
                assertThat(imap.readImapResponse("t")).last().asString().startsWith("t NO");
                // Storing mail needs Cassandra only: it is kept, and only its indexing waits.
                assertThat(deliverOverMx(user, "during the opensearch outage")).startsWith("250");
                await().atMost(RECOVERY).until(() -> countInbox(user, "search-secret"), count -> count == 2);
            } finally {
                OpenSearchExtension.resumeServer();
            }
        }
        awaitHealthCheckStatus(200, RECOVERY);
        await().atMost(RECOVERY).until(() -> searchInbox(user, "search-secret", "before"), found -> found == 1);
        await().atMost(RECOVERY).until(() -> searchInbox(user, "search-secret", "during"), found -> found == 1);
    }

    @Test
    void indexingThatFailedDuringAnOpenSearchOutageShouldSurviveARestartAndBeRedelivered() throws Exception {
        String user = PostwallServerContract.uniqueUser("outage.example");
        server.webAdmin().createUser(user, "restart-secret");
        OpenSearchExtension.pauseServer();
        try {
            assertThat(deliverOverMx(user, "kept across the restart")).startsWith("250");
            // The event bus retries the indexing, then keeps it as a dead letter.
            await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).until(BackendOutageTest::deadLetterGroups,
                groups -> groups.contains(SEARCH_INDEX_GROUP));
            // Memory dead letters would be lost here, and the mail never become searchable.
            server.server().stop();
        } finally {
            OpenSearchExtension.resumeServer();
        }
        server.server().start();

        await().atMost(RECOVERY).until(() -> searchInbox(user, "restart-secret", "restart"), found -> found == 1);
        await().atMost(RECOVERY).until(BackendOutageTest::deadLetterGroups, groups -> !groups.contains(SEARCH_INDEX_GROUP));
    }

    private static String deadLetterGroups() {
        return server.webAdmin().get("/events/deadLetter/groups").body();
    }

    private static void awaitHealthCheckStatus(int status, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1))
            .until(() -> server.webAdmin().get("/healthcheck").statusCode(), code -> code == status);
    }

    private static LineClient loggedInImap(String user, String password) {
        LineClient imap = new LineClient(server.server().ports().imap);
        imap.readLine();
        imap.sendLine("a STARTTLS");
        imap.readImapResponse("a");
        imap.startTls(server.mail().trustingServerCertificate());
        imap.sendLine("b LOGIN " + user + " " + password);
        assertThat(imap.readImapResponse("b")).last().asString().startsWith("b OK");
        return imap;
    }

    private static String deliverOverMx(String recipient, String text) {
        return server.mail().deliverOverMx(recipient, text);
    }

    private static int searchInbox(String user, String password, String word) throws Exception {
        return server.mail().searchInbox(user, password, new BodyTerm(word));
    }

    private static int countInbox(String user, String password) throws Exception {
        return server.mail().countInbox(user, password);
    }
}
