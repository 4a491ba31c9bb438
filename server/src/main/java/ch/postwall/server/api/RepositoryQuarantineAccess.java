package ch.postwall.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.mailet.Mail;

import ch.postwall.filter.policy.UserSenderLists;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.filter.quarantine.QuarantineRelease;
import ch.postwall.filter.verdict.VerdictAttributes;

/**
 * The API's view of the filter's quarantine (one mail repository per recipient): a mail's id is its
 * name in the repository. Listings read each mail of the user's repository, newest first.
 */
public class RepositoryQuarantineAccess implements QuarantineAccess {
    private static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::quarantinedAt).reversed()
        .thenComparing(Item::id);

    private final Quarantine quarantine;
    private final QuarantineRelease release;
    private final UserSenderLists senderLists;

    @Inject
    public RepositoryQuarantineAccess(Quarantine quarantine, QuarantineRelease release, UserSenderLists senderLists) {
        this.quarantine = quarantine;
        this.release = release;
        this.senderLists = senderLists;
    }

    @Override
    public List<Item> listOfUser(Username owner, Filter filter) {
        return page(items(owner).stream().filter(item -> matches(item, filter)).toList(), filter);
    }

    @Override
    public List<Item> listOfDomain(Domain domain, Filter filter) {
        return page(quarantine.usersOf(domain).stream()
            .flatMap(owner -> items(owner).stream())
            .filter(item -> matches(item, filter))
            .toList(), filter);
    }

    @Override
    public Optional<String> headers(Username owner, String id) {
        return read(owner, id, mail -> String.join("\r\n", Collections.list(mail.getMessage().getAllHeaderLines())));
    }

    @Override
    public Optional<byte[]> message(Username owner, String id) {
        return read(owner, id, mail -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                mail.getMessage().writeTo(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        });
    }

    @Override
    public boolean release(Username owner, String id, String releasedBy, boolean allowSender) {
        try {
            Optional<MaybeSender> sender = release.release(owner, new MailKey(id), releasedBy);
            if (allowSender) {
                sender.flatMap(MaybeSender::asOptional).ifPresent(address -> senderLists.allow(owner, address));
            }
            return sender.isPresent();
        } catch (MessagingException e) {
            throw new IllegalStateException("Releasing quarantined mail " + id + " of " + owner.asString() + " failed", e);
        }
    }

    @Override
    public boolean delete(Username owner, String id) {
        try {
            boolean present = read(owner, id, Mail::getName).isPresent();
            quarantine.remove(owner, new MailKey(id));
            return present;
        } catch (MessagingException e) {
            throw new IllegalStateException("Deleting quarantined mail " + id + " of " + owner.asString() + " failed", e);
        }
    }

    @Override
    public void blockSender(Username owner, MailAddress sender) {
        senderLists.block(owner, sender);
    }

    private interface MailReader<T> {
        T read(Mail mail) throws MessagingException;
    }

    private <T> Optional<T> read(Username owner, String id, MailReader<T> reader) {
        try {
            Optional<Mail> mail = quarantine.retrieve(owner, new MailKey(id));
            try {
                return mail.isEmpty() ? Optional.empty() : Optional.of(reader.read(mail.get()));
            } finally {
                mail.ifPresent(LifecycleUtil::dispose);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Reading quarantined mail " + id + " of " + owner.asString() + " failed", e);
        }
    }

    private List<Item> items(Username owner) {
        try {
            List<Item> items = new ArrayList<>();
            for (Mail mail : quarantine.mailsOf(owner)) {
                try {
                    items.add(item(owner, mail));
                } finally {
                    LifecycleUtil.dispose(mail);
                }
            }
            return items;
        } catch (MessagingException e) {
            throw new IllegalStateException("Listing the quarantine of " + owner.asString() + " failed", e);
        }
    }

    private static Item item(Username owner, Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        String verdict = mail.getAttribute(VerdictAttributes.VERDICT)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .orElse("");
        return new Item(mail.getName(), owner, mail.getMaybeSender().asString(), Optional.ofNullable(message.getSubject()).orElse(""),
            mail.getLastUpdated().toInstant(), verdict, mail.getMessageSize());
    }

    /** Sender: a case-insensitive part of the address; verdict: equal; from inclusive, until exclusive. */
    private static boolean matches(Item item, Filter filter) {
        return filter.sender().map(part -> item.sender().toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))).orElse(true)
            && filter.verdict().map(item.verdict()::equalsIgnoreCase).orElse(true)
            && filter.from().map(from -> !item.quarantinedAt().isBefore(from)).orElse(true)
            && filter.until().map(item.quarantinedAt()::isBefore).orElse(true);
    }

    private static List<Item> page(List<Item> items, Filter filter) {
        return items.stream().sorted(NEWEST_FIRST).skip(filter.offset()).limit(filter.limit()).toList();
    }
}
