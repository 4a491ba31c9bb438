package ch.postwall.mailbox.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.utils.GuiceProbe;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.RAMDirectory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;

/**
 * Starts, for a test class, a GuiceJamesServer on {@link CassandraBackendModules#ALL} plus the given modules and what
 * the server assembly adds around any backend (the server core's modules, mail processing, a search index), on the
 * Cassandra server and in the keyspace of a {@link CassandraExtension}; stops it and deletes its directory afterwards.
 */
final class CassandraJamesServerExtension implements BeforeAllCallback, AfterAllCallback {
    /** The distributed backend brings no search index of its own; an in-memory Lucene one stands in. */
    static class InMemoryLuceneSearchModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Directory.class).toInstance(new RAMDirectory());
            bind(LuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
            bind(MessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
            bind(ListeningMessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
            Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
                .addBinding().to(LuceneMessageSearchIndex.class);
        }
    }

    private final CassandraExtension cassandra = new CassandraExtension();
    private final List<Module> modules;
    private final Map<String, String> extraConfiguration = new LinkedHashMap<>();
    private Path workingDirectory;
    private GuiceJamesServer server;

    CassandraJamesServerExtension(Module... modules) {
        this.modules = List.of(modules);
    }

    /** Adds a file to the server's conf directory. */
    CassandraJamesServerExtension withConfigurationFile(String name, String content) {
        extraConfiguration.put(name, content);
        return this;
    }

    GuiceJamesServer server() {
        return server;
    }

    <T extends GuiceProbe> T probe(Class<T> probe) {
        return server.getProbe(probe);
    }

    /** Registers a test's probe, through which it reaches what the server's injector built. */
    static Module registerProbe(Class<? extends GuiceProbe> probe) {
        return binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(probe);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        workingDirectory = Files.createTempDirectory("postwall-james-");
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
        writeConfiguration(conf);
        for (Map.Entry<String, String> file : extraConfiguration.entrySet()) {
            Files.writeString(conf.resolve(file.getKey()), file.getValue());
        }
        server = GuiceJamesServer.forConfiguration(Configuration.builder()
                .workingDirectory(workingDirectory.toFile())
                .build())
            .combineWith(CassandraBackendModules.ALL)
            // Mirrors the server's core group, which every backend relies on.
            .combineWith(new MailboxModule(), new DefaultEventModule(),
                new NaiveDelegationStoreModule(), new TaskManagerModule(), CassandraJamesServerExtension::declareTaskSerializers)
            .combineWith(new MailetProcessingModule(), new RawPostDequeueDecoratorModule(),
                new DefaultProcessorsConfigurationProviderModule(), new InMemoryLuceneSearchModule())
            .combineWith(modules);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.stop();
        }
        try (Stream<Path> paths = Files.walk(workingDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The task manager reads these sets; the server's WebAdmin group fills them, a test without WebAdmin only declares them. */
    private static void declareTaskSerializers(Binder binder) {
        Multibinder.newSetBinder(binder, new TypeLiteral<TaskDTOModule<? extends Task, ? extends TaskDTO>>() { });
        Multibinder.newSetBinder(binder, new TypeLiteral<AdditionalInformationDTOModule<
            ? extends TaskExecutionDetails.AdditionalInformation, ? extends AdditionalInformationDTO>>() { });
    }

    private void writeConfiguration(Path conf) throws IOException {
        Files.writeString(conf.resolve("cassandra.properties"), String.join("\n",
            "cassandra.nodes=" + cassandra.contactPoint().getHostString() + ":" + cassandra.contactPoint().getPort(),
            "cassandra.keyspace=" + cassandra.keyspace(),
            "cassandra.replication.factor=1",
            "cassandra.request.timeout.millis=30000"));
        Files.writeString(conf.resolve("usersrepository.xml"),
            "<usersrepository name=\"LocalUsers\"><enableVirtualHosting>true</enableVirtualHosting></usersrepository>");
        Files.writeString(conf.resolve("domainlist.xml"),
            "<domainlist><autodetect>false</autodetect><autodetectIP>false</autodetectIP>"
                + "<defaultDomain>localhost</defaultDomain></domainlist>");
        Files.writeString(conf.resolve("mailrepositorystore.xml"), """
            <mailrepositorystore>
              <defaultProtocol>cassandra</defaultProtocol>
              <mailrepositories>
                <mailrepository class="org.apache.james.mailrepository.cassandra.CassandraMailRepository">
                  <protocols><protocol>cassandra</protocol></protocols>
                </mailrepository>
              </mailrepositories>
            </mailrepositorystore>
            """);
        Files.writeString(conf.resolve("mailetcontainer.xml"), """
            <mailetcontainer enableJmx="false">
              <context><postmaster>postmaster@localhost</postmaster></context>
              <spooler><threads>1</threads></spooler>
              <processors>
                <processor state="root" enableJmx="false">
                  <mailet match="All" class="ToProcessor"><processor>transport</processor></mailet>
                </processor>
                <processor state="error" enableJmx="false">
                  <mailet match="All" class="Null"/>
                </processor>
                <processor state="transport" enableJmx="false">
                  <mailet match="All" class="RemoveMimeHeader"><name>bcc</name></mailet>
                  <mailet match="All" class="Null"/>
                </processor>
              </processors>
            </mailetcontainer>
            """);
    }
}
