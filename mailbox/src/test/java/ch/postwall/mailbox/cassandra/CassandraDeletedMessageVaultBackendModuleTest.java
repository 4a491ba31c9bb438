package ch.postwall.mailbox.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.inject.Inject;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.BlobExportMechanismModule;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.vault.DeletedMessage;
import org.apache.james.vault.DeletedMessageVault;
import org.apache.james.vault.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Flux;

class CassandraDeletedMessageVaultBackendModuleTest {
    private static final Username CAROL = Username.of("carol@vault.test");
    private static final Duration VAULT_WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static CassandraJamesServerExtension james = new CassandraJamesServerExtension(
        CassandraJamesServerExtension.registerProbe(VaultProbe.class),
        // The vault's export needs an export mechanism, which the server assembly chooses.
        CassandraBackendModules.DELETED_MESSAGES_VAULT, new BlobExportMechanismModule());

    static class VaultProbe implements GuiceProbe {
        final MailboxManager mailboxManager;
        final DeletedMessageVault vault;

        @Inject
        VaultProbe(MailboxManager mailboxManager, DeletedMessageVault vault) {
            this.mailboxManager = mailboxManager;
            this.vault = vault;
        }
    }

    @Test
    void deletedMessageShouldBeKeptInTheVaultWhenVaultModuleIsInstalled() throws Exception {
        VaultProbe probe = james.probe(VaultProbe.class);
        MailboxSession session = probe.mailboxManager.createSystemSession(CAROL);
        MailboxPath inbox = MailboxPath.inbox(CAROL);
        probe.mailboxManager.createMailbox(inbox, session);
        MessageManager messageManager = probe.mailboxManager.getMailbox(inbox, session);
        MessageManager.AppendResult appended = messageManager.appendMessage(MessageManager.AppendCommand.from(
            new SharedByteArrayInputStream("Subject: to be deleted\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))), session);

        messageManager.delete(List.of(appended.getId().getUid()), session);

        assertThat(awaitVaultContent(probe.vault))
            .extracting(DeletedMessage::getMessageId)
            .containsExactly(appended.getId().getMessageId());
    }

    /** The vault is fed by a mailbox event listener, so the deletion may reach it a little later. */
    private static List<DeletedMessage> awaitVaultContent(DeletedMessageVault vault) throws InterruptedException {
        Instant deadline = Instant.now().plus(VAULT_WAIT);
        List<DeletedMessage> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            found = Flux.from(vault.search(CAROL, Query.ALL)).collectList().block();
        }
        return found;
    }
}
