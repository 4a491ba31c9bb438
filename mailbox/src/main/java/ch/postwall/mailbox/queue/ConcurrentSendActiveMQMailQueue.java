package ch.postwall.mailbox.queue;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.jms.BytesMessage;
import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.activemq.ActiveMQSession;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQCacheableMailQueue;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MimeMessageSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;

/**
 * James's ActiveMQ queue sends every mail through one JMS session, whose send is synchronised and waits
 * until the broker has stored the message: concurrent SMTP sessions wait behind each other, and KahaDB
 * syncs its journal once per mail. Here each enqueuing thread borrows a producer with its own session, so
 * persistent sends overlap and the journal syncs them together. Every send is still synchronous and
 * persistent: SMTP answers 250 only after the broker has stored the mail.
 * <p>
 * Where the content goes: James writes every mail to a file of its own beside the journal (a blob message) and
 * never syncs it, so a power loss after the 250 could leave the queued mail without its content (and each mail
 * costs a file created and deleted). A mail of up to {@link #INLINE_LIMIT} bytes
 * travels inside the JMS message instead, stored by the journal's synced write; a larger one (rare, kept out of
 * the broker's memory) is written to a file that is synced, with its directory, before the message refers to it.
 */
public class ConcurrentSendActiveMQMailQueue extends ActiveMQCacheableMailQueue {
    static final long INLINE_LIMIT = 1024 * 1024;

    private record Sender(ActiveMQSession session, MessageProducer producer) {
    }

    private final BlockingQueue<Sender> idleSenders = new LinkedBlockingQueue<>();
    private final Path largeMailDirectory;

    public ConcurrentSendActiveMQMailQueue(ConnectionFactory connectionFactory, MailQueueItemDecoratorFactory decoratorFactory,
                                           MailQueueName name, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                           Path largeMailDirectory) {
        super(connectionFactory, decoratorFactory, name, true, metricFactory, gaugeRegistry);
        this.largeMailDirectory = largeMailDirectory;
    }

    @Override
    protected void produceMail(Map<String, Object> props, int msgPrio, Mail mail) throws JMSException, MessagingException, IOException {
        Sender sender = borrowSender();
        Optional<Path> largeMail = Optional.empty();
        try {
            Message message;
            long size = mail.getMessageSize();
            if (size >= 0 && size <= INLINE_LIMIT) {
                message = inlineMessage(sender.session(), mail);
            } else {
                largeMail = Optional.of(writeSynced(mail));
                message = sender.session().createBlobMessage(largeMail.get().toUri().toURL());
            }
            for (Map.Entry<String, Object> property : props.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            sender.producer().send(message, Message.DEFAULT_DELIVERY_MODE, msgPrio, Message.DEFAULT_TIME_TO_LIVE);
            idleSenders.offer(sender);
        } catch (JMSException | MessagingException | IOException | RuntimeException e) {
            largeMail.ifPresent(file -> deleteQuietly(file, e));
            // A session that failed may be broken: it is closed rather than lent again.
            closeSession(sender.session());
            throw e;
        }
    }

    private static BytesMessage inlineMessage(Session session, Mail mail) throws JMSException, MessagingException, IOException {
        BytesMessage message = session.createBytesMessage();
        try (OutputStream body = new BytesMessageOutputStream(message)) {
            mail.getMessage().writeTo(body);
        }
        return message;
    }

    private Path writeSynced(Mail mail) throws IOException, MessagingException {
        Files.createDirectories(largeMailDirectory);
        Path file = largeMailDirectory.resolve(UUID.randomUUID() + ".eml");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            mail.getMessage().writeTo(out);
            out.getFD().sync();
        }
        try (FileChannel directory = FileChannel.open(largeMailDirectory, StandardOpenOption.READ)) {
            directory.force(true);
        }
        return file;
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    protected MimeMessage mimeMessage(Message message) throws MessagingException, JMSException {
        if (message instanceof BytesMessage inline) {
            inline.reset();
            byte[] content = new byte[Math.toIntExact(inline.getBodyLength())];
            inline.readBytes(content);
            return new MimeMessageWrapper(new InlineMessageSource(message.getJMSMessageID(), content));
        }
        return super.mimeMessage(message);
    }

    private Sender borrowSender() throws JMSException {
        Sender idle = idleSenders.poll();
        if (idle != null) {
            return idle;
        }
        ActiveMQSession session = (ActiveMQSession) connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        return new Sender(session, session.createProducer(queue));
    }

    @Override
    public void dispose() {
        Sender sender;
        while ((sender = idleSenders.poll()) != null) {
            closeSession(sender.session());
        }
        super.dispose();
    }

    /** Writes into the body of a JMS bytes message, without copying the mail into an array first. */
    private static final class BytesMessageOutputStream extends OutputStream {
        private final BytesMessage message;

        BytesMessageOutputStream(BytesMessage message) {
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                message.writeBytes(bytes, offset, length);
            } catch (JMSException e) {
                throw new IOException("Cannot write the mail into the queue message", e);
            }
        }
    }

    /** The content of a mail that travelled inside its JMS message. */
    private record InlineMessageSource(String sourceId, byte[] content) implements MimeMessageSource {
        @Override
        public String getSourceId() {
            return sourceId;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public long getMessageSize() {
            return content.length;
        }
    }
}
