package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxPathLocker;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.ReadOnlyException;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMessageManager;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.mailbox.store.MailboxManagerConfiguration;
import org.apache.james.mailbox.store.MailboxReactorUtils;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.mail.ThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.utils.MimeMessageHeadersUtil;
import org.apache.james.mailbox.store.quota.QuotaChecker;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.message.HeaderImpl;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * James's JPA message manager whose appends ({@link AppendCommand}: deliveries, IMAP APPEND, Sieve) are stored by
 * {@link GroupedAppends}; every other operation is James's.
 */
class EmbeddedMessageManager extends OpenJPAMessageManager {
    private final GroupedAppends appends;
    private final QuotaManager quotaManager;
    private final QuotaRootResolver quotaRootResolver;
    private final MessageId.Factory messageIdFactory;
    private final ThreadIdGuessingAlgorithm threadIdGuessingAlgorithm;
    private final Clock clock;

    EmbeddedMessageManager(MailboxSessionMapperFactory mapperFactory, MessageSearchIndex index, EventBus eventBus,
                           MailboxPathLocker locker, Mailbox mailbox, QuotaManager quotaManager,
                           QuotaRootResolver quotaRootResolver, MessageId.Factory messageIdFactory,
                           MailboxManagerConfiguration configuration, StoreRightManager storeRightManager,
                           ThreadIdGuessingAlgorithm threadIdGuessingAlgorithm, Clock clock, GroupedAppends appends) {
        super(mapperFactory, index, eventBus, locker, mailbox, quotaManager, quotaRootResolver, messageIdFactory,
            configuration.getBatchSizes(), storeRightManager, threadIdGuessingAlgorithm, clock);
        this.appends = appends;
        this.quotaManager = quotaManager;
        this.quotaRootResolver = quotaRootResolver;
        this.messageIdFactory = messageIdFactory;
        this.threadIdGuessingAlgorithm = threadIdGuessingAlgorithm;
        this.clock = clock;
    }

    /** Counts only messages already announced (see {@link GroupedAppends#allAnnounced}). */
    @Override
    public Mono<MailboxMetaData> getMetaDataReactive(MailboxMetaData.RecentMode recentMode, MailboxSession session,
                                                     EnumSet<MailboxMetaData.Item> items) throws MailboxException {
        return super.getMetaDataReactive(recentMode, session, items)
            .flatMap(metaData -> appends.allAnnounced(getId()).thenReturn(metaData));
    }

    @Override
    public AppendResult appendMessage(AppendCommand command, MailboxSession session) throws MailboxException {
        return MailboxReactorUtils.block(appendMessageReactive(command, session));
    }

    @Override
    public Publisher<AppendResult> appendMessageReactive(AppendCommand command, MailboxSession session) {
        Mailbox mailbox = getMailboxEntity();
        return Mono.fromCallable(() -> read(command, session))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(parsed -> withinQuota(mailbox, command)
                .then(Mono.defer(() -> prepare(mailbox, command, session, parsed)))
                .flatMap(appends::append));
    }

    private AppendedContent read(AppendCommand command, MailboxSession session) throws MailboxException {
        if (!isWriteable(session)) {
            throw new ReadOnlyException(getMailboxPath());
        }
        try {
            return AppendedContent.read(command.getMsgIn());
        } catch (IOException | MimeException e) {
            throw new MailboxException("Unable to parse message", e);
        }
    }

    private Mono<Void> withinQuota(Mailbox mailbox, AppendCommand command) {
        return Mono.fromCallable(() -> quotaRootResolver.getQuotaRoot(mailbox))
            .flatMap(root -> Mono.from(quotaManager.getQuotasReactive(root))
                .flatMap(quotas -> tryAddition(quotas, root, command)));
    }

    private static Mono<Void> tryAddition(QuotaManager.Quotas quotas, QuotaRoot root, AppendCommand command) {
        try {
            new QuotaChecker(quotas, root).tryAddition(1, command.getMsgIn().size());
            return Mono.empty();
        } catch (MailboxException e) {
            return Mono.error(e);
        }
    }

    private Mono<GroupedAppends.Append> prepare(Mailbox mailbox, AppendCommand command, MailboxSession session,
                                                AppendedContent parsed) {
        MessageId messageId = messageIdFactory.generate();
        HeaderImpl headers = parsed.headers();
        return threadIdGuessingAlgorithm.guessThreadIdReactive(messageId, MimeMessageHeadersUtil.parseMimeMessageId(headers),
                MimeMessageHeadersUtil.parseInReplyTo(headers), MimeMessageHeadersUtil.parseReferences(headers),
                MimeMessageHeadersUtil.parseSubject(headers), session)
            .map(threadId -> new GroupedAppends.Append(mailbox, session, messageId, threadId,
                Optional.ofNullable(command.getInternalDate()).orElseGet(() -> Date.from(clock.instant())),
                command.getMsgIn(), parsed, flags(command, session), command.isDelivery()));
    }

    /** The flags asked for that this mailbox keeps (all user flags, as James's JPA mailbox), and \Recent if asked. */
    private Flags flags(AppendCommand command, MailboxSession session) {
        Flags kept = new Flags();
        Flags permanent = getPermanentFlags(session);
        Optional.ofNullable(command.getFlags()).ifPresent(asked -> {
            for (Flags.Flag flag : asked.getSystemFlags()) {
                if (flag == Flags.Flag.RECENT || permanent.contains(flag)) {
                    kept.add(flag);
                }
            }
            for (String userFlag : asked.getUserFlags()) {
                if (permanent.contains(Flags.Flag.USER) || permanent.contains(userFlag)) {
                    kept.add(userFlag);
                }
            }
        });
        if (command.isRecent()) {
            kept.add(Flags.Flag.RECENT);
        }
        return kept;
    }
}
