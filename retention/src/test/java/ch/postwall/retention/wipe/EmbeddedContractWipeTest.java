package ch.postwall.retention.wipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.SubscriptionManager;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;
import ch.postwall.retention.guice.AccessLogModule;
import ch.postwall.retention.guice.ContractWipeModule;
import ch.postwall.retention.guice.EmbeddedAccessLogModule;
import ch.postwall.retention.guice.EmbeddedContractModule;
import ch.postwall.retention.guice.EmbeddedRetentionPolicyModule;
import ch.postwall.retention.guice.RetentionEnforcementModule;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionPolicyStore;
import reactor.core.publisher.Flux;

/**
 * The wipe on the embedded backend, through the Guice modules, then an "assert empty" scan: no table of the
 * database holds the user's address any more, except the deletion report (kept for the admin on purpose) and the
 * access log (logs expire with the shared log period, they are not wiped).
 */
class EmbeddedContractWipeTest {
    private static final Domain DOMAIN = Domain.of("wipe.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    private static final Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Set<String> TABLES_KEEPING_THE_SUBJECT = Set.of("CONTRACT_REPORT", "ACCESS_LOG");

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.embedded(new EmbeddedRetentionPolicyModule(), new AccessLogModule(), new EmbeddedAccessLogModule(),
            new EmbeddedContractModule(), new RetentionEnforcementModule(), new ContractWipeModule());
        server.instance(DomainList.class).addDomain(DOMAIN);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static void populate(Username user) throws Exception {
        server.instance(UsersRepository.class).addUser(user, "secret");
        MailboxManager mailboxManager = server.instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        MailboxPath projects = MailboxPath.forUser(user, "Projects");
        mailboxManager.createMailbox(projects, session);
        server.instance(SubscriptionManager.class).subscribe(session, projects);
        for (MailboxPath path : List.of(MailboxPath.inbox(user), projects)) {
            mailboxManager.getMailbox(path, session).appendMessage(MessageManager.AppendCommand.from(new SharedByteArrayInputStream(
                ("From: carol@example.com\r\nTo: " + user.asString() + "\r\nSubject: private\r\n\r\nsecret words\r\n")
                    .getBytes(StandardCharsets.US_ASCII))), session);
        }
        SieveRepository sieve = server.instance(SieveRepository.class);
        sieve.putScript(user, new ScriptName("vacation"), new ScriptContent("require \"fileinto\";\r\nkeep;\r\n"));
        sieve.setActive(user, new ScriptName("vacation"));
        server.instance(MaxQuotaManager.class).setMaxMessage(
            server.instance(QuotaRootResolver.class).getQuotaRoot(MailboxPath.inbox(user)), QuotaCountLimit.count(1000));
        server.instance(RecipientRewriteTable.class).addAliasMapping(
            MappingSource.fromUser(Username.fromLocalPartWithDomain(user.getLocalPart() + "-alias", DOMAIN)), user.asString());
        server.instance(RetentionPolicyStore.class).choose(user, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));
    }

    @Test
    void wipeShouldLeaveNoTraceOfTheUserInAnyTableAndKeepTheOtherUsers() throws Exception {
        populate(ALICE);
        populate(BOB);
        ContractSubject alice = ContractSubject.user(ALICE);
        server.instance(ContractStore.class).terminate(new Termination(alice, START, Duration.ZERO));
        long mailboxes = mailboxCount(ALICE);

        List<DeletionReport> reports = server.instance(ContractWipe.class).wipeDue();

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.steps().get(MailboxWipeStep.NAME).counts())
                .containsEntry("mailboxes", mailboxes)
                .containsEntry("messages", 2L)
                .containsEntry("sieveScripts", 1L)
                .containsEntry("mappings", 1L)
                .containsEntry("accounts", 1L);
            assertThat(report.steps().get(RetentionPolicyWipeStep.NAME).counts()).containsEntry("retentionChoices", 1L);
        });
        assertThat(server.instance(UsersRepository.class).contains(ALICE)).isFalse();
        assertThat(tablesMentioning(ALICE)).isEmpty();
        assertThat(tablesMentioning(BOB)).isNotEmpty();
    }

    @Test
    void wipeShouldReportNothingMoreWhenRunAgain() throws Exception {
        Username carol = Username.fromLocalPartWithDomain("carol", DOMAIN);
        populate(carol);
        Termination termination = new Termination(ContractSubject.user(carol), START, Duration.ZERO);
        ContractWipe wipe = server.instance(ContractWipe.class);
        wipe.wipe(termination);

        DeletionReport again = wipe.wipe(termination);

        assertThat(again.steps().values()).allSatisfy(counts -> assertThat(counts.total()).isZero());
    }

    private static long mailboxCount(Username user) {
        MailboxManager mailboxManager = server.instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        return Flux.from(mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(), session)).count().block();
    }

    /** Every user table of the database with a value holding the user's address (text, CLOB or BLOB). */
    private static List<String> tablesMentioning(Username user) throws SQLException, IOException {
        String needle = user.asString().toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        try (Connection connection = server.instance(EmbeddedDatabase.class).openConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet table = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (table.next()) {
                    tables.add("\"" + table.getString("TABLE_SCHEM") + "\".\"" + table.getString("TABLE_NAME") + "\"");
                }
            }
            for (String table : tables) {
                if (TABLES_KEEPING_THE_SUBJECT.stream().noneMatch(table::contains) && mentions(connection, table, needle)) {
                    found.add(table);
                }
            }
        }
        return found;
    }

    private static boolean mentions(Connection connection, String table, String needle) throws SQLException, IOException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    if (text(rows.getObject(column)).toLowerCase(Locale.ROOT).contains(needle)) {
                        return true;
                    }
                }
            }
        }
        return false;
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
}
