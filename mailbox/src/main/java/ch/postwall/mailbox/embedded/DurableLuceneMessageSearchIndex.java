package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.search.UidSafeLuceneMessageSearchIndex;
import reactor.core.publisher.Mono;

/**
 * James's Lucene index commits only when it is closed, so a crash loses every change since the
 * start. This one commits at most {@link #COMMIT_INTERVAL} after a change, and tells whether the
 * previous run ended without closing the index: then changes (and mailbox events that never reached
 * the index) may be missing, and the index must be rebuilt from the mailboxes.
 */
public class DurableLuceneMessageSearchIndex extends UidSafeLuceneMessageSearchIndex {
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final String OPEN_MARKER = ".open";
    private static final Logger LOGGER = LoggerFactory.getLogger(DurableLuceneMessageSearchIndex.class);

    private final Path openMarker;
    private final boolean previousRunCrashed;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService committer;

    /**
     * Constructed by Guice (not by a provider method) so that its {@code @PreDestroy} runs at shutdown:
     * a clean stop commits and closes the index and removes the open marker.
     */
    @Inject
    public DurableLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           MessageId.Factory messageIdFactory, SessionProvider sessionProvider,
                                           JamesDirectoriesProvider directories) throws IOException {
        // James opens its index at the working-directory root; ours gets a directory of its own.
        this(factory, mailboxIdFactory, FSDirectory.open(EmbeddedStorageLocation.luceneIndex(directories).toFile()),
            EmbeddedStorageLocation.luceneIndex(directories), messageIdFactory, sessionProvider);
    }

    public DurableLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           Directory directory, Path indexDirectory, MessageId.Factory messageIdFactory,
                                           SessionProvider sessionProvider) throws IOException {
        super(factory, mailboxIdFactory, directory, messageIdFactory, sessionProvider);
        this.openMarker = indexDirectory.resolve(OPEN_MARKER);
        this.previousRunCrashed = Files.exists(openMarker);
        Files.createDirectories(indexDirectory);
        Files.write(openMarker, new byte[0]);
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lucene-committer");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitIfDirty, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when the previous run did not close the index: it has to be rebuilt. */
    public boolean previousRunCrashed() {
        return previousRunCrashed;
    }

    @Override
    public Mono<Void> add(MailboxSession session, Mailbox mailbox, MailboxMessage message) {
        return markDirtyAfter(super.add(session, mailbox, message));
    }

    @Override
    public Mono<Void> update(MailboxSession session, MailboxId mailboxId, List<UpdatedFlags> updatedFlags) {
        return markDirtyAfter(super.update(session, mailboxId, updatedFlags));
    }

    @Override
    public Mono<Void> delete(MailboxSession session, MailboxId mailboxId, Collection<MessageUid> expungedUids) {
        return markDirtyAfter(super.delete(session, mailboxId, expungedUids));
    }

    @Override
    public Mono<Void> deleteAll(MailboxSession session, MailboxId mailboxId) {
        return markDirtyAfter(super.deleteAll(session, mailboxId));
    }

    private Mono<Void> markDirtyAfter(Mono<Void> change) {
        return change.doOnSuccess(any -> dirty.set(true));
    }

    private void commitIfDirty() {
        if (dirty.getAndSet(false)) {
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                dirty.set(true);
                LOGGER.error("Cannot commit the search index; retrying", e);
            }
        }
    }

    @Override
    @PreDestroy
    public void close() throws IOException {
        committer.shutdownNow();
        super.close();
        try {
            Files.deleteIfExists(openMarker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
