package ch.postwall.mailbox.queue;

import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

/** James's ActiveMQ queue factory, making {@link ConcurrentSendActiveMQMailQueue}s. */
public class ConcurrentSendActiveMQMailQueueFactory extends ActiveMQMailQueueFactory {
    private final ActiveMQMetricCollector metricCollector;
    private final Path largeMailDirectory;

    @Inject
    public ConcurrentSendActiveMQMailQueueFactory(EmbeddedActiveMQ broker, MailQueueItemDecoratorFactory decoratorFactory,
                                                  MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                                  ActiveMQMetricCollector metricCollector, JamesDirectoriesProvider directories) {
        super(broker, decoratorFactory, metricFactory, gaugeRegistry, metricCollector);
        this.metricCollector = metricCollector;
        // Beside the broker's journal, under the node's data directory.
        this.largeMailDirectory = Path.of(directories.getVarDirectory(), "store", "activemq", "large-mail");
    }

    @Override
    protected ManageableMailQueue createCacheableMailQueue(MailQueueName name) {
        metricCollector.collectQueueStatistics(name);
        return new ConcurrentSendActiveMQMailQueue(connectionFactory, mailQueueItemDecoratorFactory, name, metricFactory, gaugeRegistry,
            largeMailDirectory);
    }
}
