package ch.postwall.mailbox.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.Group;
import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Postwall's message search index on OpenSearch, fed by mailbox events (added, expunged, flags
 * updated, mailbox deleted). One document per message in a mailbox, id {@code mailboxId:uid}; every
 * search is restricted to the mailboxes asked for, and a user's or a domain's documents can be deleted.
 */
public class OpenSearchMessageSearchIndex extends ListeningMessageSearchIndex implements Startable {
    public static class OpenSearchMessageSearchIndexGroup extends Group {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchMessageSearchIndex.class);
    private static final Group GROUP = new OpenSearchMessageSearchIndexGroup();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int PAGE_SIZE = 1000;
    private static final String INDEX_DEFINITION = "message-index.json";
    /** Writes go through the alias only: to a missing alias, OpenSearch would create an index without our mapping. */
    private static final Map<String, String> REQUIRE_ALIAS = Map.of("require_alias", "true");
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";

    private final OpenSearchHttp http;
    private final EventDeadLetters deadLetters;
    private final AtomicBoolean writtenSinceRefresh = new AtomicBoolean();
    private final OpenSearchConfiguration configuration;
    private final MessageId.Factory messageIdFactory;
    private final MessageDocumentFactory documentFactory;
    private final QueryTranslator queryTranslator = new QueryTranslator();
    private final String alias;

    @Inject
    public OpenSearchMessageSearchIndex(MailboxSessionMapperFactory mapperFactory, SessionProvider sessionProvider,
                                        OpenSearchHttp http, EventDeadLetters deadLetters,
                                        OpenSearchConfiguration configuration,
                                        TikaAttachmentTextExtractor attachmentTextExtractor,
                                        MessageId.Factory messageIdFactory) {
        super(mapperFactory, ImmutableSet.of(), sessionProvider);
        this.http = http;
        this.deadLetters = deadLetters;
        this.configuration = configuration;
        this.messageIdFactory = messageIdFactory;
        this.documentFactory = new MessageDocumentFactory(attachmentTextExtractor);
        this.alias = configuration.aliasName();
    }

    /** Creates the index with its analyzers and mapping, and its alias, unless they exist. Idempotent. */
    public void createIndexIfMissing() throws IOException {
        if (http.execute("HEAD", "/" + configuration.indexName(), Map.of(), Optional.empty()).status() == 404) {
            ObjectNode definition;
            try (InputStream input = OpenSearchMessageSearchIndex.class.getResourceAsStream(INDEX_DEFINITION)) {
                definition = (ObjectNode) OpenSearchHttp.MAPPER.readTree(input);
            }
            ((ObjectNode) definition.get("settings"))
                .put("number_of_shards", configuration.shards())
                .put("number_of_replicas", configuration.replicas());
            definition.putObject("aliases").putObject(alias);
            OpenSearchHttp.Reply reply = http.execute("PUT", "/" + configuration.indexName(), Map.of(), Optional.of(definition.toString()));
            if (!reply.isSuccess() && !reply.json().path("error").path("type").asText().equals("resource_already_exists_exception")) {
                throw new IOException("Cannot create index " + configuration.indexName() + ": " + reply.json());
            }
            LOGGER.info("Created OpenSearch index {} with alias {}", configuration.indexName(), alias);
        }
    }

    private interface Write {
        OpenSearchHttp.Reply execute() throws IOException;
    }

    /**
     * Runs the write; if the index was deleted behind the server's back, creates it again and repeats the write, so
     * that indexing and re-indexing repair a lost index.
     */
    private OpenSearchHttp.Reply recreatingLostIndex(Write write) throws IOException {
        OpenSearchHttp.Reply reply = write.execute();
        if (!isIndexMissing(reply)) {
            return reply;
        }
        LOGGER.warn("OpenSearch index {} (alias {}) is missing: creating it again; re-index to restore its documents",
            configuration.indexName(), alias);
        createIndexIfMissing();
        return write.execute();
    }

    private static boolean isIndexMissing(OpenSearchHttp.Reply reply) {
        return reply.status() == 404 && reply.json().path("error").path("type").asText().equals(INDEX_NOT_FOUND);
    }

    /**
     * OpenSearch shows a change to searches only after its next refresh (every second): a client searching right
     * after a delivery or a flag change would not find it. A search therefore refreshes first when this node wrote
     * since the last refresh (changes made on other nodes become visible within the refresh interval).
     */
    private void refreshIfWritten() throws IOException {
        if (writtenSinceRefresh.getAndSet(false)) {
            try {
                refresh();
            } catch (IOException | RuntimeException e) {
                writtenSinceRefresh.set(true);
                throw e;
            }
        }
    }

    /** Makes every indexed change visible to searches. */
    public void refresh() throws IOException {
        check(http.execute("POST", "/" + alias + "/_refresh", Map.of(), Optional.empty()), "refresh");
    }

    /**
     * James delivers flag changes to this listener while the IMAP command waits, and retries a failed delivery eight
     * times with growing pauses (about 30 s). While the cluster is known to be unreachable every attempt fails at once,
     * so the retries would only make the command wait: the event goes straight to the dead letters instead, from which
     * {@link SearchIndexRedelivery} delivers it again once the cluster answers.
     */
    @Override
    public Mono<Void> reactiveEvent(Event event) {
        return super.reactiveEvent(event)
            .onErrorResume(failure -> http.isUnreachable(), failure -> {
                LOGGER.debug("OpenSearch is unreachable: {} {} kept for indexing once it answers again",
                    event.getClass().getSimpleName(), event.getEventId().getId());
                return deadLetters.store(GROUP, event).then();
            });
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public EnumSet<MailboxManager.SearchCapabilities> getSupportedCapabilities(EnumSet<MailboxManager.MessageCapabilities> messageCapabilities) {
        return EnumSet.of(MailboxManager.SearchCapabilities.MultimailboxSearch,
            MailboxManager.SearchCapabilities.Text,
            MailboxManager.SearchCapabilities.FullText,
            MailboxManager.SearchCapabilities.Attachment,
            MailboxManager.SearchCapabilities.AttachmentFileName);
    }

    @Override
    public Mono<Void> add(MailboxSession session, Mailbox mailbox, MailboxMessage message) {
        return Mono.fromCallable(() -> {
                ObjectNode document = documentFactory.create(mailbox, message);
                String path = "/" + alias + "/_doc/" + documentPath(message.getMailboxId(), message.getUid());
                check(recreatingLostIndex(() -> http.execute("PUT", path, REQUIRE_ALIAS, Optional.of(document.toString()))),
                    "index message");
                writtenSinceRefresh.set(true);
                return document;
            })
            .subscribeOn(Schedulers.boundedElastic())
            .then();
    }

    @Override
    public Mono<Void> delete(MailboxSession session, MailboxId mailboxId, Collection<MessageUid> expungedUids) {
        if (expungedUids.isEmpty()) {
            return Mono.empty();
        }
        List<JsonNode> lines = new ArrayList<>();
        expungedUids.forEach(uid -> lines.add(action("delete", documentId(mailboxId, uid))));
        return bulk(lines, "delete expunged messages");
    }

    @Override
    public Mono<Void> deleteAll(MailboxSession session, MailboxId mailboxId) {
        return deleteByQuery(QueryTranslator.term("mailboxId", mailboxId.serialize()), "delete mailbox " + mailboxId.serialize());
    }

    /** Deletes every document of the mailboxes owned by this user. */
    public Mono<Void> deleteUser(Username username) {
        return deleteByQuery(QueryTranslator.term("user", username.asString()), "delete user documents");
    }

    /** Deletes every document of the mailboxes owned by users of this domain. */
    public Mono<Void> deleteDomain(Domain domain) {
        return deleteByQuery(QueryTranslator.term("domain", domain.asString()), "delete domain documents");
    }

    @Override
    public Mono<Void> update(MailboxSession session, MailboxId mailboxId, List<UpdatedFlags> updatedFlagsList) {
        if (updatedFlagsList.isEmpty()) {
            return Mono.empty();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (UpdatedFlags updated : updatedFlagsList) {
            lines.add(action("update", documentId(mailboxId, updated.getUid())));
            ObjectNode partial = MessageDocumentFactory.flags(updated.getNewFlags());
            partial.put("modSeq", updated.getModSeq().asLong());
            lines.add(JSON.objectNode().set("doc", partial));
        }
        return bulk(lines, "update flags");
    }

    @Override
    public Mono<Flags> retrieveIndexedFlags(Mailbox mailbox, MessageUid uid) {
        return Mono.fromCallable(() -> {
                OpenSearchHttp.Reply reply = http.execute("GET", "/" + alias + "/_doc/" + documentPath(mailbox.getMailboxId(), uid),
                    Map.of("_source_includes", "flags,userFlags"), Optional.empty());
                Flags flags = new Flags();
                if (reply.status() == 404) {
                    return flags;
                }
                check(reply, "read flags");
                JsonNode source = reply.json().path("_source");
                source.path("flags").forEach(name -> SystemFlag.names().forEach((flag, flagName) -> {
                    if (flagName.equals(name.asText())) {
                        flags.add(flag);
                    }
                }));
                source.path("userFlags").forEach(userFlag -> flags.add(userFlag.asText()));
                return flags;
            })
            .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    protected Flux<MessageUid> doSearch(MailboxSession session, Mailbox mailbox, SearchQuery searchQuery) {
        return Mono.fromCallable(() -> searchAll(List.of(mailbox.getMailboxId()), searchQuery, Long.MAX_VALUE))
            .flatMapIterable(hits -> hits)
            .map(hit -> MessageUid.of(hit.path("uid").asLong()))
            .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Flux<MessageId> search(MailboxSession session, Collection<MailboxId> mailboxIds, SearchQuery searchQuery, long limit) {
        if (mailboxIds.isEmpty()) {
            return Flux.empty();
        }
        return Mono.fromCallable(() -> searchAll(mailboxIds, searchQuery, limit))
            .flatMapIterable(hits -> hits)
            .map(hit -> hit.path("messageId"))
            .filter(JsonNode::isTextual)
            .map(messageId -> messageIdFactory.fromString(messageId.asText()))
            .distinct()
            .take(limit)
            .subscribeOn(Schedulers.boundedElastic());
    }

    /** Collects the sources of all hits in sort order until limit distinct message ids. */
    private List<JsonNode> searchAll(Collection<MailboxId> mailboxIds, SearchQuery searchQuery, long limit) throws IOException {
        refreshIfWritten();
        List<String> ids = mailboxIds.stream().map(MailboxId::serialize).toList();
        List<JsonNode> results = new ArrayList<>();
        Set<String> messageIds = new LinkedHashSet<>();
        forEachPage(queryTranslator.query(searchQuery, ids), queryTranslator.sort(searchQuery.getSorts()), List.of("uid", "messageId"),
            hits -> {
                for (JsonNode hit : hits) {
                    results.add(hit.path("_source"));
                    messageIds.add(hit.path("_source").path("messageId").asText(hit.path("_id").asText()));
                    if (messageIds.size() >= limit) {
                        return false;
                    }
                }
                return true;
            });
        return results;
    }

    private interface PageConsumer {
        /** @return whether to fetch the next page */
        boolean accept(JsonNode hits) throws IOException;
    }

    /** Pages through every hit with search_after, which is not bounded by the index's max_result_window. */
    private void forEachPage(ObjectNode query, ArrayNode sort, List<String> sourceFields, PageConsumer consumer) throws IOException {
        ObjectNode request = JSON.objectNode();
        request.set("query", query);
        request.set("sort", sort);
        request.put("size", PAGE_SIZE);
        ArrayNode source = request.putArray("_source");
        sourceFields.forEach(source::add);
        while (true) {
            OpenSearchHttp.Reply reply = http.execute("POST", "/" + alias + "/_search", Map.of(), Optional.of(request.toString()));
            check(reply, "search");
            JsonNode hits = reply.json().path("hits").path("hits");
            if (!consumer.accept(hits) || hits.size() < PAGE_SIZE) {
                return;
            }
            request.set("search_after", hits.get(hits.size() - 1).path("sort"));
        }
    }

    private Mono<Void> bulk(List<JsonNode> lines, String operation) {
        return Mono.fromRunnable(() -> {
                try {
                    bulkNow(lines, operation);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .subscribeOn(Schedulers.boundedElastic())
            .then();
    }

    private void bulkNow(List<JsonNode> lines, String operation) throws IOException {
        OpenSearchHttp.Reply reply = http.bulk("/" + alias + "/_bulk", REQUIRE_ALIAS, lines);
        check(reply, operation);
        writtenSinceRefresh.set(true);
        for (JsonNode item : reply.json().path("items")) {
            JsonNode result = item.elements().next();
            // A message expunged or updated before being indexed is not an error.
            if (result.path("status").asInt() >= 300 && result.path("status").asInt() != 404) {
                throw new IOException(operation + " failed with " + result.path("status").asInt() + ": "
                    + result.path("error").path("type").asText());
            }
        }
    }

    /**
     * Deletes the matching documents by id, page by page. Not _delete_by_query: that API lives in
     * OpenSearch's reindex module, which not every distribution carries.
     */
    private Mono<Void> deleteByQuery(ObjectNode query, String operation) {
        return Mono.fromRunnable(() -> {
                try {
                    // refresh first so that documents indexed a moment ago are seen and deleted too
                    OpenSearchHttp.Reply refreshed = http.execute("POST", "/" + alias + "/_refresh", Map.of(), Optional.empty());
                    if (isIndexMissing(refreshed)) {
                        // No index, nothing to delete: re-indexing everything deletes first, also after the index was lost.
                        return;
                    }
                    check(refreshed, "refresh");
                    forEachPage(query, queryTranslator.sort(List.of()), List.of(), hits -> {
                        List<JsonNode> lines = new ArrayList<>();
                        hits.forEach(hit -> lines.add(action("delete", hit.path("_id").asText())));
                        if (!lines.isEmpty()) {
                            bulkNow(lines, operation);
                        }
                        return true;
                    });
                    refresh();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .subscribeOn(Schedulers.boundedElastic())
            .then();
    }

    private static JsonNode action(String type, String id) {
        return QueryTranslator.wrap(type, JSON.objectNode().put("_id", id));
    }

    private static String documentId(MailboxId mailboxId, MessageUid uid) {
        return mailboxId.serialize() + ":" + uid.asLong();
    }

    private static String documentPath(MailboxId mailboxId, MessageUid uid) {
        return URLEncoder.encode(documentId(mailboxId, uid), StandardCharsets.UTF_8);
    }

    private static void check(OpenSearchHttp.Reply reply, String operation) throws IOException {
        if (!reply.isSuccess()) {
            // Only the error type: OpenSearch's reasons may quote document content or search terms.
            throw new IOException("OpenSearch " + operation + " failed with " + reply.status() + ": "
                + reply.json().path("error").path("type").asText(reply.json().path("error").asText()));
        }
    }
}
