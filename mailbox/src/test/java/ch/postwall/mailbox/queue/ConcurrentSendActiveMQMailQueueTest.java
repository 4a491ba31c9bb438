package ch.postwall.mailbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.activemq.broker.BrokerRegistry;
import org.apache.activemq.usage.MemoryUsage;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;
import reactor.core.publisher.Flux;

/** The embedded backend's mail queue, as the server binds it, under concurrent enqueuing. */
class ConcurrentSendActiveMQMailQueueTest {
    private static final int THREADS = 8;
    private static final int MAILS_PER_THREAD = 25;

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void everyMailEnqueuedConcurrentlyShouldBeDequeuedOnceWithItsContent() throws Exception {
        ManageableMailQueue queue = queue("concurrent-test");
        assertThat(queue).isInstanceOf(ConcurrentSendActiveMQMailQueue.class);

        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> sent = IntStream.range(0, THREADS)
                .mapToObj(thread -> senders.<Object>submit(() -> {
                    for (int i = 0; i < MAILS_PER_THREAD; i++) {
                        String name = "mail-" + thread + "-" + i;
                        queue.enQueue(MailImpl.builder().name(name).sender("sender@localhost").addRecipient("bob@localhost")
                            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(name).setText("body of " + name))
                            .build());
                    }
                    return null;
                }))
                .toList();
            for (Future<Object> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }

        List<String> dequeued = Flux.from(queue.deQueue())
            .take(THREADS * MAILS_PER_THREAD)
            .concatMap(item -> {
                try {
                    String subject = item.getMail().getMessage().getSubject();
                    assertThat(subject).isEqualTo(item.getMail().getName());
                    item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
                    return Flux.just(item.getMail().getName());
                } catch (Exception e) {
                    return Flux.error(e);
                }
            })
            .collectList()
            .block(Duration.ofMinutes(2));

        assertThat(dequeued).containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS)
            .boxed()
            .flatMap(thread -> IntStream.range(0, MAILS_PER_THREAD).mapToObj(i -> "mail-" + thread + "-" + i))
            .toList());
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void aMailUpToTheInlineLimitShouldTravelInsideTheQueueMessageWithoutAFile() throws Exception {
        ManageableMailQueue queue = queue("inline-test");
        MailImpl mail = mailOfSize("small", 64 * 1024);

        queue.enQueue(mail);

        assertThat(largeMailFiles()).isEmpty();
        assertThat(filesUnder("blob-transfer")).as("James's unsynced blob files").isEmpty();
        assertDequeuedWithTheSameContent(queue, mail);
    }

    @Test
    void aLargerMailShouldBeASyncedFileUntilItsDeliveryIsDone() throws Exception {
        ManageableMailQueue queue = queue("large-test");
        MailImpl mail = mailOfSize("large", (int) ConcurrentSendActiveMQMailQueue.INLINE_LIMIT + 1024);

        queue.enQueue(mail);

        assertThat(largeMailFiles()).hasSize(1);
        assertDequeuedWithTheSameContent(queue, mail);
        assertThat(largeMailFiles()).isEmpty();
    }

    @Test
    void aBacklogShouldNotHoldMoreThanTheBrokerMemoryLimit() throws Exception {
        ManageableMailQueue queue = queue("backlog-test");
        MemoryUsage memory = BrokerRegistry.getInstance().lookup("james").getSystemUsage().getMemoryUsage();
        long backlogBytes = 0;
        for (int i = 0; backlogBytes < 3 * ConcurrentSendActiveMQMailQueueFactory.BROKER_MEMORY_LIMIT_BYTES; i++) {
            MailImpl mail = mailOfSize("backlog-" + i, 100 * 1024);
            queue.enQueue(mail);
            backlogBytes += mail.getMessageSize();
        }

        assertThat(memory.getLimit()).isEqualTo(ConcurrentSendActiveMQMailQueueFactory.BROKER_MEMORY_LIMIT_BYTES);
        assertThat(memory.getUsage()).isLessThanOrEqualTo(ConcurrentSendActiveMQMailQueueFactory.BROKER_MEMORY_LIMIT_BYTES);
        queue.clear();
    }

    @Test
    void theBrokerShouldListenOnNoTcpPortAndStillDeliver() throws Exception {
        ManageableMailQueue queue = queue("listener-test");
        MailImpl mail = mailOfSize("after-close", 1024);

        queue.enQueue(mail);

        assertThat(ConcurrentSendActiveMQMailQueueFactory.tcpListeners(BrokerRegistry.getInstance().lookup("james"))).isEmpty();
        assertDequeuedWithTheSameContent(queue, mail);
    }

    private static ManageableMailQueue queue(String name) {
        MailQueueFactory<? extends ManageableMailQueue> factory = server.instance(
            Key.get(new TypeLiteral<MailQueueFactory<? extends ManageableMailQueue>>() { }));
        return factory.createQueue(MailQueueName.of(name));
    }

    private static MailImpl mailOfSize(String name, int bodyBytes) throws Exception {
        return MailImpl.builder().name(name).sender("sender@localhost").addRecipient("bob@localhost")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(name).setText("x".repeat(bodyBytes)))
            .build();
    }

    private static void assertDequeuedWithTheSameContent(ManageableMailQueue queue, MailImpl sent) throws Exception {
        MailQueue.MailQueueItem item = Flux.from(queue.deQueue()).blockFirst(Duration.ofMinutes(1));
        assertThat(item.getMail().getName()).isEqualTo(sent.getName());
        assertThat(content(item.getMail())).isEqualTo(content(sent));
        item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
    }

    private static byte[] content(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    private static List<Path> largeMailFiles() throws IOException {
        return filesUnder("large-mail");
    }

    private static List<Path> filesUnder(String directoryName) throws IOException {
        Path directory = Path.of(server.instance(JamesDirectoriesProvider.class).getVarDirectory(), "store", "activemq", directoryName);
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
