package ch.postwall.mailbox.queue;

import javax.inject.Inject;

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

    @Inject
    public ConcurrentSendActiveMQMailQueueFactory(EmbeddedActiveMQ broker, MailQueueItemDecoratorFactory decoratorFactory,
                                                  MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                                  ActiveMQMetricCollector metricCollector) {
        super(broker, decoratorFactory, metricFactory, gaugeRegistry, metricCollector);
        this.metricCollector = metricCollector;
    }

    @Override
    protected ManageableMailQueue createCacheableMailQueue(MailQueueName name) {
        metricCollector.collectQueueStatistics(name);
        return new ConcurrentSendActiveMQMailQueue(connectionFactory, mailQueueItemDecoratorFactory, name, metricFactory, gaugeRegistry);
    }
}
