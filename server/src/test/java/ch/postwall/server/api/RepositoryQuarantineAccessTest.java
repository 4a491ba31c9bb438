package ch.postwall.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.MemoryDomainPolicyStore;
import ch.postwall.filter.policy.UserSenderLists;
import ch.postwall.filter.quarantine.MemoryQuarantine;
import ch.postwall.filter.quarantine.MemoryReleaseClaimStore;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.filter.quarantine.QuarantineRelease;
import ch.postwall.filter.verdict.VerdictAttributes;
import ch.postwall.mailbox.testing.ControllableClock;

class RepositoryQuarantineAccessTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");
    private static final String BODY = "Wire the money today";
    private static final long SIZE = 321;
    private static final QuarantineAccess.Filter ALL = new QuarantineAccess.Filter(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), 0, 50);

    private final ControllableClock clock = new ControllableClock(START);
    private Quarantine quarantine;
    private ManageableMailQueue spool;
    private MemoryDomainPolicyStore policies;
    private RepositoryQuarantineAccess access;

    @BeforeEach
    void setUp() throws Exception {
        quarantine = new Quarantine(MemoryQuarantine.store(), MemoryQuarantine.PREFIX, Duration.ofDays(30), clock);
        MemoryMailQueueFactory queues = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory());
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        policies = new MemoryDomainPolicyStore();
        access = new RepositoryQuarantineAccess(quarantine, new QuarantineRelease(quarantine, new MemoryReleaseClaimStore(clock), queues),
            new UserSenderLists(policies, DomainPolicy.DEFAULT));
        quarantine("m1", "spammer@bad.example", "Offer", "spam", BOB);
        clock.advance(Duration.ofHours(1));
        quarantine("m2", "phisher@evil.example", "Invoice", "virus", BOB);
        clock.advance(Duration.ofHours(1));
        quarantine("m3", "spammer@bad.example", "Again", "spam", BOB);
        quarantine("m4", "spammer@bad.example", "Offer", "spam", CAROL);
    }

    private void quarantine(String name, String sender, String subject, String verdict, Username owner) throws Exception {
        quarantine.put(FakeMail.builder()
            .name(name)
            .sender(sender)
            .recipient(owner.asString())
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(subject).setText(BODY))
            .size(SIZE)
            .attribute(new Attribute(VerdictAttributes.VERDICT, AttributeValue.of(verdict)))
            .build(), owner.asMailAddress());
    }

    private static QuarantineAccess.Filter filter(Optional<String> sender, Optional<String> verdict, Optional<Instant> from,
                                                  Optional<Instant> until) {
        return new QuarantineAccess.Filter(sender, verdict, from, until, 0, 50);
    }

    @Test
    void listOfUserShouldListTheUsersMailsNewestFirstWithTheirMetadata() {
        assertThat(access.listOfUser(BOB, ALL)).extracting(QuarantineAccess.Item::id).containsExactly("m3", "m2", "m1");
        assertThat(access.listOfUser(BOB, ALL).get(1)).satisfies(item -> {
            assertThat(item.owner()).isEqualTo(BOB);
            assertThat(item.sender()).isEqualTo("phisher@evil.example");
            assertThat(item.subject()).isEqualTo("Invoice");
            assertThat(item.verdict()).isEqualTo("virus");
            assertThat(item.quarantinedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
            assertThat(item.size()).isEqualTo(SIZE);
        });
    }

    @Test
    void listOfUserShouldApplyTheFilters() {
        assertThat(access.listOfUser(BOB, filter(Optional.of("BAD.example"), Optional.empty(), Optional.empty(), Optional.empty())))
            .extracting(QuarantineAccess.Item::id).containsExactly("m3", "m1");
        assertThat(access.listOfUser(BOB, filter(Optional.empty(), Optional.of("virus"), Optional.empty(), Optional.empty())))
            .extracting(QuarantineAccess.Item::id).containsExactly("m2");
        assertThat(access.listOfUser(BOB, filter(Optional.empty(), Optional.empty(), Optional.of(START.plus(Duration.ofHours(1))),
            Optional.of(START.plus(Duration.ofHours(2)))))).extracting(QuarantineAccess.Item::id).containsExactly("m2");
    }

    @Test
    void listOfUserShouldPage() {
        assertThat(access.listOfUser(BOB, new QuarantineAccess.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), 1, 1))).extracting(QuarantineAccess.Item::id).containsExactly("m2");
    }

    @Test
    void listOfDomainShouldListOnlyThatDomainsUsers() {
        assertThat(access.listOfDomain(Domain.of("other.org"), ALL)).extracting(QuarantineAccess.Item::id).containsExactly("m4");
        assertThat(access.listOfDomain(Domain.of("example.com"), ALL)).hasSize(3);
    }

    @Test
    void headersShouldHoldTheHeaderBlockWithoutTheBody() {
        assertThat(access.headers(BOB, "m2")).hasValueSatisfying(headers ->
            assertThat(headers).contains("Subject: Invoice").doesNotContain(BODY));
        assertThat(access.headers(CAROL, "m2")).isEmpty();
    }

    @Test
    void messageShouldHoldTheWholeMessage() {
        assertThat(access.message(BOB, "m2")).hasValueSatisfying(message ->
            assertThat(new String(message, StandardCharsets.UTF_8)).contains("Subject: Invoice").contains(BODY));
    }

    @Test
    void releaseShouldSpoolTheMailOnceAndAllowListTheSenderWhenAsked() throws Exception {
        assertThat(access.release(BOB, "m2", "alice@example.com", true)).isTrue();
        assertThat(access.release(BOB, "m2", "alice@example.com", true)).isFalse();

        assertThat(spool.getSize()).isEqualTo(1);
        assertThat(access.listOfUser(BOB, ALL)).extracting(QuarantineAccess.Item::id).containsExactly("m3", "m1");
        MaybeSender sender = MaybeSender.of(new MailAddress("phisher@evil.example"));
        assertThat(policies.userPolicy(BOB)).hasValueSatisfying(policy -> assertThat(policy.allows(sender)).isTrue());
    }

    @Test
    void releaseShouldNotTouchThePolicyWhenAllowListingIsNotAsked() {
        access.release(BOB, "m2", "bob@example.com", false);

        assertThat(policies.userPolicy(BOB)).isEmpty();
    }

    @Test
    void deleteShouldRemoveTheMailAndTellWhetherItWasThere() {
        assertThat(access.delete(BOB, "m1")).isTrue();
        assertThat(access.delete(BOB, "m1")).isFalse();

        assertThat(access.listOfUser(BOB, ALL)).extracting(QuarantineAccess.Item::id).containsExactly("m3", "m2");
    }

    @Test
    void blockSenderShouldBlockListTheSenderForTheUser() throws Exception {
        access.blockSender(BOB, new MailAddress("spammer@bad.example"));

        assertThat(policies.userPolicy(BOB)).hasValueSatisfying(policy -> assertThat(policy.blockList()).containsExactly("spammer@bad.example"));
        assertThat(policies.userPolicy(CAROL)).isEmpty();
    }
}
