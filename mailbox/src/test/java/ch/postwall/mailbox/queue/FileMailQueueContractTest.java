package ch.postwall.mailbox.queue;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.james.queue.api.DelayedManageableMailQueueContract;
import org.apache.james.queue.api.DelayedPriorityMailQueueContract;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueMetricContract;
import org.apache.james.queue.api.MailQueueMetricExtension;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.PriorityManageableMailQueueContract;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** James's own contracts of a mail queue (delays, priorities, management, metrics), all of them, on the file queue. */
class FileMailQueueContractTest implements DelayedManageableMailQueueContract, DelayedPriorityMailQueueContract,
    PriorityManageableMailQueueContract, MailQueueMetricContract {

    @TempDir
    Path root;

    private FileMailQueueFactory factory;
    private FileMailQueue queue;

    @BeforeEach
    void setUp(MailQueueMetricExtension.MailQueueMetricTestSystem metrics) throws Exception {
        factory = new FileMailQueueFactory(root, new RawMailQueueItemDecoratorFactory(), metrics.getMetricFactory(),
            metrics.getSpyGaugeRegistry(), Clock.systemUTC());
        queue = factory.createQueue(MailQueueName.of("contract"));
    }

    @AfterEach
    void tearDown() {
        factory.stop();
    }

    @Override
    public MailQueue getMailQueue() {
        return queue;
    }

    @Override
    public ManageableMailQueue getManageableMailQueue() {
        return queue;
    }
}
