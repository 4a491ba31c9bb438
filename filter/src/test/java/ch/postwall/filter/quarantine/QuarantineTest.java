package ch.postwall.filter.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.verdict.VerdictAttributes;
import ch.postwall.mailbox.lifecycle.DeletionCounts;

class QuarantineTest {
    private static final Username ALICE = Username.of("alice@example.com");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");
    private static final Duration PERIOD = Duration.ofDays(30);

    /** A clock the test moves forward. */
    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-11-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SettableClock clock = new SettableClock();
    private MailRepositoryStore store;
    private Quarantine quarantine;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryQuarantine.store();
        quarantine = new Quarantine(store, MemoryQuarantine.PREFIX, PERIOD, clock);
    }

    private static Mail spam(String subject, Username... recipients) throws Exception {
        return FakeMail.builder()
            .name(subject)
            .sender("sender@example.net")
            .recipients(Arrays.stream(recipients).map(Username::asString).toArray(String[]::new))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(subject).setText("Buy now"))
            .attribute(new Attribute(VerdictAttributes.SPAM_SCORE, AttributeValue.of(7.5)))
            .build();
    }

    private void put(Mail mail) throws Exception {
        for (MailAddress recipient : mail.getRecipients()) {
            quarantine.put(mail, recipient);
        }
    }

    @Test
    void putShouldStoreOneCopyPerRecipientAddressedToThatRecipientOnly() throws Exception {
        put(spam("offer", ALICE, BOB));

        assertThat(quarantine.mailsOf(ALICE)).singleElement().satisfies(mail -> {
            assertThat(mail.getRecipients()).containsExactly(ALICE.asMailAddress());
            assertThat(mail.getMessage().getSubject()).isEqualTo("offer");
            assertThat(mail.getAttribute(VerdictAttributes.SPAM_SCORE)).map(attribute -> (Object) attribute.getValue().value()).contains(7.5);
        });
        assertThat(quarantine.mailsOf(BOB)).hasSize(1);
    }

    @Test
    void mailsOfShouldBeEmptyWhenNothingWasQuarantined() throws Exception {
        assertThat(quarantine.mailsOf(CAROL)).isEmpty();
    }

    @Test
    void deleteAllOfShouldEmptyOnlyThatUsersQuarantine() throws Exception {
        put(spam("offer", ALICE, BOB));

        assertThat(quarantine.deleteAllOf(ALICE)).isEqualTo(1);

        assertThat(quarantine.mailsOf(ALICE)).isEmpty();
        assertThat(quarantine.mailsOf(BOB)).hasSize(1);
    }

    @Test
    void deleteDomainShouldEmptyTheQuarantinesOfThatDomainOnly() throws Exception {
        put(spam("offer", ALICE, BOB, CAROL));

        assertThat(quarantine.deleteDomain(Domain.of("example.com"))).isEqualTo(2);

        assertThat(quarantine.mailsOf(ALICE)).isEmpty();
        assertThat(quarantine.mailsOf(BOB)).isEmpty();
        assertThat(quarantine.mailsOf(CAROL)).hasSize(1);
    }

    @Test
    void wipeStepShouldCountTheUsersQuarantinedMailsAndReportNothingWhenRunAgain() throws Exception {
        put(spam("offer", ALICE, BOB));
        put(spam("again", ALICE));
        QuarantineWipeStep step = new QuarantineWipeStep(quarantine);

        assertThat(step.wipeUser(ALICE)).isEqualTo(DeletionCounts.of(QuarantineWipeStep.MAILS, 2));
        assertThat(step.wipeUser(ALICE).total()).isZero();
        assertThat(step.wipeDomain(Domain.of("example.com")).total()).isEqualTo(1);
        assertThat(quarantine.mailsOf(BOB)).isEmpty();
    }

    @Test
    void deleteExpiredShouldDeleteOnlyMailsOlderThanThePeriod() throws Exception {
        put(spam("old", ALICE));
        clock.advance(Duration.ofDays(20));
        put(spam("recent", ALICE));
        clock.advance(Duration.ofDays(11));

        assertThat(quarantine.deleteExpired()).isEqualTo(1);

        assertThat(quarantine.mailsOf(ALICE)).singleElement()
            .satisfies(mail -> assertThat(mail.getMessage().getSubject()).isEqualTo("recent"));
    }

    @Test
    void deleteExpiredShouldKeepMailsWithinThePeriod() throws Exception {
        put(spam("recent", ALICE));
        clock.advance(PERIOD.minusSeconds(1));

        assertThat(quarantine.deleteExpired()).isZero();
        assertThat(quarantine.mailsOf(ALICE)).hasSize(1);
    }

    @Test
    void deleteExpiredShouldIgnoreRepositoriesOutsideTheQuarantine() throws Exception {
        Mail other = spam("error", ALICE);
        store.select(MailRepositoryUrl.from("memory://var/mail/error/")).store(other);
        clock.advance(PERIOD.multipliedBy(2));

        assertThat(quarantine.deleteExpired()).isZero();
        assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/error/")).size()).isEqualTo(1);
    }

    @Test
    void urlOfShouldNotDependOnAddressCase() {
        assertThat(quarantine.urlOf(Username.of("Alice@Example.com"))).isEqualTo(quarantine.urlOf(ALICE));
    }

    @Test
    void putShouldKeepTheVerdictMap() throws Exception {
        Mail mail = spam("offer", ALICE);
        mail.setAttribute(new Attribute(VerdictAttributes.RECIPIENT_VERDICTS, AttributeValue.of(Map.of(ALICE.asString(), AttributeValue.of("quarantine")))));

        put(mail);

        assertThat(VerdictAttributes.verdictOf(quarantine.mailsOf(ALICE).get(0), ALICE.asMailAddress())).isPresent();
    }

    @Test
    void retrieveShouldFindTheMailByItsNameOnlyInItsOwnersQuarantine() throws Exception {
        put(spam("offer", ALICE));
        MailKey key = MailKey.forMail(quarantine.mailsOf(ALICE).get(0));

        assertThat(quarantine.retrieve(ALICE, key)).map(Mail::getName).contains(key.asString());
        assertThat(quarantine.retrieve(BOB, key)).isEmpty();
    }

    @Test
    void removeShouldDeleteOnlyThatMail() throws Exception {
        put(spam("first", ALICE));
        put(spam("second", ALICE));

        quarantine.remove(ALICE, new MailKey("first"));

        assertThat(quarantine.mailsOf(ALICE)).extracting(Mail::getName).containsExactly("second");
    }

    @Test
    void usersOfShouldListTheDomainsUsersWithAQuarantine() throws Exception {
        put(spam("offer", ALICE, BOB, CAROL));

        assertThat(quarantine.usersOf(Domain.of("example.com"))).containsExactlyInAnyOrder(ALICE, BOB);
    }
}
