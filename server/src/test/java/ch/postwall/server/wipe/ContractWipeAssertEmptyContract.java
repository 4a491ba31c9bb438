package ch.postwall.server.wipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.ComposedMessageId;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.server.core.MailImpl;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.filter.gateway.GatewayRoute;
import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.DomainPolicyStore;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionPolicyStore;
import ch.postwall.retention.wipe.ContractWipe;
import reactor.core.publisher.Flux;

/**
 * The wipe of a terminated contract with every module's steps, then an "assert empty" scan of every store of the
 * backend: no trace may be left of the wiped user's address, of the marker written into her mail, attachment, Sieve
 * script, calendar and quarantine, or of the ids of her mailboxes and messages. The deletion report and the access log
 * keep the address on purpose (the report is kept for the admin; logs expire on their own schedule). Her colleague's
 * data, which carries a marker of its own, must remain. Implementations start their server in a static
 * {@code @BeforeAll}; the contract stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface ContractWipeAssertEmptyContract {
    Domain DOMAIN = Domain.of("wipe.test");
    Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    Instant START = Instant.parse("2026-11-20T10:00:00Z");

    BackendTestServer server();

    @AfterAll
    default void stopServer() throws Exception {
        server().close();
    }

    /** Where each needle (compared without case) still stands in the backend's stores, as "store.place: needle". */
    List<String> tracesOf(List<String> needles) throws Exception;

    static String marker(Username user) {
        return "marker-of-" + user.getLocalPart();
    }

    /** Writes something of the user into every store; returns the ids the scan looks for besides address and marker. */
    private List<String> populate(Username user, Username colleague) throws Exception {
        Domain domain = user.getDomainPart().orElseThrow();
        if (!server().instance(DomainList.class).containsDomain(domain)) {
            server().instance(DomainList.class).addDomain(domain);
        }
        server().instance(UsersRepository.class).addUser(user, "secret");
        MailboxManager mailboxManager = server().instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        MailboxPath projects = MailboxPath.forUser(user, "Projects");
        mailboxManager.createMailbox(projects, session);
        mailboxManager.applyRightsCommand(projects, MailboxACL.command().forUser(colleague).rights(MailboxACL.Right.Read).asAddition(), session);
        // Ids are needles only where they are unique UUIDs (Cassandra); the embedded backend's small numbers match anything.
        boolean uniqueIds = mailboxManager.getSupportedMessageCapabilities().contains(MailboxManager.MessageCapabilities.UniqueID);
        List<String> ids = new ArrayList<>();
        for (MailboxPath path : List.of(MailboxPath.inbox(user), projects)) {
            MessageManager mailbox = mailboxManager.getMailbox(path, session);
            ComposedMessageId appended = mailbox.appendMessage(MessageManager.AppendCommand.from(
                new SharedByteArrayInputStream(messageWithAttachment(user))), session).getId();
            if (uniqueIds) {
                ids.add(mailbox.getId().serialize());
                ids.add(appended.getMessageId().serialize());
            }
        }
        SieveRepository sieve = server().instance(SieveRepository.class);
        sieve.putScript(user, new ScriptName("vacation"), new ScriptContent("# " + marker(user) + "\r\nkeep;\r\n"));
        sieve.setActive(user, new ScriptName("vacation"));
        server().instance(MaxQuotaManager.class).setMaxMessage(
            server().instance(QuotaRootResolver.class).getQuotaRoot(MailboxPath.inbox(user)), QuotaCountLimit.count(1000));
        server().instance(RecipientRewriteTable.class).addAliasMapping(
            MappingSource.fromUser(Username.fromLocalPartWithDomain(user.getLocalPart() + "-alias", domain)), user.asString());
        server().instance(RetentionPolicyStore.class).choose(user, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));
        server().instance(RetentionPolicyStore.class).choose(user, RetentionChoice.calendar("work", Duration.ofDays(365)));
        CalendarStore calendars = server().instance(CalendarStore.class);
        calendars.createCollection(CalendarCollection.create(user, "work", "Work", Set.of(ComponentType.VEVENT)));
        calendars.put(new CalendarObject(user, "work", "event.ics", "uid-" + marker(user), ComponentType.VEVENT,
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:uid-" + marker(user) + "\r\nSUMMARY:" + marker(user)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "\"1\"", TimeRange.ALWAYS), WriteCondition.ANY);
        server().instance(DomainPolicyStore.class).setUserPolicy(user, DomainPolicy.DEFAULT);
        server().instance(Quarantine.class).put(MailImpl.builder()
            .name("quarantined-" + user.getLocalPart())
            .sender("spammer@example.net")
            .addRecipient(user.asString())
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("offer").setText(marker(user)))
            .build(), user.asMailAddress());
        return ids;
    }

    private static byte[] messageWithAttachment(Username user) {
        String attachment = Base64.getMimeEncoder().encodeToString(("attachment " + marker(user)).getBytes(StandardCharsets.US_ASCII));
        return ("From: carol@example.com\r\nTo: " + user.asString() + "\r\nSubject: private\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nbody " + marker(user) + "\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"notes.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    default void wipeShouldLeaveNoTraceOfTheUserAndKeepTheOtherUsers() throws Exception {
        List<String> aliceIds = populate(ALICE, BOB);
        populate(BOB, ALICE);
        server().instance(ContractStore.class).terminate(new Termination(ContractSubject.user(ALICE), START, Duration.ZERO));

        List<DeletionReport> reports = server().instance(ContractWipe.class).wipeDue();

        assertThat(reports).singleElement().satisfies(report -> assertThat(report.steps())
            .containsKeys("calendar", "quarantine", "filter-policies", "mail-queue", "mailbox", "retention-policies"));
        List<String> needles = new ArrayList<>(aliceIds);
        needles.add(ALICE.asString());
        needles.add(marker(ALICE));
        assertThat(tracesOf(needles)).isEmpty();
        assertThat(tracesOf(List.of(marker(BOB)))).isNotEmpty();
        assertThat(searchInbox(BOB, marker(BOB))).as("the search index scanned holds the kept mail").isEqualTo(1);
    }

    /** How many messages of the user's INBOX the search index finds with the text in their body. */
    private long searchInbox(Username user, String text) throws Exception {
        MailboxManager mailboxManager = server().instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        return Flux.from(mailboxManager.getMailbox(MailboxPath.inbox(user), session)
            .search(SearchQuery.of(SearchQuery.bodyContains(text)), session)).count().block();
    }

    @Test
    default void domainWipeShouldLeaveNoTraceOfTheDomainAndKeepTheOtherDomains() throws Exception {
        Domain gone = Domain.of("gone.test");
        Username erin = Username.fromLocalPartWithDomain("erin", gone);
        Username frank = Username.fromLocalPartWithDomain("frank", gone);
        Domain kept = Domain.of("kept.test");
        Username grace = Username.fromLocalPartWithDomain("grace", kept);
        // James shares mailboxes within a domain only.
        List<String> ids = new ArrayList<>(populate(erin, frank));
        ids.addAll(populate(frank, erin));
        populate(grace, Username.fromLocalPartWithDomain("henry", kept));
        server().instance(DomainPolicyStore.class).setDomainPolicy(gone, DomainPolicy.DEFAULT);
        server().instance(GatewayRouteStore.class).save(GatewayRoute.builder(gone, "mx.gone.test").build());
        server().instance(ContractStore.class).terminate(new Termination(ContractSubject.domain(gone), START, Duration.ZERO));

        List<DeletionReport> reports = server().instance(ContractWipe.class).wipeDue();

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.steps().get("gateway-routes").total()).isEqualTo(1);
            assertThat(report.steps().get("mailbox").counts()).containsEntry("accounts", 2L).containsEntry("domains", 1L);
        });
        List<String> needles = new ArrayList<>(ids);
        needles.addAll(List.of(gone.asString(), marker(erin), marker(frank)));
        assertThat(tracesOf(needles)).isEmpty();
        assertThat(tracesOf(List.of(marker(grace)))).isNotEmpty();
    }

    @Test
    default void wipeShouldReportNothingMoreWhenRunAgain() throws Exception {
        Username carol = Username.fromLocalPartWithDomain("carol", DOMAIN);
        Username dave = Username.fromLocalPartWithDomain("dave", DOMAIN);
        populate(carol, dave);
        Termination termination = new Termination(ContractSubject.user(carol), START, Duration.ZERO);
        ContractWipe wipe = server().instance(ContractWipe.class);
        wipe.wipe(termination);

        DeletionReport again = wipe.wipe(termination);

        assertThat(again.steps().values()).allSatisfy(counts -> assertThat(counts.total()).isZero());
    }
}
