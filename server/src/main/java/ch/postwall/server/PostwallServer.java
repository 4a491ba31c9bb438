package ch.postwall.server;

import org.apache.james.GuiceJamesServer;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.MailboxTyper;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.LMTPServerModule;
import org.apache.james.modules.protocols.POP3ServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.ReIndexingModule;
import org.apache.james.modules.server.SieveRoutesModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.WebAdminReIndexingTaskSerializationModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.webadmin.authentication.AuthenticationFilter;

import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.util.Modules;

import ch.postwall.filter.FilterModule;
import ch.postwall.filter.protocollog.guice.ProtocolLogModule;
import ch.postwall.calendar.guice.CalDavModule;
import ch.postwall.filter.gateway.guice.GatewayWebAdminModule;
import ch.postwall.filter.trace.guice.MessageTraceModule;
import ch.postwall.retention.guice.AccessLogModule;
import ch.postwall.retention.guice.ContractWipeModule;
import ch.postwall.retention.guice.ExportModule;
import ch.postwall.retention.guice.RetentionEnforcementModule;
import ch.postwall.server.api.guice.ApiModule;
import ch.postwall.server.api.guice.QuarantineAccessModule;
import ch.postwall.server.digest.guice.QuarantineDigestModule;
import ch.postwall.server.imap.LoginMdcImapProcessor;
import ch.postwall.server.provisioning.StandardFolderTyper;
import ch.postwall.server.retention.guice.RetentionAccessModule;
import ch.postwall.server.webadmin.AdminAuthenticationFilter;
import ch.postwall.server.webadmin.AdminCredential;

/** The Postwall assembly: named module groups composed into one James server. */
public final class PostwallServer {
    public static final Module PROTOCOLS = Modules.override(Modules.combine(
            new ProtocolHandlerModule(),
            new SMTPServerModule(),
            new LMTPServerModule(),
            new IMAPServerModule(),
            new POP3ServerModule()))
        .with(binder -> {
            binder.bind(MailboxTyper.class).to(StandardFolderTyper.class).in(Scopes.SINGLETON);
            // IMAP logins reach the access log with their protocol and client address.
            binder.bind(ImapProcessor.class).to(LoginMdcImapProcessor.class);
        });

    public static final Module WEBADMIN = Modules.override(Modules.combine(
            new WebAdminServerModule(),
            new NoJwtModule(),
            new DataRoutesModules(),
            new MailboxRoutesModule(),
            new MailQueueRoutesModule(),
            new MailRepositoriesRoutesModule(),
            new SieveRoutesModule(),
            new ReIndexingModule(),
            new WebAdminReIndexingTaskSerializationModule(),
            new GatewayWebAdminModule()))
        .with(binder -> binder.bind(AuthenticationFilter.class).to(AdminAuthenticationFilter.class));

    public static final Module MAIL_PROCESSING = Modules.combine(
        new MailetProcessingModule(),
        new DefaultProcessorsConfigurationProviderModule(),
        new RawPostDequeueDecoratorModule());

    /** The domain gateway: analysis and verdicts, quarantine, message trace, relay to customers' servers. */
    public static final Module FILTER = Modules.combine(
        new FilterModule(),
        new MessageTraceModule(),
        new ProtocolLogModule());

    /** The REST API (HTTPS): quarantine and its digest, message tracking, raw logs, roles; its stores come with the backend. */
    public static final Module API = Modules.combine(
        new ApiModule(),
        new QuarantineAccessModule(),
        new QuarantineDigestModule());

    /**
     * Retention of user content, the access log (of every HTTP request too), export, the wipe when a contract ends,
     * and their REST and WebAdmin routes.
     */
    public static final Module RETENTION = Modules.combine(
        new AccessLogModule(),
        new RetentionEnforcementModule(),
        new ContractWipeModule(),
        new ExportModule(),
        new RetentionAccessModule());

    /**
     * CalDAV on its own HTTPS port, authenticated with the mail credentials (see {@link RetentionAccessModule}); the
     * store comes with the backend.
     */
    public static final Module CALENDAR = new CalDavModule();

    public static final Module CORE = Modules.combine(
        new MailboxModule(),
        new DefaultEventModule(),
        new NaiveDelegationStoreModule(),
        new TaskManagerModule());

    private PostwallServer() {
    }

    public static GuiceJamesServer createServer(PostwallConfiguration configuration) {
        AdminCredential adminCredential = AdminCredential.loadOrGenerate(
            configuration.properties().adminUsername(),
            configuration.properties().adminPassword(),
            configuration.dataDirectory());
        return GuiceJamesServer.forConfiguration(configuration)
            .combineWith(CORE, MAIL_PROCESSING, PROTOCOLS, WEBADMIN, API, FILTER, CALENDAR, RETENTION,
                BackendChooser.modulesFor(configuration.properties().backend()),
                binder -> binder.bind(AdminCredential.class).toInstance(adminCredential));
    }
}
