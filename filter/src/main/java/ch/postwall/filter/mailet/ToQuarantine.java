package ch.postwall.filter.mailet;

import java.util.List;
import java.util.Locale;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the mail, with its verdict attributes, in one quarantine mail repository per recipient
 * ({@code repositoryPrefix} followed by the recipient address), then ghosts it so that the mailbox never sees it.
 * Parameter {@code repositoryPrefix}, e.g. {@code memory://var/mail/quarantine/} or {@code cassandra://var/mail/quarantine/}.
 */
public class ToQuarantine extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ToQuarantine.class);
    private static final String PREFIX_PARAMETER = "repositoryPrefix";

    private final MailRepositoryStore repositoryStore;
    private String repositoryPrefix;

    @Inject
    public ToQuarantine(MailRepositoryStore repositoryStore) {
        this.repositoryStore = repositoryStore;
    }

    @Override
    public void init() throws MessagingException {
        repositoryPrefix = getInitParameter(PREFIX_PARAMETER);
        if (repositoryPrefix == null || !repositoryPrefix.contains("://") || !repositoryPrefix.endsWith("/")) {
            throw new MessagingException("ToQuarantine needs " + PREFIX_PARAMETER
                + " as protocol://path/ ending with '/', got '" + repositoryPrefix + "'");
        }
    }

    /** The quarantine repository of one recipient. */
    public static MailRepositoryUrl quarantineOf(String repositoryPrefix, MailAddress recipient) {
        return MailRepositoryUrl.from(repositoryPrefix + recipient.asString().toLowerCase(Locale.ROOT));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        for (MailAddress recipient : mail.getRecipients()) {
            Mail copy = mail.duplicate();
            try {
                copy.setRecipients(List.of(recipient));
                MailRepository repository = repositoryStore.select(quarantineOf(repositoryPrefix, recipient));
                repository.store(copy);
            } catch (MailRepositoryStore.MailRepositoryStoreException e) {
                throw new MessagingException("Quarantine repository unavailable for " + recipient.asString(), e);
            } finally {
                LifecycleUtil.dispose(copy);
            }
            LOGGER.info("Mail {} quarantined for {}", mail.getName(), recipient.asString());
        }
        mail.setState(Mail.GHOST);
    }
}
