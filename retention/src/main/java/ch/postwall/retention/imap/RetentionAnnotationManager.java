package ch.postwall.retention.imap;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.AnnotationException;
import org.apache.james.mailbox.model.MailboxAnnotation;
import org.apache.james.mailbox.model.MailboxAnnotationKey;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.store.StoreRightManager;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ch.postwall.retention.policy.RetentionPolicyStore;

/**
 * James's mailbox annotations plus one computed, read-only entry per folder: the retention that applies to it
 * (the user's choice within the domain's limits), so IMAP clients show it with GETMETADATA. Its value is
 * "N days" or "forever"; setting it over IMAP is refused, retention is chosen over the REST API. The stored
 * annotations and their access checks stay James's: the entry is added only once James answered.
 */
public class RetentionAnnotationManager extends StoreMailboxAnnotationManager {
    public static final MailboxAnnotationKey RETENTION = new MailboxAnnotationKey("/private/vendor/postwall/retention");

    private final RetentionPolicyStore policies;

    @Inject
    public RetentionAnnotationManager(MailboxSessionMapperFactory mailboxSessionMapperFactory, StoreRightManager rightManager,
                                      RetentionPolicyStore policies) {
        super(mailboxSessionMapperFactory, rightManager);
        this.policies = policies;
    }

    @Override
    public Flux<MailboxAnnotation> getAllAnnotationsReactive(MailboxPath mailboxPath, MailboxSession session) {
        return super.getAllAnnotationsReactive(mailboxPath, session).concatWith(retention(mailboxPath));
    }

    @Override
    public Flux<MailboxAnnotation> getAnnotationsByKeysReactive(MailboxPath mailboxPath, MailboxSession session,
                                                               Set<MailboxAnnotationKey> keys) {
        return withRetentionWhen(super.getAnnotationsByKeysReactive(mailboxPath, session, keys), mailboxPath, keys,
            MailboxAnnotationKey::equals);
    }

    @Override
    public Flux<MailboxAnnotation> getAnnotationsByKeysWithOneDepthReactive(MailboxPath mailboxPath, MailboxSession session,
                                                                           Set<MailboxAnnotationKey> keys) {
        return withRetentionWhen(super.getAnnotationsByKeysWithOneDepthReactive(mailboxPath, session, keys), mailboxPath, keys,
            MailboxAnnotationKey::isParentOrIsEqual);
    }

    @Override
    public Flux<MailboxAnnotation> getAnnotationsByKeysWithAllDepthReactive(MailboxPath mailboxPath, MailboxSession session,
                                                                           Set<MailboxAnnotationKey> keys) {
        return withRetentionWhen(super.getAnnotationsByKeysWithAllDepthReactive(mailboxPath, session, keys), mailboxPath, keys,
            MailboxAnnotationKey::isAncestorOrIsEqual);
    }

    @Override
    public Mono<Void> updateAnnotationsReactive(MailboxPath mailboxPath, MailboxSession session, List<MailboxAnnotation> annotations) {
        if (annotations.stream().anyMatch(annotation -> annotation.getKey().equals(RETENTION))) {
            return Mono.error(new AnnotationException(RETENTION.asString() + " is read-only: retention is chosen over the REST API"));
        }
        return super.updateAnnotationsReactive(mailboxPath, session, annotations);
    }

    /** Adds the retention entry when one of the requested keys covers it. */
    private Flux<MailboxAnnotation> withRetentionWhen(Flux<MailboxAnnotation> stored, MailboxPath mailboxPath,
                                                      Set<MailboxAnnotationKey> keys, BiPredicate<MailboxAnnotationKey, MailboxAnnotationKey> covers) {
        if (keys.stream().noneMatch(key -> covers.test(key, RETENTION))) {
            return stored;
        }
        return stored.concatWith(retention(mailboxPath));
    }

    private Mono<MailboxAnnotation> retention(MailboxPath mailboxPath) {
        return Mono.fromCallable(() -> MailboxAnnotation.newInstance(RETENTION,
                describe(policies.retentionOf(mailboxPath.getUser()).forMailFolder(mailboxPath.getName()))))
            .subscribeOn(Schedulers.boundedElastic());
    }

    private static String describe(Optional<Duration> retention) {
        return retention.map(period -> period.toDays() + " days").orElse("forever");
    }
}
