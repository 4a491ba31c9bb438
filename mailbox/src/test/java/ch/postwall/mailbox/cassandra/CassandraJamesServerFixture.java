package ch.postwall.mailbox.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.GuiceJamesServer;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.utils.GuiceProbe;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.RAMDirectory;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * A GuiceJamesServer on the distributed backend with the least the server assembly adds around it (mail processing,
 * a search index), configured against the {@link CassandraExtension}'s server and keyspace.
 */
final class CassandraJamesServerFixture {
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

    private CassandraJamesServerFixture() {
    }

    /** Starts a server with {@link CassandraBackendModules#ALL}, the given modules and the given probe. */
    static GuiceJamesServer start(CassandraExtension cassandra, Path workingDirectory,
                                  Class<? extends GuiceProbe> probe, Module... modules) throws Exception {
        writeConfiguration(cassandra, Files.createDirectories(workingDirectory.resolve("conf")));
        GuiceJamesServer server = GuiceJamesServer.forConfiguration(Configuration.builder()
                .workingDirectory(workingDirectory.toFile())
                .build())
            .combineWith(CassandraBackendModules.ALL)
            .combineWith(new MailetProcessingModule(), new RawPostDequeueDecoratorModule(),
                new DefaultProcessorsConfigurationProviderModule(), new InMemoryLuceneSearchModule())
            .combineWith(modules)
            .combineWith(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(probe));
        server.start();
        return server;
    }

    private static void writeConfiguration(CassandraExtension cassandra, Path conf) throws IOException {
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
