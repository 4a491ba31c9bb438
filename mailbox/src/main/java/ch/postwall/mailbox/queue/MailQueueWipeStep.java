package ch.postwall.mailbox.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * Removes the queued mail addressed to a user (or to a domain's users) from every mail queue. A mail that also has
 * other recipients is queued again for them alone, so that their copy is still delivered.
 */
public record MailQueueWipeStep(MailQueueFactory<? extends ManageableMailQueue> queues) implements WipeStep {
    static final String QUEUED_MAILS = "queuedMails";

    @Inject
    public MailQueueWipeStep {
    }

    @Override
    public String name() {
        return "mail-queue";
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        return wipe(recipient -> Username.fromMailAddress(recipient).equals(user));
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        return wipe(recipient -> recipient.getDomain().equals(domain));
    }

    private DeletionCounts wipe(Predicate<MailAddress> ofSubject) {
        long removed = 0;
        for (MailQueueName name : queues.listCreatedMailQueues()) {
            ManageableMailQueue queue = queues.getQueue(name).orElseThrow();
            for (Mail mail : mailsFor(queue, ofSubject)) {
                try {
                    removed += requeueForOthers(queue, mail, ofSubject);
                } finally {
                    LifecycleUtil.dispose(mail);
                }
            }
        }
        return DeletionCounts.of(QUEUED_MAILS, removed);
    }

    private static List<Mail> mailsFor(ManageableMailQueue queue, Predicate<MailAddress> ofSubject) {
        List<Mail> found = new ArrayList<>();
        try {
            ManageableMailQueue.MailQueueIterator items = queue.browse();
            try {
                items.forEachRemaining(item -> {
                    if (item.getMail().getRecipients().stream().anyMatch(ofSubject)) {
                        found.add(item.getMail());
                    } else {
                        LifecycleUtil.dispose(item.getMail());
                    }
                });
            } finally {
                items.close();
            }
        } catch (MailQueue.MailQueueException e) {
            throw new IllegalStateException("Cannot browse mail queue " + queue.getName().asString(), e);
        }
        return found;
    }

    /** @return how many queued mails were removed (0 when the mail left the queue meanwhile) */
    private static long requeueForOthers(ManageableMailQueue queue, Mail mail, Predicate<MailAddress> ofSubject) {
        try {
            long removed = queue.remove(ManageableMailQueue.Type.Name, mail.getName());
            List<MailAddress> others = mail.getRecipients().stream().filter(ofSubject.negate()).toList();
            if (removed > 0 && !others.isEmpty()) {
                mail.setRecipients(others);
                queue.enQueue(mail);
            }
            return removed;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot remove mail " + mail.getName() + " from queue " + queue.getName().asString(), e);
        }
    }
}
