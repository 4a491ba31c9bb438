package ch.postwall.mailbox.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.commons.io.FileUtils;

import org.apache.james.GuiceJamesServer;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.utils.GuiceProbe;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.RAMDirectory;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;

import ch.postwall.mailbox.cassandra.CassandraBackendModules;
import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.embedded.EmbeddedBackendModules;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.search.UidSafeLuceneMessageSearchIndex;

/**
 * James's stores of one backend booted in-process, without protocols, for tests of code that uses them
 * ({@code MailboxManager}, {@code UsersRepository}...): what the server assembly puts around a backend, with a
 * minimal configuration written into the working directory. Tests pass extra modules for the code under test; they
 * override the backend's bindings where they bind the same keys (e.g. a decorator of the users repository).
 */
public final class BackendTestServer implements AutoCloseable {
    private static final int DELETE_ATTEMPTS = 20;
    private static final long DELETE_RETRY_MILLIS = 250;

    /** Hands tests any instance of the server's injector. */
    static class InjectorProbe implements GuiceProbe {
        final Injector injector;

        @Inject
        InjectorProbe(Injector injector) {
            this.injector = injector;
        }
    }

    /** The distributed backend brings no search index of its own; an in-memory Lucene one stands in. */
    static class InMemoryLuceneSearchModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Directory.class).toInstance(new RAMDirectory());
            bind(UidSafeLuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
            bind(MessageSearchIndex.class).to(UidSafeLuceneMessageSearchIndex.class);
            bind(ListeningMessageSearchIndex.class).to(UidSafeLuceneMessageSearchIndex.class);
            Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
                .addBinding().to(UidSafeLuceneMessageSearchIndex.class);
        }
    }

    /** The embedded backend (JPA on Derby, Lucene, the file mail queue) with its data below the working directory. */
    public static BackendTestServer embedded(Module... extraModules) throws Exception {
        Path workingDirectory = Files.createTempDirectory("postwall-backend");
        writeCommonConfiguration(workingDirectory);
        BackendTestServer server = start(workingDirectory, Modules.combine(EmbeddedBackendModules.ALL, jamesCore(), new TaskManagerModule()),
            extraModules);
        // James does not shut Derby down; its background writes would race the deletion of the working directory.
        server.afterStop = server.instance(EmbeddedDatabase.class);
        return server;
    }

    /** The distributed backend on the extension's Cassandra, creating James's schema in its keyspace. */
    public static BackendTestServer cassandra(CassandraExtension cassandra, Module... extraModules) throws Exception {
        Path workingDirectory = Files.createTempDirectory("postwall-backend");
        Path conf = writeCommonConfiguration(workingDirectory);
        Files.writeString(conf.resolve("cassandra.properties"), String.join("\n",
            "cassandra.nodes=" + cassandra.contactPoint().getHostString() + ":" + cassandra.contactPoint().getPort(),
            "cassandra.keyspace=" + cassandra.keyspace(),
            "cassandra.replication.factor=1",
            "cassandra.request.timeout.millis=30000"));
        return start(workingDirectory, Modules.combine(CassandraBackendModules.ALL, jamesCore(),
            new InMemoryLuceneSearchModule()), extraModules);
    }

    /** What the server assembly's core group adds to either backend (PostwallServer.CORE). */
    private static Module jamesCore() {
        return Modules.combine(new MailboxModule(), new DefaultEventModule(),
            new NaiveDelegationStoreModule());
    }

    private static BackendTestServer start(Path workingDirectory, Module backend, Module... extraModules) throws Exception {
        GuiceJamesServer server = GuiceJamesServer.forConfiguration(Configuration.builder()
                .workingDirectory(workingDirectory.toFile()).build())
            .combineWith(backend)
            .combineWith(new MailetProcessingModule(), new RawPostDequeueDecoratorModule(),
                new DefaultProcessorsConfigurationProviderModule())
            .overrideWith(extraModules)
            .combineWith(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(InjectorProbe.class));
        server.start();
        return new BackendTestServer(server, workingDirectory);
    }

    private static Path writeCommonConfiguration(Path workingDirectory) throws IOException {
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
        Files.writeString(conf.resolve("usersrepository.xml"),
            "<usersrepository name=\"LocalUsers\"><enableVirtualHosting>true</enableVirtualHosting></usersrepository>");
        Files.writeString(conf.resolve("domainlist.xml"),
            "<domainlist><autodetect>false</autodetect><autodetectIP>false</autodetectIP>"
                + "<defaultDomain>localhost</defaultDomain></domainlist>");
        // As the shipped file: no repository class, so the backend's postwall:// and own protocol both work.
        Files.writeString(conf.resolve("mailrepositorystore.xml"), "<mailrepositorystore><mailrepositories/></mailrepositorystore>");
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
        return conf;
    }

    private final GuiceJamesServer server;
    private AutoCloseable afterStop = () -> { };

    private final Path workingDirectory;

    private BackendTestServer(GuiceJamesServer server, Path workingDirectory) {
        this.server = server;
        this.workingDirectory = workingDirectory;
    }

    public <T> T instance(Class<T> type) {
        return instance(Key.get(type));
    }

    public <T> T instance(Key<T> key) {
        return server.getProbe(InjectorProbe.class).injector.getInstance(key);
    }

    /**
     * Stops the server and deletes its working directory. Background threads of James's stores may still write
     * there for a moment after the stop, so the deletion is retried for a few seconds.
     */
    @Override
    public void close() throws Exception {
        server.stop();
        afterStop.close();
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
            try {
                FileUtils.deleteDirectory(workingDirectory.toFile());
                return;
            } catch (IOException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(DELETE_RETRY_MILLIS);
            }
        }
    }
}
