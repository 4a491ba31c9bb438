package ch.postwall.mailbox.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;

/**
 * The node's {@link FileMailQueue}s, each in a directory of its own under {@code var/store/queue} named after the queue
 * (URL-encoded). Every queue found there at start is opened at once, before any mailet asks for it, so that its mail is
 * delivered, counted and wiped like that of the other queues.
 */
public class FileMailQueueFactory implements MailQueueFactory<FileMailQueue> {
    private final Path root;
    private final MailQueueItemDecoratorFactory decorators;
    private final MetricFactory metricFactory;
    private final GaugeRegistry gaugeRegistry;
    private final Clock clock;
    private final Map<MailQueueName, FileMailQueue> queues = new ConcurrentHashMap<>();

    @Inject
    public FileMailQueueFactory(JamesDirectoriesProvider directories, MailQueueItemDecoratorFactory decorators,
                                MetricFactory metricFactory, GaugeRegistry gaugeRegistry) throws IOException {
        this(location(directories), decorators, metricFactory, gaugeRegistry, Clock.systemUTC());
    }

    FileMailQueueFactory(Path root, MailQueueItemDecoratorFactory decorators, MetricFactory metricFactory,
                         GaugeRegistry gaugeRegistry, Clock clock) throws IOException {
        this.root = Files.createDirectories(root);
        this.decorators = decorators;
        this.metricFactory = metricFactory;
        this.gaugeRegistry = gaugeRegistry;
        this.clock = clock;
        try (DirectoryStream<Path> existing = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path directory : existing) {
                createQueue(MailQueueName.of(URLDecoder.decode(directory.getFileName().toString(), StandardCharsets.UTF_8)));
            }
        }
    }

    public static Path location(JamesDirectoriesProvider directories) {
        return Path.of(directories.getVarDirectory(), "store", "queue");
    }

    @Override
    public Optional<FileMailQueue> getQueue(MailQueueName name, PrefetchCount count) {
        return Optional.ofNullable(queues.get(name));
    }

    @Override
    public FileMailQueue createQueue(MailQueueName name, PrefetchCount count) {
        return queues.computeIfAbsent(name, this::open);
    }

    private FileMailQueue open(MailQueueName name) {
        try {
            // "." too, so that no name can be "." or "..": every queue stays in a directory of its own below the root.
            Path directory = root.resolve(URLEncoder.encode(name.asString(), StandardCharsets.UTF_8).replace(".", "%2E"));
            return new FileMailQueue(name, new QueuedMailFiles(directory), decorators, metricFactory, gaugeRegistry, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open mail queue " + name.asString() + " under " + root, e);
        }
    }

    @Override
    public Set<MailQueueName> listCreatedMailQueues() {
        return Set.copyOf(queues.keySet());
    }

    @PreDestroy
    public void stop() {
        queues.values().forEach(FileMailQueue::stop);
    }
}
