package ch.postwall.calendar.imip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.ical.InvalidCalendarDataException;

/**
 * Adds invitations arriving by mail (text/calendar parts with a METHOD) to the calendar of each
 * local recipient. Parameter {@code calendar}: the collection to write to (default {@code calendar},
 * the provisioned default calendar). The mail itself continues unchanged.
 */
public class ImipToCalendar extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ImipToCalendar.class);

    private final ImipProcessor processor;
    private final UsersRepository users;
    private String collectionId;

    @Inject
    public ImipToCalendar(ImipProcessor processor, UsersRepository users) {
        this.processor = processor;
        this.users = users;
    }

    @Override
    public void init() throws MessagingException {
        collectionId = getInitParameter("calendar", CalendarProvisioner.DEFAULT_CALENDAR);
        if (!DavPath.NAME.matcher(collectionId).matches()) {
            throw new MessagingException("ImipToCalendar parameter 'calendar' is not a valid collection name: " + collectionId);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<String> invitations = new ArrayList<>();
        try {
            collect(mail.getMessage(), invitations);
        } catch (IOException e) {
            throw new MessagingException("Could not read the calendar parts of " + mail.getName(), e);
        }
        if (invitations.isEmpty()) {
            return;
        }
        for (MailAddress recipient : mail.getRecipients()) {
            try {
                Username user = users.getUsername(recipient);
                if (users.contains(user)) {
                    apply(mail, user, invitations);
                }
            } catch (UsersRepositoryException e) {
                throw new MessagingException("Could not resolve recipient of " + mail.getName(), e);
            }
        }
    }

    private void apply(Mail mail, Username user, List<String> invitations) {
        for (String invitation : invitations) {
            try {
                ImipProcessor.Outcome outcome = processor.apply(user, collectionId, invitation);
                LOGGER.info("Invitation in {} for {}: {}", mail.getName(), user.asString(), outcome);
            } catch (InvalidCalendarDataException e) {
                LOGGER.warn("Invalid invitation in {} for {}: {}", mail.getName(), user.asString(), e.getMessage());
            }
        }
    }

    private static void collect(Part part, List<String> invitations) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            try (InputStream input = part.getInputStream()) {
                invitations.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            }
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), invitations);
            }
        }
    }

    @Override
    public String getMailetInfo() {
        return "Adds iMIP invitations to the recipients' calendars";
    }
}
