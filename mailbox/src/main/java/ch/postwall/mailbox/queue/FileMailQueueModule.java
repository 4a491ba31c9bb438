package ch.postwall.mailbox.queue;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * The mail queues of one node: {@link FileMailQueue}s under the node's {@code var/store/queue}. Each node queues what
 * it accepted and delivers it itself; nothing is shared between nodes (James's shared RabbitMQ queue would need a
 * RabbitMQ cluster, which Postwall does not run). The queued mail of a terminated contract goes with its wipe
 * ({@link MailQueueWipeStep}).
 */
public class FileMailQueueModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(FileMailQueueFactory.class).in(Scopes.SINGLETON);
        bind(new TypeLiteral<MailQueueFactory<? extends ManageableMailQueue>>() { }).to(FileMailQueueFactory.class);
        bind(new TypeLiteral<MailQueueFactory<? extends MailQueue>>() { }).to(FileMailQueueFactory.class);
        bind(new TypeLiteral<MailQueueFactory<?>>() { }).to(FileMailQueueFactory.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(MailQueueWipeStep.class);
    }
}
