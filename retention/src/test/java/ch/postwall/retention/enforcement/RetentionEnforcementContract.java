package ch.postwall.retention.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.UpdatableTickingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.policy.DomainRetentionLimits;
import ch.postwall.retention.policy.MemoryRetentionPolicyStore;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Retention enforcement on a real mailbox backend; the server is shared, so every test has its own user. */
public interface RetentionEnforcementContract {
    Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    Domain DOMAIN = Domain.of("retention.test");
    AtomicInteger USERS = new AtomicInteger();

    BackendTestServer server();

    UpdatableTickingClock CLOCK = new UpdatableTickingClock(NOW);
    MemoryRetentionPolicyStore POLICIES = new MemoryRetentionPolicyStore();

    @BeforeEach
    default void resetClock() throws Exception {
        CLOCK.setInstant(NOW);
        if (!server().instance(DomainList.class).containsDomain(DOMAIN)) {
            server().instance(DomainList.class).addDomain(DOMAIN);
        }
    }

    default RetentionEnforcement enforcement() {
        return new RetentionEnforcement(server().instance(UsersRepository.class), POLICIES,
            Set.of(new MailboxRetentionStep(server().instance(MailboxManager.class))), CLOCK);
    }

    static Username newUser() {
        return Username.fromLocalPartWithDomain("user" + USERS.incrementAndGet(), DOMAIN);
    }

    default MessageUid append(Username user, String folder, Duration age) throws Exception {
        MailboxManager mailboxManager = server().instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        MailboxPath path = MailboxPath.forUser(user, folder);
        if (!Mono.from(mailboxManager.mailboxExists(path, session)).block()) {
            mailboxManager.createMailbox(path, session);
        }
        byte[] message = ("Subject: aged " + age.toDays() + " days\r\nFrom: bob@retention.test\r\n\r\nretention body\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        return mailboxManager.getMailbox(path, session)
            .appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(Date.from(NOW.minus(age)))
                .build(new SharedByteArrayInputStream(message)), session)
            .getId().getUid();
    }

    default List<MessageUid> uids(Username user, String folder) throws Exception {
        MailboxManager mailboxManager = server().instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        return Flux.from(mailboxManager.getMailbox(MailboxPath.forUser(user, folder), session)
                .getMessagesReactive(MessageRange.all(), FetchGroup.MINIMAL, session))
            .map(MessageResult::getUid)
            .collectList().block();
    }

    default List<MessageUid> searchAll(Username user, String folder) throws Exception {
        MailboxManager mailboxManager = server().instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        return Flux.from(mailboxManager.getMailbox(MailboxPath.forUser(user, folder), session)
            .search(SearchQuery.matchAll(), session)).collectList().block();
    }

    default long quotaMessageCount(Username user) throws Exception {
        return Mono.from(server().instance(CurrentQuotaManager.class).getCurrentMessageCount(
                server().instance(QuotaRootResolver.class).getQuotaRoot(MailboxPath.inbox(user))))
            .block().asLong();
    }

    @Test
    default void enforceShouldDeleteMessagesOlderThanTheFolderRetention() throws Exception {
        Username user = newUser();
        POLICIES.choose(user, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));
        append(user, "Trash", Duration.ofDays(40));
        MessageUid recent = append(user, "Trash", Duration.ofDays(10));
        MessageUid oldInInbox = append(user, "INBOX", Duration.ofDays(4000));

        DeletionCounts deleted = enforcement().enforce(user);

        assertThat(deleted.counts()).containsEntry("messages", 1L);
        assertThat(uids(user, "Trash")).containsExactly(recent);
        assertThat(uids(user, "INBOX")).containsExactly(oldInInbox);
    }

    @Test
    default void enforceShouldApplyTheDomainMaximumToFoldersWithoutChoice() throws Exception {
        Username user = newUser();
        Domain domain = Domain.of("limited" + USERS.incrementAndGet() + ".test");
        Username limited = Username.fromLocalPartWithDomain(user.getLocalPart(), domain);
        POLICIES.setLimits(domain, new DomainRetentionLimits(
            new RetentionLimits(Optional.empty(), Optional.of(Duration.ofDays(365))), RetentionLimits.NONE));
        append(limited, "INBOX", Duration.ofDays(400));
        MessageUid kept = append(limited, "INBOX", Duration.ofDays(100));

        enforcement().enforce(limited);

        assertThat(uids(limited, "INBOX")).containsExactly(kept);
    }

    @Test
    default void enforceShouldDeleteMoreWhenTheClockAdvances() throws Exception {
        Username user = newUser();
        POLICIES.choose(user, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));
        append(user, "Trash", Duration.ofDays(10));
        enforcement().enforce(user);
        assertThat(uids(user, "Trash")).hasSize(1);

        CLOCK.setInstant(NOW.plus(Duration.ofDays(25)));
        enforcement().enforce(user);

        assertThat(uids(user, "Trash")).isEmpty();
    }

    @Test
    default void enforceShouldUpdateTheQuota() throws Exception {
        Username user = newUser();
        POLICIES.choose(user, RetentionChoice.mailFolder("INBOX", Duration.ofDays(30)));
        append(user, "INBOX", Duration.ofDays(40));
        append(user, "INBOX", Duration.ofDays(50));
        append(user, "INBOX", Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(quotaMessageCount(user)).isEqualTo(3));

        enforcement().enforce(user);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(quotaMessageCount(user)).isEqualTo(1));
    }

    @Test
    default void enforceAllShouldCoverEveryUserOfTheRepository() throws Exception {
        Username user = newUser();
        server().instance(UsersRepository.class).addUser(user, "secret");
        POLICIES.choose(user, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));
        append(user, "Trash", Duration.ofDays(40));

        DeletionCounts deleted = enforcement().enforceAll();

        assertThat(deleted.counts().get("messages")).isGreaterThanOrEqualTo(1L);
        assertThat(uids(user, "Trash")).isEmpty();
    }

    /** For backends whose search index is wired in. */
    interface SearchIndexContract extends RetentionEnforcementContract {
        @Test
        default void enforceShouldRemoveExpiredMessagesFromTheSearchIndex() throws Exception {
            Username user = newUser();
            POLICIES.choose(user, RetentionChoice.mailFolder("INBOX", Duration.ofDays(30)));
            append(user, "INBOX", Duration.ofDays(40));
            append(user, "INBOX", Duration.ofDays(50));
            MessageUid kept = append(user, "INBOX", Duration.ofDays(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchAll(user, "INBOX")).hasSize(3));

            enforcement().enforce(user);

            assertThat(uids(user, "INBOX")).containsExactly(kept);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchAll(user, "INBOX")).containsExactly(kept));
        }
    }
}
