package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.mail.Flags;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.CurrentQuotas;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;
import reactor.core.publisher.Mono;

/** The usage the embedded backend counts for a user's quota as messages come and go. */
class EmbeddedQuotaUsageTest {
    private static final Username CAROL = Username.of("carol@localhost");

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void theUsageShouldCountNewMessagesAndForgetExpungedOnes() throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(CAROL);
        MailboxSession session = created.session();
        MailboxPath path = created.path();
        MessageManager inbox = created.messages();
        byte[] first = "Subject: one\r\n\r\nfirst body\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "Subject: two\r\n\r\nthe second, longer body\r\n".getBytes(StandardCharsets.US_ASCII);

        inbox.appendMessage(MessageManager.AppendCommand.from(new SharedByteArrayInputStream(first)), session);
        MessageManager.AppendResult appended = inbox.appendMessage(
            MessageManager.AppendCommand.builder().withFlags(new Flags(Flags.Flag.DELETED)).build(new SharedByteArrayInputStream(second)),
            session);
        assertThat(usage(path)).isEqualTo(new long[] {2, first.length + second.length});

        inbox.expunge(MessageRange.one(appended.getId().getUid()), session);
        assertThat(usage(path)).isEqualTo(new long[] {1, first.length});
    }

    @Test
    void theUsageShouldBeRememberedBetweenWritesAndEveryWriteSeenByTheNextRead() throws Exception {
        CurrentQuotaManager usage = server.instance(CurrentQuotaManager.class);
        QuotaRoot root = QuotaRoot.quotaRoot("#private&dave@localhost", Optional.empty());
        assertThat(usage).isInstanceOf(CachingJpaCurrentQuotaManager.class);
        assertThat(Mono.from(usage.getCurrentQuotas(root)).block()).isEqualTo(CurrentQuotas.emptyQuotas());

        Mono.from(usage.increase(new QuotaOperation(root, QuotaCountUsage.count(3), QuotaSizeUsage.size(300)))).block();
        assertThat(Mono.from(usage.getCurrentMessageCount(root)).block()).isEqualTo(QuotaCountUsage.count(3));
        Mono.from(usage.decrease(new QuotaOperation(root, QuotaCountUsage.count(1), QuotaSizeUsage.size(100)))).block();
        assertThat(Mono.from(usage.getCurrentStorage(root)).block()).isEqualTo(QuotaSizeUsage.size(200));
        Mono.from(usage.setCurrentQuotas(new QuotaOperation(root, QuotaCountUsage.count(7), QuotaSizeUsage.size(700)))).block();
        assertThat(Mono.from(usage.getCurrentQuotas(root)).block())
            .isEqualTo(new CurrentQuotas(QuotaCountUsage.count(7), QuotaSizeUsage.size(700)));
    }

    private static long[] usage(MailboxPath path) throws Exception {
        server.instance(BackgroundQuotaUpdater.class).updatedSoFar().block();
        QuotaRoot root = server.instance(QuotaRootResolver.class).getQuotaRoot(path);
        CurrentQuotas quotas = Mono.from(server.instance(CurrentQuotaManager.class).getCurrentQuotas(root)).block();
        return new long[] {quotas.count().asLong(), quotas.size().asLong()};
    }
}
