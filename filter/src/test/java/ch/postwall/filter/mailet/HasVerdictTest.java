package ch.postwall.filter.mailet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.verdict.VerdictAttributes;

class HasVerdictTest {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.com";

    private static HasVerdict matcher(String condition) throws MessagingException {
        HasVerdict matcher = new HasVerdict();
        matcher.init(FakeMatcherConfig.builder().matcherName("HasVerdict").condition(condition).build());
        return matcher;
    }

    private static Mail mailWithVerdicts() throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .recipients(ALICE, BOB, CAROL)
            .attribute(new Attribute(VerdictAttributes.RECIPIENT_VERDICTS, AttributeValue.of(Map.of(
                ALICE, AttributeValue.of("quarantine"),
                BOB, AttributeValue.of("accept")))))
            .build();
    }

    @Test
    void matchShouldReturnTheRecipientsWithThatVerdict() throws Exception {
        assertThat(matcher("quarantine").match(mailWithVerdicts())).containsExactly(new MailAddress(ALICE));
    }

    @Test
    void matchShouldIgnoreCaseInTheCondition() throws Exception {
        assertThat(matcher("ACCEPT").match(mailWithVerdicts())).containsExactly(new MailAddress(BOB));
    }

    @Test
    void matchShouldReturnNobodyWhenTheMailHasNoVerdict() throws Exception {
        Mail mail = FakeMail.builder().name("mail2").recipients(ALICE).build();

        assertThat(matcher("quarantine").match(mail)).isEmpty();
    }

    @Test
    void initShouldFailWhenTheConditionIsNoVerdict() {
        assertThatThrownBy(() -> matcher("spam"))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("Unknown verdict 'spam'");
    }

    @Test
    void initShouldFailWhenTheConditionIsMissing() {
        assertThatThrownBy(() -> matcher(""))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("needs a verdict");
    }
}
