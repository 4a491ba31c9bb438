package ch.postwall.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.quarantine.MemoryQuarantine;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.mailbox.testing.ControllableClock;

class QuarantineDigestTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");

    private final ControllableClock clock = new ControllableClock(START);
    private Quarantine quarantine;
    private ManageableMailQueue spool;
    private MemoryDigestSettingsStore settings;
    private QuarantineDigest digest;

    @BeforeEach
    void setUp() throws Exception {
        quarantine = new Quarantine(MemoryQuarantine.store(), MemoryQuarantine.PREFIX, Duration.ofDays(30), clock);
        MemoryMailQueueFactory queues = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory());
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        settings = new MemoryDigestSettingsStore();
        digest = new QuarantineDigest(quarantine, settings,
            new QuarantineDigestConfiguration(INTERVAL, URI.create("https://mail.example.com:9443")), queues, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        spool.close();
    }

    private void quarantine(String name, String subject, Username owner) throws Exception {
        quarantine.put(FakeMail.builder()
            .name(name)
            .sender("spammer@bad.example")
            .recipient(owner.asString())
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(subject).setText("Buy now"))
            .build(), owner.asMailAddress());
    }

    private List<Mail> digests() throws Exception {
        List<Mail> mails = new ArrayList<>();
        spool.browse().forEachRemaining(item -> mails.add(item.getMail()));
        return mails;
    }

    private static String text(Mail mail) throws Exception {
        return (String) mail.getMessage().getContent();
    }

    @Test
    void sendDigestsShouldMailEachUserTheNewlyQuarantinedMailsWithReleaseLinks() throws Exception {
        quarantine("m1", "Cheap pills", BOB);
        clock.advance(Duration.ofHours(1));

        assertThat(digest.sendDigests()).isEqualTo(1);

        assertThat(digests()).singleElement().satisfies(mail -> {
            assertThat(mail.getRecipients()).containsExactly(BOB.asMailAddress());
            assertThat(mail.getMaybeSender()).isEqualTo(MaybeSender.nullSender());
            assertThat(mail.getMessage().getSubject()).isEqualTo("Quarantine: 1 new message");
            assertThat(text(mail)).contains("spammer@bad.example").contains("Cheap pills").contains(START.toString())
                .contains("https://mail.example.com:9443/api/quarantine/bob%40example.com/m1/release");
        });
        assertThat(settings.settings(BOB).lastDigest()).contains(START.plus(Duration.ofHours(1)));
    }

    @Test
    void sendDigestsShouldListOnlyWhatCameSinceTheUsersPreviousDigest() throws Exception {
        quarantine("m1", "First", BOB);
        clock.advance(Duration.ofHours(1));
        digest.sendDigests();
        spool.clear();
        clock.advance(Duration.ofHours(1));
        quarantine("m2", "Second", BOB);
        clock.advance(Duration.ofHours(1));

        digest.sendDigests();

        assertThat(digests()).singleElement().satisfies(mail ->
            assertThat(text(mail)).contains("Second").doesNotContain("First"));
    }

    @Test
    void sendDigestsShouldSendNothingWhenNothingIsNew() throws Exception {
        quarantine("m1", "First", BOB);
        clock.advance(Duration.ofHours(1));
        digest.sendDigests();
        spool.clear();
        clock.advance(INTERVAL);

        assertThat(digest.sendDigests()).isZero();
        assertThat(spool.getSize()).isZero();
    }

    @Test
    void sendDigestsShouldSkipUsersWhoOptedOut() throws Exception {
        quarantine("m1", "For Bob", BOB);
        quarantine("m2", "For Carol", CAROL);
        settings.setOptedOut(BOB, true);
        clock.advance(Duration.ofHours(1));

        digest.sendDigests();

        assertThat(digests()).singleElement().satisfies(mail -> assertThat(mail.getRecipients()).containsExactly(CAROL.asMailAddress()));
        assertThat(settings.settings(BOB).lastDigest()).isEqualTo(Optional.empty());
    }

    @Test
    void firstDigestShouldReachBackOneIntervalAtMost() throws Exception {
        quarantine("m1", "Old", BOB);
        clock.advance(INTERVAL.plusHours(1));
        quarantine("m2", "Recent", BOB);

        digest.sendDigests();

        assertThat(digests()).singleElement().satisfies(mail ->
            assertThat(text(mail)).contains("Recent").doesNotContain("Old"));
    }
}
