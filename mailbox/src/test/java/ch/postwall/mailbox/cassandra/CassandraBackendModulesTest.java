package ch.postwall.mailbox.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.cassandra.CassandraMailboxManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.RAMDirectory;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import reactor.core.publisher.Flux;

/** Boots James's stores through {@link CassandraBackendModules#ALL} on a real Cassandra and uses them. */
class CassandraBackendModulesTest {
    private static final Domain DOMAIN = Domain.of("postwall.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);

    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension();

    @TempDir
    static Path workingDirectory;

    private static GuiceJamesServer server;

    /** Hands the test what the server's injector built. */
    static class StoresProbe implements GuiceProbe {
        final MailboxManager mailboxManager;
        final UsersRepository usersRepository;
        final DomainList domainList;

        @Inject
        StoresProbe(MailboxManager mailboxManager, UsersRepository usersRepository, DomainList domainList) {
            this.mailboxManager = mailboxManager;
            this.usersRepository = usersRepository;
            this.domainList = domainList;
        }
    }

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

    @BeforeAll
    static void startServer() throws Exception {
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
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

        server = GuiceJamesServer.forConfiguration(Configuration.builder().workingDirectory(workingDirectory.toFile()).build())
            .combineWith(CassandraBackendModules.ALL)
            // What the server assembly adds around a backend: mail processing and a search index.
            .combineWith(new MailetProcessingModule(), new RawPostDequeueDecoratorModule(),
                new DefaultProcessorsConfigurationProviderModule(), new InMemoryLuceneSearchModule())
            .combineWith(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(StoresProbe.class));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void mailboxManagerShouldBeTheCassandraOneWhenBootedFromTheModules() {
        assertThat(stores().mailboxManager).isInstanceOf(CassandraMailboxManager.class);
    }

    @Test
    void appendedMessageShouldBeListedAndFetchedWhenStoredInCassandra() throws Exception {
        MailboxManager mailboxManager = stores().mailboxManager;
        MailboxSession session = mailboxManager.createSystemSession(ALICE);
        MailboxPath inbox = MailboxPath.inbox(ALICE);
        mailboxManager.createMailbox(inbox, session);
        byte[] message = "Subject: hello\r\nFrom: bob@postwall.test\r\n\r\nBody stored in Cassandra\r\n"
            .getBytes(StandardCharsets.US_ASCII);

        MessageManager messageManager = mailboxManager.getMailbox(inbox, session);
        messageManager.appendMessage(MessageManager.AppendCommand.from(new SharedByteArrayInputStream(message)), session);

        List<MailboxMetaData> mailboxes = Flux.from(mailboxManager.search(
            MailboxQuery.privateMailboxesBuilder(session).build(), session)).collectList().block();
        assertThat(mailboxes).extracting(MailboxMetaData::getPath).containsExactly(inbox);
        List<MessageResult> fetched = Flux.from(messageManager.getMessagesReactive(MessageRange.all(), FetchGroup.FULL_CONTENT, session))
            .collectList().block();
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).getFullContent().getInputStream()).hasBinaryContent(message);
    }

    @Test
    void usersAndDomainsShouldRoundTripWhenStoredInCassandra() throws Exception {
        Domain other = Domain.of("other.test");
        Username bob = Username.fromLocalPartWithDomain("bob", other);
        stores().domainList.addDomain(other);
        stores().usersRepository.addUser(bob, "secret");

        assertThat(stores().domainList.containsDomain(other)).isTrue();
        assertThat(stores().usersRepository.contains(bob)).isTrue();
        assertThat(stores().usersRepository.test(bob, "secret")).isTrue();
        assertThat(stores().usersRepository.test(bob, "wrong")).isFalse();
    }

    private static StoresProbe stores() {
        return server.getProbe(StoresProbe.class);
    }
}
