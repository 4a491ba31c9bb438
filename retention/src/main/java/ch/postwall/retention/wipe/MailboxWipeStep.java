package ch.postwall.retention.wipe;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SubscriptionManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.sieverepository.api.ScriptSummary;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;
import reactor.core.publisher.Flux;

/**
 * Deletes what James holds about a user: mailboxes and their messages (through the {@link MailboxManager}, so
 * the search index, quota usage and blobs follow its events), subscriptions, the rights others gave the user, Sieve scripts, quota limits,
 * aliases and other rewrite rules from or to the user, and last the account itself. For a domain, every user
 * of the domain, then the domain's rewrite rules and quota limits, and the domain itself. Each part deletes what is left, so running
 * it again after a crash completes the wipe.
 */
public class MailboxWipeStep implements WipeStep {
    public static final String NAME = "mailbox";

    private final MailboxManager mailboxManager;
    private final MailboxSessionMapperFactory mapperFactory;
    private final SubscriptionManager subscriptionManager;
    private final SieveRepository sieveRepository;
    private final MaxQuotaManager maxQuotaManager;
    private final QuotaRootResolver quotaRootResolver;
    private final RecipientRewriteTable recipientRewriteTable;
    private final UsersRepository usersRepository;
    private final DomainList domainList;

    @Inject
    public MailboxWipeStep(MailboxManager mailboxManager, MailboxSessionMapperFactory mapperFactory, SubscriptionManager subscriptionManager, SieveRepository sieveRepository,
                           MaxQuotaManager maxQuotaManager, QuotaRootResolver quotaRootResolver,
                           RecipientRewriteTable recipientRewriteTable, UsersRepository usersRepository, DomainList domainList) {
        this.mailboxManager = mailboxManager;
        this.mapperFactory = mapperFactory;
        this.subscriptionManager = subscriptionManager;
        this.sieveRepository = sieveRepository;
        this.maxQuotaManager = maxQuotaManager;
        this.quotaRootResolver = quotaRootResolver;
        this.recipientRewriteTable = recipientRewriteTable;
        this.usersRepository = usersRepository;
        this.domainList = domainList;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return ACCOUNT_ORDER;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        try {
            Map<String, Long> counts = new TreeMap<>();
            MailboxSession session = mailboxManager.createSystemSession(user);
            try {
                counts.putAll(deleteMailboxes(session));
                counts.put("subscriptions", deleteSubscriptions(session));
                counts.put("sharedRights", revokeRightsOnOthersMailboxes(user, session));
            } finally {
                mailboxManager.endProcessingRequest(session);
            }
            counts.put("sieveScripts", deleteSieveScripts(user));
            deleteQuotaLimits(quotaRootResolver.getQuotaRoot(MailboxPath.inbox(user)));
            counts.put("mappings", deleteMappings(MappingSource.fromUser(user), value -> value.equalsIgnoreCase(user.asString())));
            counts.put("accounts", deleteAccount(user));
            return new DeletionCounts(counts);
        } catch (MailboxException | UsersRepositoryException | RecipientRewriteTableException e) {
            throw new IllegalStateException("Wipe of " + user.asString() + " failed; running it again resumes it", e);
        }
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        List<Username> users = Flux.from(usersRepository.listReactive())
            .filter(user -> user.getDomainPart().filter(domain::equals).isPresent())
            .collectList()
            .block();
        DeletionCounts deleted = users.stream().map(this::wipeUser).reduce(DeletionCounts.NONE, DeletionCounts::plus);
        try {
            if (maxQuotaManager.getDomainMaxMessage(domain).isPresent()) {
                maxQuotaManager.removeDomainMaxMessage(domain);
            }
            if (maxQuotaManager.getDomainMaxStorage(domain).isPresent()) {
                maxQuotaManager.removeDomainMaxStorage(domain);
            }
            deleted = deleted.plus(DeletionCounts.of("domainMappings", deleteMappings(MappingSource.fromDomain(domain),
                value -> value.toLowerCase(Locale.ROOT).endsWith("@" + domain.asString()))));
            return deleted.plus(DeletionCounts.of("domains", deleteDomainEntry(domain)));
        } catch (MailboxException | RecipientRewriteTableException | DomainListException e) {
            throw new IllegalStateException("Wipe of domain " + domain.asString() + " failed; running it again resumes it", e);
        }
    }

    /** Children before parents, so that no deletion leaves an orphan behind. */
    private Map<String, Long> deleteMailboxes(MailboxSession session) throws MailboxException {
        List<MailboxMetaData> mailboxes = Flux.from(mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(),
                MailboxManager.MailboxSearchFetchType.Counters, session))
            .collectList().block();
        long messages = 0;
        for (MailboxMetaData mailbox : mailboxes.stream()
            .sorted(Comparator.comparing((MailboxMetaData metaData) -> metaData.getPath().getName().length()).reversed())
            .toList()) {
            messages += mailbox.getCounters().getCount();
            mailboxManager.deleteMailbox(mailbox.getId(), session);
        }
        return Map.of("mailboxes", (long) mailboxes.size(), "messages", messages);
    }

    /** Rights others granted the user on their mailboxes name the user in those mailboxes' ACLs. */
    private long revokeRightsOnOthersMailboxes(Username user, MailboxSession session) throws MailboxException {
        List<Mailbox> shared = Flux.fromArray(MailboxACL.Right.values())
            .concatMap(right -> mapperFactory.getMailboxMapper(session).findNonPersonalMailboxes(user, right))
            .distinct(Mailbox::getMailboxId)
            .collectList().block();
        for (Mailbox mailbox : shared) {
            MailboxSession owner = mailboxManager.createSystemSession(mailbox.getUser());
            try {
                mailboxManager.applyRightsCommand(mailbox.getMailboxId(),
                    MailboxACL.command().forUser(user).rights(MailboxACL.FULL_RIGHTS).asRemoval(), owner);
            } finally {
                mailboxManager.endProcessingRequest(owner);
            }
        }
        return shared.size();
    }

    private long deleteSubscriptions(MailboxSession session) throws MailboxException {
        long count = 0;
        for (MailboxPath path : subscriptionManager.subscriptions(session)) {
            subscriptionManager.unsubscribe(session, path);
            count++;
        }
        return count;
    }

    private long deleteSieveScripts(Username user) throws MailboxException {
        try {
            List<ScriptSummary> scripts = sieveRepository.listScripts(user);
            if (scripts.stream().anyMatch(ScriptSummary::isActive)) {
                sieveRepository.setActive(user, SieveRepository.NO_SCRIPT_NAME);
            }
            for (ScriptSummary script : scripts) {
                sieveRepository.deleteScript(user, script.getName());
            }
            return scripts.size();
        } catch (Exception e) {
            throw new MailboxException("Cannot delete the Sieve scripts of " + user.asString(), e);
        }
    }

    /** Only the limits that are set: on JPA, removing an absent limit writes an empty row. */
    private void deleteQuotaLimits(QuotaRoot quotaRoot) throws MailboxException {
        if (maxQuotaManager.getMaxMessage(quotaRoot).isPresent()) {
            maxQuotaManager.removeMaxMessage(quotaRoot);
        }
        if (maxQuotaManager.getMaxStorage(quotaRoot).isPresent()) {
            maxQuotaManager.removeMaxStorage(quotaRoot);
        }
    }

    /** The rules whose source is the subject, and the rules of others that point at it (their value contains it). */
    private long deleteMappings(MappingSource subject, Predicate<String> pointsAtSubject) throws RecipientRewriteTableException {
        long count = 0;
        for (Map.Entry<MappingSource, Mappings> entry : recipientRewriteTable.getAllMappings().entrySet()) {
            boolean fromSubject = entry.getKey().equals(subject);
            for (Mapping mapping : entry.getValue()) {
                if (fromSubject || pointsAtSubject.test(mapping.getMappingValue())) {
                    recipientRewriteTable.removeMapping(entry.getKey(), mapping);
                    count++;
                }
            }
        }
        return count;
    }

    private long deleteDomainEntry(Domain domain) throws DomainListException {
        if (!domainList.containsDomain(domain)) {
            return 0;
        }
        domainList.removeDomain(domain);
        return 1;
    }

    private long deleteAccount(Username user) throws UsersRepositoryException {
        if (!usersRepository.contains(user)) {
            return 0;
        }
        usersRepository.removeUser(user);
        return 1;
    }
}
