package ch.postwall.filter.mailet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import ch.postwall.filter.verdict.VerdictAttributes;

class ToQuarantineTest {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    private MailRepositoryStore store;
    private ToQuarantine mailet;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryQuarantine.store();
        mailet = new ToQuarantine(store);
        mailet.init(FakeMailetConfig.builder().mailetName("ToQuarantine")
            .setProperty("repositoryPrefix", MemoryQuarantine.PREFIX).build());
    }

    private static Mail quarantinedMail() throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender("sender@example.net")
            .recipients(ALICE, BOB)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Cheap pills").setText("Buy now"))
            .attribute(new Attribute(VerdictAttributes.VERDICT, AttributeValue.of(Map.of(
                ALICE, AttributeValue.of("quarantine"), BOB, AttributeValue.of("quarantine")))))
            .attribute(new Attribute(VerdictAttributes.SPAM_SCORE, AttributeValue.of(7.5)))
            .build();
    }

    private MailRepository quarantineOf(String recipient) throws Exception {
        return store.select(ToQuarantine.quarantineOf(MemoryQuarantine.PREFIX, new MailAddress(recipient)));
    }

    @Test
    void serviceShouldStoreOneCopyPerRecipientWithItsVerdictAndScore() throws Exception {
        mailet.service(quarantinedMail());

        for (String recipient : new String[] {ALICE, BOB}) {
            MailRepository quarantine = quarantineOf(recipient);
            MailKey key = ImmutableList.copyOf(quarantine.list()).get(0);
            Mail stored = quarantine.retrieve(key);
            assertThat(quarantine.size()).isEqualTo(1);
            assertThat(stored.getRecipients()).containsExactly(new MailAddress(recipient));
            assertThat(stored.getAttribute(VerdictAttributes.SPAM_SCORE)).map(attribute -> (Object) attribute.getValue().value()).contains(7.5);
            assertThat(VerdictAttributes.verdictOf(stored, new MailAddress(recipient))).isPresent();
            assertThat(stored.getMessage().getSubject()).isEqualTo("Cheap pills");
        }
    }

    @Test
    void serviceShouldGhostTheMailSoThatTheMailboxNeverSeesIt() throws Exception {
        Mail mail = quarantinedMail();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void initShouldFailWhenThePrefixIsMissing() {
        ToQuarantine unconfigured = new ToQuarantine(store);

        assertThatThrownBy(() -> unconfigured.init(FakeMailetConfig.builder().mailetName("ToQuarantine").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("repositoryPrefix");
    }

    @Test
    void initShouldFailWhenThePrefixHasNoProtocol() {
        ToQuarantine misconfigured = new ToQuarantine(store);

        assertThatThrownBy(() -> misconfigured.init(FakeMailetConfig.builder().mailetName("ToQuarantine")
                .setProperty("repositoryPrefix", "var/mail/quarantine/").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("protocol://path/");
    }
}
