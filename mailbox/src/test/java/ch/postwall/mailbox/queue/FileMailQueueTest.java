package ch.postwall.mailbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Flux;

/** What James's contracts do not cover: the files, what survives a restart, damaged and incomplete files. */
class FileMailQueueTest {
    private static final MailQueueName QUEUE = MailQueueName.of("spool");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private FileMailQueueFactory factory;

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.stop();
        }
    }

    private FileMailQueue start() throws IOException {
        if (factory != null) {
            factory.stop();
        }
        factory = new FileMailQueueFactory(root, new RawMailQueueItemDecoratorFactory(), new RecordingMetricFactory(),
            new NoopGaugeRegistry(), Clock.systemUTC());
        return factory.createQueue(QUEUE);
    }

    private static MailImpl mail(String name, int bodyBytes) throws Exception {
        return MailImpl.builder().name(name).sender("sender@example.com").addRecipient("alice@example.com")
            .addAttribute(new Attribute(AttributeName.of("kept"), AttributeValue.of("value of " + name)))
            .remoteAddr("192.0.2.1").remoteHost("mx.example.org").state("transport")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(name).setText("x".repeat(bodyBytes)))
            .build();
    }

    private static MailQueue.MailQueueItem next(MailQueue queue) {
        return Flux.from(queue.deQueue()).blockFirst(WAIT);
    }

    private static byte[] content(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    private List<Path> queueFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(QUEUE.asString()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void queuedMailsShouldBeDeliveredAfterARestartWithTheirEnvelopeAndContent() throws Exception {
        FileMailQueue queue = start();
        MailImpl first = mail("first", 100);
        queue.enQueue(first);
        queue.enQueue(mail("second", 100));

        FileMailQueue restarted = start();

        assertThat(restarted.getSize()).isEqualTo(2);
        MailQueue.MailQueueItem item = next(restarted);
        Mail delivered = item.getMail();
        assertThat(delivered.getName()).isEqualTo("first");
        assertThat(delivered.getMaybeSender().asString()).isEqualTo("sender@example.com");
        assertThat(delivered.getRecipients()).containsExactlyElementsOf(first.getRecipients());
        assertThat(delivered.getAttribute(AttributeName.of("kept")))
            .contains(new Attribute(AttributeName.of("kept"), AttributeValue.of("value of first")));
        assertThat(delivered.getRemoteAddr()).isEqualTo("192.0.2.1");
        assertThat(delivered.getState()).isEqualTo("transport");
        assertThat(content(delivered)).isEqualTo(content(first));
        item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
        assertThat(queueFiles()).hasSize(1);
    }

    @Test
    void aMailDequeuedButNotDoneWhenTheServerStopsShouldBeDeliveredAgain() throws Exception {
        FileMailQueue queue = start();
        queue.enQueue(mail("in-flight", 100));
        assertThat(next(queue).getMail().getName()).isEqualTo("in-flight");

        FileMailQueue restarted = start();

        assertThat(next(restarted).getMail().getName()).isEqualTo("in-flight");
    }

    @Test
    void aDelayedMailShouldStayDelayedAcrossARestart() throws Exception {
        FileMailQueue queue = start();
        queue.enQueue(mail("later", 100), Duration.ofHours(1));
        queue.enQueue(mail("now", 100));

        FileMailQueue restarted = start();

        assertThat(next(restarted).getMail().getName()).isEqualTo("now");
        assertThat(restarted.browse().next().getNextDelivery()).isPresent()
            .hasValueSatisfying(due -> assertThat(due.toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(59))));
    }

    @Test
    void doneShouldDeleteTheFileAndRetryShouldKeepIt() throws Exception {
        FileMailQueue queue = start();
        queue.enQueue(mail("retried", 100));

        MailQueue.MailQueueItem first = next(queue);
        first.done(MailQueue.MailQueueItem.CompletionStatus.RETRY);
        assertThat(queueFiles()).hasSize(1);
        MailQueue.MailQueueItem again = next(queue);
        assertThat(again.getMail().getName()).isEqualTo("retried");
        again.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);

        assertThat(queueFiles()).isEmpty();
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void aFileCutShortByACrashWhileWritingShouldBeDeletedAndTheOthersDelivered() throws Exception {
        FileMailQueue queue = start();
        queue.enQueue(mail("complete", 100));
        queue.enQueue(mail("cut-short", 100));
        factory.stop();
        Path cut = queueFiles().get(1);
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }

        FileMailQueue restarted = start();

        assertThat(restarted.getSize()).isEqualTo(1);
        assertThat(cut).doesNotExist();
        assertThat(next(restarted).getMail().getName()).isEqualTo("complete");
    }

    @Test
    void aDamagedFileShouldBeMovedAsideAndNotDelivered() throws Exception {
        FileMailQueue queue = start();
        queue.enQueue(mail("damaged", 2000));
        queue.enQueue(mail("intact", 100));
        Path damaged = queueFiles().get(0);
        try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("y".getBytes(StandardCharsets.US_ASCII)), channel.size() - 100);
        }

        assertThat(next(queue).getMail().getName()).isEqualTo("intact");
        assertThat(damaged).doesNotExist();
        assertThat(root.resolve(QUEUE.asString()).resolve("damaged").resolve(damaged.getFileName())).exists();
        assertThat(queue.getSize()).isEqualTo(1);
    }

    @Test
    void aMailLargerThanTheInMemoryLimitShouldBeReadFromItsFile() throws Exception {
        FileMailQueue queue = start();
        MailImpl large = mail("large", (int) QueuedMailFiles.IN_MEMORY_LIMIT + 4096);
        queue.enQueue(large);

        MailQueue.MailQueueItem item = next(queue);

        assertThat(content(item.getMail())).isEqualTo(content(large));
        item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
        assertThat(queueFiles()).isEmpty();
    }

    @Test
    void queuesOnDiskShouldBeOpenedAtStartWhateverTheirName() throws Exception {
        start();
        MailQueueName odd = MailQueueName.of("../outside/queue");
        factory.createQueue(odd).enQueue(mail("odd", 10));

        start();

        assertThat(factory.listCreatedMailQueues()).containsExactlyInAnyOrder(QUEUE, odd);
        assertThat(factory.getQueue(odd).orElseThrow().getSize()).isEqualTo(1);
        try (Stream<Path> all = Files.list(root)) {
            assertThat(all.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("spool", "%2E%2E%2Foutside%2Fqueue");
        }
    }

    @Test
    void everyMailEnqueuedConcurrentlyShouldBeDequeuedOnce() throws Exception {
        FileMailQueue queue = start();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> sent = IntStream.range(0, 8)
                .mapToObj(thread -> senders.<Object>submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        queue.enQueue(mail("mail-" + thread + "-" + i, 100));
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
            .take(200)
            .map(item -> {
                try {
                    assertThat(item.getMail().getMessage().getSubject()).isEqualTo(item.getMail().getName());
                    item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
                    return item.getMail().getName();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })
            .collectList()
            .block(Duration.ofMinutes(1));

        assertThat(dequeued).doesNotHaveDuplicates().hasSize(200);
        assertThat(queue.getSize()).isZero();
        assertThat(queueFiles()).isEmpty();
    }
}
