package ch.postwall.mailbox.queue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.mail.MessagingException;

import org.apache.activemq.ActiveMQSession;
import org.apache.activemq.BlobMessage;
import org.apache.activemq.command.ActiveMQBlobMessage;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQCacheableMailQueue;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MimeMessageInputStream;
import org.apache.mailet.Mail;

/**
 * James's ActiveMQ queue sends every mail through one JMS session, whose send is synchronised and waits
 * until the broker has stored the message: concurrent SMTP sessions wait behind each other, and KahaDB
 * syncs its journal once per mail. Here each enqueuing thread borrows a producer with its own session, so
 * persistent sends overlap and the journal syncs them together. Every send is still synchronous and
 * persistent: SMTP answers 250 only after the broker has stored the mail. The content travels as a
 * blob message (a file beside the journal), as the embedded broker is configured for.
 */
public class ConcurrentSendActiveMQMailQueue extends ActiveMQCacheableMailQueue {
    private record Sender(ActiveMQSession session, MessageProducer producer) {
    }

    private final BlockingQueue<Sender> idleSenders = new LinkedBlockingQueue<>();

    public ConcurrentSendActiveMQMailQueue(ConnectionFactory connectionFactory, MailQueueItemDecoratorFactory decoratorFactory,
                                           MailQueueName name, MetricFactory metricFactory, GaugeRegistry gaugeRegistry) {
        super(connectionFactory, decoratorFactory, name, true, metricFactory, gaugeRegistry);
    }

    @Override
    protected void produceMail(Map<String, Object> props, int msgPrio, Mail mail) throws JMSException, MessagingException {
        Sender sender = borrowSender();
        BlobMessage message = null;
        try {
            message = sender.session().createBlobMessage(new MimeMessageInputStream(mail.getMessage()));
            for (Map.Entry<String, Object> property : props.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            sender.producer().send(message, Message.DEFAULT_DELIVERY_MODE, msgPrio, Message.DEFAULT_TIME_TO_LIVE);
            idleSenders.offer(sender);
        } catch (JMSException | MessagingException | RuntimeException e) {
            if (message instanceof ActiveMQBlobMessage blob) {
                deleteQuietly(blob, e);
            }
            // A session that failed may be broken: it is closed rather than lent again.
            closeSession(sender.session());
            throw e;
        }
    }

    private static void deleteQuietly(ActiveMQBlobMessage blob, Exception cause) {
        try {
            blob.deleteFile();
        } catch (IOException | JMSException e) {
            cause.addSuppressed(e);
        }
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
}
