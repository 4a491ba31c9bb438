package ch.postwall.filter.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;

/**
 * A delivery-failure report in the shape of RFC 3464 (multipart/report; delivery-status). Of the
 * original message it carries only its From, To, Date, Subject and Message-ID headers: the body of
 * a customer's mail never travels back, not even to its sender.
 */
public class DeliveryFailureNotice {
    public static final String[] ORIGINAL_HEADERS = {"From", "To", "Date", "Subject", "Message-ID"};
    /** Status when the retry period ran out without a permanent answer (RFC 3463: delivery time expired). */
    public static final String EXPIRED_STATUS = "4.4.7";

    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\b([45]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter RFC_822_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String reportingMta;

    public DeliveryFailureNotice(String reportingMta) {
        this.reportingMta = reportingMta;
    }

    /**
     * @param failures the failed recipients with the target's reply or the reason
     * @param expired  whether the retry period ran out (otherwise the target refused permanently)
     */
    public MimeMessage build(MimeMessage original, MailAddress postmaster, MailAddress sender,
                             Map<MailAddress, String> failures, boolean expired, Instant now) throws MessagingException {
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(part("text/plain; charset=UTF-8", explanation(failures, expired)));
        report.addBodyPart(part("message/delivery-status", deliveryStatus(failures, expired, now)));
        report.addBodyPart(part("text/rfc822-headers", originalHeaders(original)));

        MimeMessage notice = new MimeMessage(Session.getInstance(new Properties()));
        notice.setFrom(new InternetAddress(postmaster.asString()));
        notice.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(sender.asString()));
        notice.setSubject("Undelivered mail returned to sender");
        notice.setSentDate(Date.from(now));
        // RFC 3834: an automatic message, to which no automatic answer should be sent.
        notice.setHeader("Auto-Submitted", "auto-replied");
        notice.setContent(report);
        notice.saveChanges();
        return notice;
    }

    private static MimeBodyPart part(String contentType, String content) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", "8bit");
        return new MimeBodyPart(headers, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String explanation(Map<MailAddress, String> failures, boolean expired) {
        StringBuilder text = new StringBuilder(expired
            ? "Your message could not be delivered: the recipients' mail server did not accept it within the retry period."
            : "Your message could not be delivered: the recipients' mail server refused it.");
        text.append(CRLF).append(CRLF);
        failures.forEach((recipient, reason) -> text.append(recipient.asString()).append(": ").append(oneLine(reason)).append(CRLF));
        return text.toString();
    }

    private String deliveryStatus(Map<MailAddress, String> failures, boolean expired, Instant now) {
        StringBuilder status = new StringBuilder()
            .append("Reporting-MTA: dns; ").append(reportingMta).append(CRLF);
        failures.forEach((recipient, reason) -> status.append(CRLF)
            .append("Final-Recipient: rfc822; ").append(recipient.asString()).append(CRLF)
            .append("Action: failed").append(CRLF)
            .append("Status: ").append(expired ? EXPIRED_STATUS : permanentStatus(reason)).append(CRLF)
            .append("Diagnostic-Code: smtp; ").append(oneLine(reason)).append(CRLF)
            .append("Last-Attempt-Date: ").append(RFC_822_DATE.format(now)).append(CRLF));
        return status.toString();
    }

    private static String permanentStatus(String reason) {
        Matcher matcher = ENHANCED_STATUS.matcher(reason);
        return Optional.of(matcher).filter(Matcher::find).map(found -> found.group(1))
            .filter(code -> code.startsWith("5"))
            .orElse("5.0.0");
    }

    private static String originalHeaders(MimeMessage original) throws MessagingException {
        StringBuilder headers = new StringBuilder();
        for (String name : ORIGINAL_HEADERS) {
            String[] values = original.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    headers.append(name).append(": ").append(value).append(CRLF);
                }
            }
        }
        return headers.toString();
    }

    private static String oneLine(String reason) {
        return reason.replaceAll("\\s+", " ").trim();
    }
}
