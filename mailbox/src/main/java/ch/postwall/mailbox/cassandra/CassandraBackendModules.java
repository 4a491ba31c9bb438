package ch.postwall.mailbox.cassandra;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import ch.postwall.mailbox.events.CassandraDeadLettersModule;
import ch.postwall.mailbox.queue.FileMailQueueModule;

/**
 * The distributed backend as module groups for the server's backend chooser.
 *
 * <p>Like {@code EmbeddedBackendModules.ALL}, it leaves to the server's core what does not depend on the backend
 * (James's MailboxModule, the in-VM event bus, delegation, the task manager); the event bus's dead letters are
 * kept in Cassandra, so that failed deliveries survive a restart. No message search
 * index is bound: the distributed backend's OpenSearch index comes separately, and the server must add one. The mail
 * queue is the embedded backend's: files on each node's disk, since Postwall runs no RabbitMQ for James's shared
 * queue.
 */
public final class CassandraBackendModules {
    /**
     * James's stores on Cassandra: mailbox, quota, users, domains, rewrites, Sieve, mail repositories, blobs, events,
     * event dead letters; and the queue.
     */
    public static final Module ALL = Modules.combine(
        new CassandraSessionModule(),
        new CassandraMailboxBackendModule(),
        new CassandraBlobBackendModule(),
        new CassandraDataBackendModule(),
        new CassandraSieveBackendModule(),
        new CassandraMailRepositoryBackendModule(),
        new CassandraEventStoreBackendModule(),
        new CassandraDeadLettersModule(),
        new FileMailQueueModule());

    /**
     * Keeps every deleted message (in the blob store, for James's {@code deletedMessageVault.properties} retention).
     * Separate because keeping deleted mail is a privacy decision the server makes, not a storage detail.
     */
    public static final Module DELETED_MESSAGES_VAULT = new CassandraDeletedMessageVaultBackendModule();

    private CassandraBackendModules() {
    }
}
