package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import javax.mail.Flags;

import org.apache.james.events.Event;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.events.OrderedEventWorker;
import ch.postwall.mailbox.search.UidSafeLuceneMessageSearchIndex;
import com.github.fge.lambdas.Throwing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * James's Lucene index commits only when it is closed, so a crash loses every change since the
 * start. This one commits at most {@link #COMMIT_INTERVAL} after a change, and tells whether the
 * previous run ended without closing the index: then changes (and mailbox events that never reached
 * the index) may be missing, and the index must be rebuilt from the mailboxes. So must an index
 * written by an earlier version, which indexed bodies differently.
 * <p>
 * James dispatches mailbox events inside the mailbox's write lock and waits for every listener, so
 * indexing a message would hold up the next delivery to the same mailbox. Events are therefore
 * applied in order by one indexing thread, and every search first waits for the events dispatched
 * before it: a client still finds the message it has just appended. An event that keeps failing
 * leaves the index incomplete, so the open marker is kept and the next start rebuilds the index.
 */
public class DurableLuceneMessageSearchIndex extends UidSafeLuceneMessageSearchIndex {
    // Searches read the writer's own changes; a commit only bounds what a crash loses until the rebuild
    // finishes, and each one flushes a small segment that later costs merges.
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofMinutes(1);
    /** Events waiting for the index before writes wait: a search waits for at most these (a few seconds' work). */
    static final int BACKLOG = 500;
    private static final int APPLIERS_PER_CORE = 2;
    private static final String OPEN_MARKER = ".open";
    /** Present in an index whose bodies are indexed by positioned words; an index without it is rebuilt. */
    private static final String BODY_WORDS_MARKER = ".body-words";
    private static final Logger LOGGER = LoggerFactory.getLogger(DurableLuceneMessageSearchIndex.class);

    private final Path openMarker;
    /** Set from the start while the index has to be rebuilt, until the rebuild completed. */
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService committer;
    private final OrderedEventWorker indexer;
    private final AtomicBoolean changesLost = new AtomicBoolean();
    private final MailboxSessionMapperFactory factory;
    private final SessionProvider sessionProvider;
    private final RecentlyAddedMessages recentlyAdded;

    /**
     * Constructed by Guice (not by a provider method) so that its {@code @PreDestroy} runs at shutdown:
     * a clean stop commits and closes the index and removes the open marker.
     */
    @Inject
    public DurableLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           MessageId.Factory messageIdFactory, SessionProvider sessionProvider,
                                           RecentlyAddedMessages recentlyAdded, JamesDirectoriesProvider directories) throws IOException {
        // James opens its index at the working-directory root; ours gets a directory of its own.
        this(factory, mailboxIdFactory, FSDirectory.open(EmbeddedStorageLocation.luceneIndex(directories).toFile()),
            EmbeddedStorageLocation.luceneIndex(directories), messageIdFactory, sessionProvider, recentlyAdded);
    }

    public DurableLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           Directory directory, Path indexDirectory, MessageId.Factory messageIdFactory,
                                           SessionProvider sessionProvider, RecentlyAddedMessages recentlyAdded) throws IOException {
        super(factory, mailboxIdFactory, directory, messageIdFactory, sessionProvider);
        this.factory = factory;
        this.sessionProvider = sessionProvider;
        this.recentlyAdded = recentlyAdded;
        this.openMarker = indexDirectory.resolve(OPEN_MARKER);
        Path bodyWordsMarker = indexDirectory.resolve(BODY_WORDS_MARKER);
        boolean previousRunCrashed = Files.exists(openMarker);
        boolean olderFormat = !Files.exists(bodyWordsMarker) && holdsDocuments(directory);
        if (olderFormat) {
            LOGGER.warn("The search index holds bodies in the format of an earlier version: rebuilding it; "
                + "until then, searches for several words miss the messages not yet indexed again");
        }
        rebuildPending.set(previousRunCrashed || olderFormat);
        Files.createDirectories(indexDirectory);
        // Kept until a clean close after the rebuild: a server stopped while rebuilding rebuilds again at its next start.
        Files.write(openMarker, new byte[0]);
        Files.write(bodyWordsMarker, new byte[0]);
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lucene-committer");
            thread.setDaemon(true);
            return thread;
        });
        // New messages are indexed side by side (Lucene's writer takes documents from several threads): on a busy
        // server one indexing thread falls behind the deliveries. Each applier spends part of its time reading the
        // message from the database, hence twice as many as cores. Everything else keeps its order.
        this.indexer = new OrderedEventWorker("lucene-indexer", BACKLOG, APPLIERS_PER_CORE * Runtime.getRuntime().availableProcessors(),
            MailboxEvents.Added.class::isInstance, this::apply, this::giveUp);
        committer.scheduleWithFixedDelay(this::commitIfDirty, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean holdsDocuments(Directory directory) throws IOException {
        if (!IndexReader.indexExists(directory)) {
            return false;
        }
        try (IndexReader reader = IndexReader.open(directory)) {
            return reader.maxDoc() > 0;
        }
    }

    /**
     * True when the previous run did not close the index, or did not finish rebuilding it, or the index is of an older
     * format: it has to be rebuilt, and {@link #rebuildCompleted()} be called once it was.
     */
    public boolean needsRebuild() {
        return rebuildPending.get();
    }

    public void rebuildCompleted() {
        // The events dispatched meanwhile may be of messages the rebuild indexed: they replace them too.
        indexedSoFar().block();
        rebuildPending.set(false);
    }

    @Override
    public Mono<Void> reactiveEvent(Event event) {
        return Mono.fromRunnable(() -> indexer.submit(event));
    }

    private void apply(Event event) {
        if (event instanceof MailboxEvents.Added added) {
            indexAdded(added);
        } else {
            super.reactiveEvent(event).block();
        }
    }

    /**
     * As James indexes new messages, but on the calling thread: James reads them on one scheduler and indexes them
     * on another (two thread hops per message, and the appliers then share that scheduler's few threads). Messages
     * still in {@link RecentlyAddedMessages} are not read back from the database.
     */
    private void indexAdded(MailboxEvents.Added added) {
        MailboxSession session = sessionProvider.createSystemSession(added.getUsername());
        try {
            Mailbox mailbox = factory.getMailboxMapper(session).findMailboxById(added.getMailboxId())
                .onErrorResume(MailboxNotFoundException.class, deleted -> Mono.empty())
                .block();
            if (mailbox == null) {
                // Deleted since: its deletion event takes whatever the index holds for it.
                return;
            }
            List<MessageUid> notKept = new ArrayList<>();
            for (MessageUid uid : added.getUids()) {
                Optional<MailboxMessage> kept = recentlyAdded.take(mailbox.getMailboxId(), uid);
                if (kept.isPresent()) {
                    add(session, mailbox, kept.get()).block();
                } else {
                    notKept.add(uid);
                }
            }
            MessageMapper messages = factory.getMessageMapper(session);
            for (MessageRange range : MessageRange.toRanges(notKept)) {
                Iterator<MailboxMessage> found = messages.findInMailbox(mailbox, range, MessageMapper.FetchType.FULL, UNLIMITED);
                while (found.hasNext()) {
                    add(session, mailbox, found.next()).block();
                }
            }
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot read the messages added to mailbox " + added.getMailboxId(), e);
        } finally {
            factory.endProcessingRequest(session);
        }
    }

    private void giveUp(Event event, Exception cause) {
        LOGGER.error("Cannot index event {}; the index will be rebuilt at the next start", event.getEventId(), cause);
        changesLost.set(true);
    }

    /** Completes once every event dispatched before the call is in the index. */
    public Mono<Void> indexedSoFar() {
        return indexer.doneSoFar();
    }

    @Override
    public Flux<MessageUid> doSearch(MailboxSession session, Mailbox mailbox, SearchQuery searchQuery) {
        return indexedSoFar().thenMany(Flux.defer(Throwing.supplier(() -> super.doSearch(session, mailbox, searchQuery)).sneakyThrow()));
    }

    @Override
    public Flux<MessageId> search(MailboxSession session, Collection<MailboxId> mailboxIds, SearchQuery searchQuery, long limit) {
        return indexedSoFar().thenMany(Flux.defer(Throwing.supplier(() -> super.search(session, mailboxIds, searchQuery, limit)).sneakyThrow()));
    }

    @Override
    public Mono<Flags> retrieveIndexedFlags(Mailbox mailbox, MessageUid uid) {
        return indexedSoFar().then(Mono.defer(() -> super.retrieveIndexedFlags(mailbox, uid)));
    }

    /** While the index is rebuilt, a message added may be indexed by its event and by the rebuild: either replaces the other. */
    @Override
    public Mono<Void> add(MailboxSession session, Mailbox mailbox, MailboxMessage message) {
        if (!rebuildPending.get()) {
            return markDirtyAfter(super.add(session, mailbox, message));
        }
        return Mono.fromRunnable(Throwing.runnable(() -> reindex(session, message)).sneakyThrow());
    }

    /** Indexes the message again, in place of what the index holds for it (see {@link SearchIndexRebuild}). */
    public void reindex(MailboxSession session, MailboxMessage message) throws IOException {
        replace(session, message);
        dirty.set(true);
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
        if (!indexer.close(DRAIN_ON_CLOSE)) {
            LOGGER.error("Search index events still pending at shutdown; the index will be rebuilt at the next start");
            changesLost.set(true);
        }
        committer.shutdownNow();
        super.close();
        if (changesLost.get() || rebuildPending.get()) {
            return;
        }
        try {
            Files.deleteIfExists(openMarker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
