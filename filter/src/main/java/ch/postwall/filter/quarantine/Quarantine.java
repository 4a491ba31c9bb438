package ch.postwall.filter.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantined mail: one James mail repository per recipient ({@code prefix} + address; the prefix is
 * validated by the configuration), each copy stamped with the
 * time it entered so that it can be deleted when the quarantine period has passed. Offers what export, wipe and
 * expiry need.
 */
public class Quarantine {
    private static final Logger LOGGER = LoggerFactory.getLogger(Quarantine.class);

    private final MailRepositoryStore store;
    private final String prefix;
    private final Duration period;
    private final Clock clock;

    public Quarantine(MailRepositoryStore store, String prefix, Duration period, Clock clock) {
        this.store = store;
        this.prefix = prefix;
        this.period = period;
        this.clock = clock;
    }

    public MailRepositoryUrl urlOf(Username user) {
        return MailRepositoryUrl.from(prefix + user.asString().toLowerCase(Locale.ROOT));
    }

    /** Stores a copy of the mail, addressed to this recipient only, with all its attributes (verdict and scores). */
    public void put(Mail mail, MailAddress recipient) throws MessagingException {
        Mail copy = mail.duplicate();
        try {
            copy.setRecipients(List.of(recipient));
            copy.setLastUpdated(Date.from(clock.instant()));
            repository(urlOf(Username.fromMailAddress(recipient))).store(copy);
        } finally {
            LifecycleUtil.dispose(copy);
        }
    }

    /** Everything quarantined for the user (export). */
    public List<Mail> mailsOf(Username user) throws MessagingException {
        Optional<MailRepository> repository = existing(urlOf(user));
        List<Mail> mails = new ArrayList<>();
        if (repository.isPresent()) {
            for (Iterator<MailKey> keys = repository.get().list(); keys.hasNext(); ) {
                Optional.ofNullable(repository.get().retrieve(keys.next())).ifPresent(mails::add);
            }
        }
        return mails;
    }

    /** The user's quarantined mail of that key (its name), if still there. */
    public Optional<Mail> retrieve(Username user, MailKey key) throws MessagingException {
        Optional<MailRepository> repository = existing(urlOf(user));
        if (repository.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(repository.get().retrieve(key));
    }

    public void remove(Username user, MailKey key) throws MessagingException {
        Optional<MailRepository> repository = existing(urlOf(user));
        if (repository.isPresent()) {
            repository.get().remove(key);
        }
    }

    /** The users who have a quarantine repository (it may be empty). */
    public List<Username> users() {
        return quarantineUrls().stream()
            .map(url -> Username.of(url.asString().substring(prefix.length())))
            .toList();
    }

    /** The users of the domain who have a quarantine repository (it may be empty). */
    public List<Username> usersOf(Domain domain) {
        String suffix = "@" + domain.asString().toLowerCase(Locale.ROOT);
        return users().stream()
            .filter(user -> user.asString().endsWith(suffix))
            .toList();
    }

    /** Deletes everything quarantined for the user (wipe); returns how many mails. */
    public long deleteAllOf(Username user) throws MessagingException {
        Optional<MailRepository> repository = existing(urlOf(user));
        if (repository.isPresent()) {
            return removeAll(repository.get());
        }
        return 0;
    }

    /** Deletes everything quarantined for the domain's users (domain wipe); returns how many mails. */
    public long deleteDomain(Domain domain) throws MessagingException {
        long deleted = 0;
        for (Username user : usersOf(domain)) {
            deleted += deleteAllOf(user);
        }
        return deleted;
    }

    private static long removeAll(MailRepository repository) throws MessagingException {
        long size = repository.size();
        repository.removeAll();
        return size;
    }

    /** Deletes the mails quarantined longer than the quarantine period; returns how many. */
    public int deleteExpired() throws MessagingException {
        Instant oldestKept = clock.instant().minus(period);
        int deleted = 0;
        for (MailRepositoryUrl url : quarantineUrls()) {
            MailRepository repository = repository(url);
            List<MailKey> expired = new ArrayList<>();
            for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
                MailKey key = keys.next();
                Mail mail = repository.retrieve(key);
                if (mail != null && mail.getLastUpdated().toInstant().isBefore(oldestKept)) {
                    expired.add(key);
                }
            }
            repository.remove(expired);
            deleted += expired.size();
        }
        LOGGER.info("Deleted {} quarantined mails older than {}", deleted, period);
        return deleted;
    }

    private List<MailRepositoryUrl> quarantineUrls() {
        return store.getUrls()
            .filter(url -> url.asString().startsWith(prefix))
            .toList();
    }

    private Optional<MailRepository> existing(MailRepositoryUrl url) throws MessagingException {
        try {
            return store.get(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Quarantine repository " + url.asString() + " unavailable", e);
        }
    }

    private MailRepository repository(MailRepositoryUrl url) throws MessagingException {
        try {
            return store.select(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Quarantine repository " + url.asString() + " unavailable", e);
        }
    }
}
