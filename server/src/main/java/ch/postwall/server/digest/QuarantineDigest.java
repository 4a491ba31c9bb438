package ch.postwall.server.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;

import ch.postwall.filter.quarantine.Quarantine;

/**
 * Mails each user a list of what was quarantined for them since their previous digest (sender, subject,
 * date, release link), unless they opted out. The digest goes through the spool like any local mail, with
 * the null sender so that it never bounces. Each user's last digest time is stored, so a restart neither
 * repeats nor skips a digest.
 */
public class QuarantineDigest {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigest.class);

    /** One quarantined mail as the digest lists it. */
    private record Line(String id, String sender, String subject, Instant quarantinedAt) {
    }

    private final Quarantine quarantine;
    private final DigestSettingsStore settings;
    private final QuarantineDigestConfiguration configuration;
    private final Clock clock;
    /** Created at the first digest: the queue backend may not be up yet when Guice builds this. */
    private final Supplier<MailQueue> spool;

    @Inject
    public QuarantineDigest(Quarantine quarantine, DigestSettingsStore settings, QuarantineDigestConfiguration configuration,
                            MailQueueFactory<?> queues, Clock clock) {
        this.quarantine = quarantine;
        this.settings = settings;
        this.configuration = configuration;
        this.clock = clock;
        this.spool = Suppliers.memoize(() -> queues.createQueue(MailQueueFactory.SPOOL));
    }

    /** Makes the digests due now; returns how many were sent. */
    public int sendDigests() throws MessagingException {
        Instant now = clock.instant();
        int sent = 0;
        for (Username user : quarantine.users()) {
            DigestSettings userSettings = settings.settings(user);
            if (userSettings.optedOut()) {
                continue;
            }
            Instant since = userSettings.lastDigest().orElse(now.minus(configuration.interval()));
            List<Line> lines = linesBetween(user, since, now);
            if (!lines.isEmpty()) {
                send(user, lines);
                settings.recordDigest(user, now);
                sent++;
            }
        }
        LOGGER.info("Sent {} quarantine digests", sent);
        return sent;
    }

    private List<Line> linesBetween(Username user, Instant since, Instant until) throws MessagingException {
        List<Line> lines = new ArrayList<>();
        for (Mail mail : quarantine.mailsOf(user)) {
            try {
                Instant quarantinedAt = mail.getLastUpdated().toInstant();
                if (quarantinedAt.isAfter(since) && !quarantinedAt.isAfter(until)) {
                    lines.add(new Line(mail.getName(), mail.getMaybeSender().asString(),
                        Optional.ofNullable(mail.getMessage().getSubject()).orElse(""), quarantinedAt));
                }
            } finally {
                LifecycleUtil.dispose(mail);
            }
        }
        lines.sort(Comparator.comparing(Line::quarantinedAt));
        return lines;
    }

    private void send(Username user, List<Line> lines) throws MessagingException {
        MailAddress recipient = user.asMailAddress();
        Mail digest = MailImpl.builder()
            .name("quarantine-digest-" + UUID.randomUUID())
            .sender(MaybeSender.nullSender())
            .addRecipient(recipient)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addFrom("Postwall quarantine <postmaster@" + recipient.getDomain().asString() + ">")
                .addToRecipient(recipient.asString())
                .setSubject("Quarantine: " + lines.size() + " new message" + (lines.size() == 1 ? "" : "s"))
                .setText(body(user, lines)))
            .state(Mail.DEFAULT)
            .build();
        try {
            spool.get().enQueue(digest);
        } finally {
            LifecycleUtil.dispose(digest);
        }
    }

    private String body(Username user, List<Line> lines) {
        StringBuilder body = new StringBuilder("These messages to ").append(user.asString())
            .append(" were quarantined since your last digest. To deliver one to your inbox, send a POST request to its ")
            .append("release link, signed in with your mail address and password.\n");
        for (Line line : lines) {
            body.append("\nFrom:    ").append(oneLine(line.sender()))
                .append("\nSubject: ").append(oneLine(line.subject()))
                .append("\nDate:    ").append(line.quarantinedAt())
                .append("\nRelease: ").append(releaseLink(user, line.id()))
                .append('\n');
        }
        body.append("\nTo stop these digests: PUT {\"enabled\": false} to ")
            .append(configuration.releaseBaseUrl()).append("/api/users/").append(encode(user.asString())).append("/quarantine-digest\n");
        return body.toString();
    }

    private String releaseLink(Username user, String id) {
        return configuration.releaseBaseUrl() + "/api/quarantine/" + encode(user.asString()) + "/" + encode(id) + "/release";
    }

    /** Spam chooses its sender and subject: no line breaks of theirs in our text. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
