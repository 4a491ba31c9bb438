package ch.postwall.filter.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.verdict.VerdictAttributes;

class QuarantineReleaseTest {
    private static final Username ALICE = Username.of("alice@example.com");
    private static final MailKey KEY = new MailKey("offer");
    private static final int THREADS = 8;

    private Quarantine quarantine;
    private ManageableMailQueue spool;
    private QuarantineRelease release;

    @BeforeEach
    void setUp() throws Exception {
        quarantine = new Quarantine(MemoryQuarantine.store(), MemoryQuarantine.PREFIX, Duration.ofDays(30), Clock.systemUTC());
        MemoryMailQueueFactory queues = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory());
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        release = new QuarantineRelease(quarantine, new MemoryReleaseClaimStore(Clock.systemUTC()), queues);
        quarantine.put(FakeMail.builder()
            .name(KEY.asString())
            .sender("spammer@outside.example")
            .recipient(ALICE.asString())
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Offer").setText("Buy now"))
            .attribute(new Attribute(VerdictAttributes.VERDICT, AttributeValue.of("quarantine")))
            .attribute(new Attribute(VerdictAttributes.RECIPIENT_VERDICTS,
                AttributeValue.of(Map.of(ALICE.asString(), AttributeValue.of("quarantine")))))
            .build(), ALICE.asMailAddress());
    }

    @AfterEach
    void tearDown() throws Exception {
        spool.close();
    }

    private List<Mail> spooled() throws Exception {
        List<Mail> mails = new ArrayList<>();
        spool.browse().forEachRemaining(item -> mails.add(item.getMail()));
        return mails;
    }

    @Test
    void releaseShouldSpoolTheMailForItsOwnerWithoutTheRecipientVerdicts() throws Exception {
        Optional<MaybeSender> sender = release.release(ALICE, KEY, "admin");

        assertThat(sender).contains(MaybeSender.of(new MailAddress("spammer@outside.example")));
        assertThat(spooled()).singleElement().satisfies(mail -> {
            assertThat(mail.getRecipients()).containsExactly(ALICE.asMailAddress());
            assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
            assertThat(VerdictAttributes.verdictOf(mail, ALICE.asMailAddress())).isEmpty();
            assertThat(mail.getAttribute(QuarantineRelease.RELEASED_BY)).map(attribute -> (Object) attribute.getValue().value())
                .contains("admin");
            assertThat(mail.getAttribute(VerdictAttributes.VERDICT)).isPresent();
        });
    }

    @Test
    void releaseShouldRemoveTheMailFromTheQuarantine() throws Exception {
        release.release(ALICE, KEY, "admin");

        assertThat(quarantine.mailsOf(ALICE)).isEmpty();
    }

    @Test
    void releaseShouldDoNothingWhenTheMailIsNotQuarantined() throws Exception {
        assertThat(release.release(ALICE, new MailKey("missing"), "admin")).isEmpty();
        assertThat(release.release(Username.of("bob@example.com"), KEY, "admin")).isEmpty();

        assertThat(spool.getSize()).isZero();
        assertThat(quarantine.mailsOf(ALICE)).hasSize(1);
    }

    @Test
    void releaseShouldSpoolExactlyOnceWhenThreadsReleaseTheSameMailConcurrently() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<MaybeSender>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                String admin = "admin" + thread;
                Callable<Optional<MaybeSender>> releaseIt = () -> {
                    start.await();
                    return release.release(ALICE, KEY, admin);
                };
                results.add(executor.submit(releaseIt));
            }
            start.countDown();
            int released = 0;
            for (Future<Optional<MaybeSender>> result : results) {
                released += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }

            assertThat(released).isEqualTo(1);
            assertThat(spool.getSize()).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
