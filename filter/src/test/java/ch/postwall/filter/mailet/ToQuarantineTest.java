package ch.postwall.filter.mailet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import javax.mail.MessagingException;

import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.quarantine.MemoryQuarantine;
import ch.postwall.filter.quarantine.Quarantine;

class ToQuarantineTest {
    private static final Username ALICE = Username.of("alice@example.com");
    private static final Username BOB = Username.of("bob@example.com");

    private Quarantine quarantine;
    private ToQuarantine mailet;

    @BeforeEach
    void setUp() throws Exception {
        quarantine = new Quarantine(MemoryQuarantine.store(), MemoryQuarantine.PREFIX, Duration.ofDays(30), Clock.systemUTC());
        mailet = new ToQuarantine(quarantine);
        mailet.init(FakeMailetConfig.builder().mailetName("ToQuarantine").build());
    }

    private static Mail quarantinedMail() throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender("sender@example.net")
            .recipients(ALICE.asString(), BOB.asString())
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Cheap pills").setText("Buy now"))
            .build();
    }

    @Test
    void serviceShouldPutTheMailInEachRecipientsQuarantine() throws Exception {
        mailet.service(quarantinedMail());

        assertThat(quarantine.mailsOf(ALICE)).singleElement()
            .satisfies(mail -> assertThat(mail.getRecipients()).containsExactly(ALICE.asMailAddress()));
        assertThat(quarantine.mailsOf(BOB)).singleElement()
            .satisfies(mail -> assertThat(mail.getRecipients()).containsExactly(BOB.asMailAddress()));
    }

    @Test
    void serviceShouldGhostTheMailSoThatTheMailboxNeverSeesIt() throws Exception {
        Mail mail = quarantinedMail();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }
}
