package ch.postwall.mailbox.embedded;

import javax.inject.Singleton;
import javax.jms.ConnectionFactory;

import org.apache.activemq.store.PersistenceAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.queue.activemq.ActiveMQConfiguration;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorImpl;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * The persistent mail queue: an embedded ActiveMQ broker with its KahaDB journal under the data
 * directory. KahaDB syncs its journal before the enqueue returns, so a mail answered 250 is on disk.
 */
public class EmbeddedQueueModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(PersistenceAdapter.class).to(KahaDBPersistenceAdapter.class);
        bind(KahaDBPersistenceAdapter.class).in(Scopes.SINGLETON);
        bind(EmbeddedActiveMQ.class).in(Scopes.SINGLETON);
        bind(ActiveMQMailQueueFactory.class).in(Scopes.SINGLETON);
        bind(ActiveMQMetricCollector.class).to(ActiveMQMetricCollectorImpl.class);
        bind(ActiveMQMetricCollectorImpl.class).in(Scopes.SINGLETON);
        bind(ActiveMQConfiguration.class).toInstance(ActiveMQConfiguration.getDefault());
    }

    @Provides
    @Singleton
    ConnectionFactory provideConnectionFactory(EmbeddedActiveMQ embeddedActiveMQ) {
        return embeddedActiveMQ.getConnectionFactory();
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> provideManageableQueueFactory(ActiveMQMailQueueFactory factory) {
        // JMX stays off: Postwall exposes no JMX port.
        factory.setUseJMX(false);
        factory.init();
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> provideQueueFactory(MailQueueFactory<? extends ManageableMailQueue> factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> provideQueueFactoryGenerics(ActiveMQMailQueueFactory factory) {
        return factory;
    }
}
