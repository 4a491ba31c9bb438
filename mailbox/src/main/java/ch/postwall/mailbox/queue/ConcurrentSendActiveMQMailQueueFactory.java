package ch.postwall.mailbox.queue;

import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.apache.activemq.broker.BrokerRegistry;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

/**
 * James's ActiveMQ queue factory, making {@link ConcurrentSendActiveMQMailQueue}s, whose mail travels inside the JMS
 * messages. Two settings of James's embedded broker follow from that:
 * <ul>
 *   <li>it keeps queued messages in memory up to 70% of its memory limit, by default 70% of the heap: a backlog would
 *   take most of the heap. The limit is lowered to {@link #BROKER_MEMORY_LIMIT_BYTES}; beyond it the broker reads
 *   queued messages back from its journal when they are delivered;</li>
 *   <li>it also listens on a TCP port of the loopback interface, without authentication, through which any local
 *   process could read the queued mail. The server reaches it in-VM only: the TCP listener is closed.</li>
 * </ul>
 */
public class ConcurrentSendActiveMQMailQueueFactory extends ActiveMQMailQueueFactory {
    static final long BROKER_MEMORY_LIMIT_BYTES = 32L * 1024 * 1024;
    /** The name James's embedded broker registers under. */
    private static final String BROKER_NAME = "james";

    private final ActiveMQMetricCollector metricCollector;
    private final Path largeMailDirectory;

    @Inject
    public ConcurrentSendActiveMQMailQueueFactory(EmbeddedActiveMQ broker, MailQueueItemDecoratorFactory decoratorFactory,
                                                  MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                                  ActiveMQMetricCollector metricCollector, JamesDirectoriesProvider directories) {
        super(broker, decoratorFactory, metricFactory, gaugeRegistry, metricCollector);
        confine(BrokerRegistry.getInstance().lookup(BROKER_NAME));
        this.metricCollector = metricCollector;
        // Beside the broker's journal, under the node's data directory.
        this.largeMailDirectory = Path.of(directories.getVarDirectory(), "store", "activemq", "large-mail");
    }

    private static void confine(BrokerService broker) {
        broker.getSystemUsage().getMemoryUsage().setLimit(BROKER_MEMORY_LIMIT_BYTES);
        for (TransportConnector listener : tcpListeners(broker)) {
            try {
                listener.stop();
                broker.removeConnector(listener);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the mail queue broker's TCP listener " + listener.getName(), e);
            }
        }
    }

    static List<TransportConnector> tcpListeners(BrokerService broker) {
        return broker.getTransportConnectors().stream()
            .filter(connector -> connector.getUri() != null && "tcp".equals(connector.getUri().getScheme()))
            .toList();
    }

    @Override
    protected ManageableMailQueue createCacheableMailQueue(MailQueueName name) {
        metricCollector.collectQueueStatistics(name);
        return new ConcurrentSendActiveMQMailQueue(connectionFactory, mailQueueItemDecoratorFactory, name, metricFactory, gaugeRegistry,
            largeMailDirectory);
    }
}
