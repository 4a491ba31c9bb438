package ch.postwall.mailbox.cassandra;

import org.apache.james.modules.MailboxModule;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import ch.postwall.mailbox.queue.ActiveMQMailQueueModule;

/**
 * The distributed backend as module groups for the server's backend chooser.
 *
 * <p>No search index is bound here: the distributed backend's OpenSearch index comes separately, and the server must
 * add one. The mail queue is per node (embedded ActiveMQ), as on the embedded backend.
 */
public final class CassandraBackendModules {
    /** Everything James's stores need on Cassandra: mailbox, quota, users, domains, rewrites, Sieve, mail repositories, blobs, events, queue. */
    public static final Module ALL = Modules.combine(
        new MailboxModule(),
        new CassandraSessionModule(),
        new CassandraMailboxBackendModule(),
        new CassandraBlobBackendModule(),
        new CassandraDataBackendModule(),
        new CassandraSieveBackendModule(),
        new CassandraMailRepositoryBackendModule(),
        new CassandraEventStoreBackendModule(),
        new ActiveMQMailQueueModule());

    /**
     * Keeps every deleted message (in the blob store, for James's {@code deletedMessageVault.properties} retention).
     * Separate because keeping deleted mail is a privacy decision the server makes, not a storage detail.
     */
    public static final Module DELETED_MESSAGES_VAULT = new CassandraDeletedMessageVaultBackendModule();

    private CassandraBackendModules() {
    }
}
