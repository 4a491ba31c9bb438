package ch.postwall.filter.mailet;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.quarantine.Quarantine;

/**
 * Puts the mail, with its verdict attributes, into each recipient's quarantine, then ghosts it so that the mailbox
 * never sees it. Where the quarantine lives is configured once, in filter.properties.
 */
public class ToQuarantine extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ToQuarantine.class);

    private final Quarantine quarantine;

    @Inject
    public ToQuarantine(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        for (MailAddress recipient : mail.getRecipients()) {
            quarantine.put(mail, recipient);
            LOGGER.info("Mail {} quarantined for {}", mail.getName(), recipient.asString());
        }
        mail.setState(Mail.GHOST);
    }
}
