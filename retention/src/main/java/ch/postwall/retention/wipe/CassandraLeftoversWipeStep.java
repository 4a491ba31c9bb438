package ch.postwall.retention.wipe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * Deletes the rows James's Cassandra stores keep after the mailbox step (found by the Cassandra "assert empty" test):
 * quota limits and usage by quota root, Sieve activation and space by user, mail repository URLs naming the user
 * (quarantine), the UID and modseq counters of deleted mailboxes, and the mailbox ACL event history, which keeps every
 * past grant: the history of a deleted mailbox goes, that of a live mailbox naming the user is replaced by one event
 * holding its current ACL. Runs after the mailbox step and deletes only what is left, so it is idempotent. Deleted
 * counters cannot be incremented again in Cassandra: a new account with the same address gets a fresh quota root row
 * only once James recomputes it (the quota recomputation task).
 */
public class CassandraLeftoversWipeStep implements WipeStep {
    /**
     * A table whose partition key names a user: a quota root ({@code #private&alice@example.com}), an address, or a
     * mail repository URL ending with the address; {@code kind} is the line of the deletion report.
     */
    private record UserKeyed(String table, String column, String kind, boolean quotaRoot) {
    }

    private static final List<UserKeyed> USER_KEYED = List.of(
        new UserKeyed("currentquota", "quotaroot", "quotaRows", true),
        new UserKeyed("maxquota", "quotaroot", "quotaRows", true),
        new UserKeyed("sieve_active", "user_name", "sieveRows", false),
        new UserKeyed("sieve_space", "user_name", "sieveRows", false),
        new UserKeyed("sieve_quota", "user_name", "sieveRows", false),
        new UserKeyed("mailrepositoryurls", "url", "mailRepositoryUrls", false));
    private static final List<String> MAILBOX_COUNTER_TABLES = List.of("modseq", "messagecounter");

    private final CqlSession session;
    private final QuotaRootResolver quotaRootResolver;
    private final MailboxManager mailboxManager;
    private final MailboxSessionMapperFactory mapperFactory;
    private final MailboxId.Factory mailboxIdFactory;

    @Inject
    public CassandraLeftoversWipeStep(CqlSession session, QuotaRootResolver quotaRootResolver, MailboxManager mailboxManager,
                                      MailboxSessionMapperFactory mapperFactory, MailboxId.Factory mailboxIdFactory) {
        this.session = session;
        this.quotaRootResolver = quotaRootResolver;
        this.mailboxManager = mailboxManager;
        this.mapperFactory = mapperFactory;
        this.mailboxIdFactory = mailboxIdFactory;
    }

    @Override
    public String name() {
        return "cassandra-leftovers";
    }

    @Override
    public int order() {
        return ACCOUNT_ORDER + 1;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        String address = user.asString().toLowerCase(Locale.ROOT);
        String quotaRoot = quotaRoot(user);
        return wipe(address, (table, key) -> table.quotaRoot() ? key.equals(quotaRoot) : key.toLowerCase(Locale.ROOT)
            .equals(address) || key.toLowerCase(Locale.ROOT).endsWith("/" + address));
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        String suffix = "@" + domain.asString().toLowerCase(Locale.ROOT);
        Map<String, Long> counts = new TreeMap<>(wipe(suffix, (table, key) -> key.toLowerCase(Locale.ROOT).endsWith(suffix)).counts());
        counts.merge("quotaRows", deleteWhere("domainmaxquota", "domain", domain.asString()), Long::sum);
        return new DeletionCounts(counts);
    }

    private interface KeyMatcher {
        boolean matches(UserKeyed table, String key);
    }

    private DeletionCounts wipe(String needle, KeyMatcher ofSubject) {
        Map<String, Long> counts = new TreeMap<>();
        for (UserKeyed table : USER_KEYED) {
            long deleted = partitionKeys(table.table(), table.column()).stream()
                .filter(key -> ofSubject.matches(table, key))
                .mapToLong(key -> deleteWhere(table.table(), table.column(), key))
                .sum();
            counts.merge(table.kind(), deleted, Long::sum);
        }
        counts.put("mailboxCounters", deleteCountersOfDeletedMailboxes());
        counts.put("aclHistories", cleanAclHistories(needle));
        return new DeletionCounts(counts);
    }

    private long deleteCountersOfDeletedMailboxes() {
        long deleted = 0;
        for (String table : MAILBOX_COUNTER_TABLES) {
            for (String mailboxId : partitionKeys(table, "mailboxid")) {
                if (!mailboxExists(mailboxId)) {
                    deleted += deleteWhere(table, "mailboxid", UUID.fromString(mailboxId));
                }
            }
        }
        return deleted;
    }

    /** ACL aggregates are keyed by mailbox id; other aggregates (e.g. per-user rules) only when their key names the subject. */
    private long cleanAclHistories(String needle) {
        long cleaned = 0;
        for (String aggregate : partitionKeys("eventstore", "aggregateid")) {
            Optional<UUID> mailboxId = asUuid(aggregate);
            if (mailboxId.isEmpty()) {
                if (aggregate.toLowerCase(Locale.ROOT).contains(needle)) {
                    cleaned += deleteWhere("eventstore", "aggregateid", aggregate);
                }
            } else if (!mailboxExists(aggregate)) {
                cleaned += deleteWhere("eventstore", "aggregateid", aggregate);
            } else if (historyMentions(aggregate, needle)) {
                compactAclHistory(aggregate);
                cleaned++;
            }
        }
        return cleaned;
    }

    private boolean historyMentions(String aggregate, String needle) {
        return session.execute(SimpleStatement.newInstance("SELECT event FROM eventstore WHERE aggregateid = ?", aggregate)).all()
            .stream().map(row -> row.getString("event")).anyMatch(event -> event != null && event.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Replaces the history by one event: the current ACL, set again on an empty aggregate. */
    private void compactAclHistory(String aggregate) {
        MailboxId id = mailboxIdFactory.fromString(aggregate);
        MailboxSession system = mailboxManager.createSystemSession(Username.of("postwall-wipe"));
        try {
            Mailbox mailbox = mapperFactory.getMailboxMapper(system).findMailboxById(id).block();
            MailboxACL current = mailbox.getACL();
            deleteWhere("eventstore", "aggregateid", aggregate);
            MailboxSession owner = mailboxManager.createSystemSession(mailbox.getUser());
            try {
                mailboxManager.setRights(id, current, owner);
            } finally {
                mailboxManager.endProcessingRequest(owner);
            }
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot rewrite the ACL history of mailbox " + aggregate, e);
        } finally {
            mailboxManager.endProcessingRequest(system);
        }
    }

    private boolean mailboxExists(String mailboxId) {
        return session.execute(SimpleStatement.newInstance("SELECT id FROM mailbox WHERE id = ?", UUID.fromString(mailboxId))).one() != null;
    }

    private List<String> partitionKeys(String table, String column) {
        return session.execute(SimpleStatement.newInstance("SELECT DISTINCT " + column + " FROM " + table).setPageSize(1000)).all()
            .stream().map(row -> String.valueOf(row.getObject(0))).toList();
    }

    /** @return 1 when a partition was there to delete, else 0 */
    private long deleteWhere(String table, String column, Object key) {
        boolean present = session.execute(SimpleStatement.newInstance(
            "SELECT " + column + " FROM " + table + " WHERE " + column + " = ? LIMIT 1", key)).one() != null;
        if (present) {
            session.execute(SimpleStatement.newInstance("DELETE FROM " + table + " WHERE " + column + " = ?", key));
        }
        return present ? 1 : 0;
    }

    private static Optional<UUID> asUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String quotaRoot(Username user) {
        try {
            return quotaRootResolver.getQuotaRoot(MailboxPath.inbox(user)).getValue();
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot resolve the quota root of " + user.asString(), e);
        }
    }
}
