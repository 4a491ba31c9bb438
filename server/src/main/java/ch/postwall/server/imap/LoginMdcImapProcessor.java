package ch.postwall.server.imap;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.AuthenticateRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.processor.DefaultProcessor;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.util.MDCBuilder;

import reactor.core.publisher.Mono;

/**
 * James's IMAP processing, with the session's logging context (protocol, client address) on the thread while
 * a LOGIN or AUTHENTICATE is processed. James 3.8 keeps that context in Reactor's context only, and the access
 * log, which decorates the users repository, reads it from the thread to record an IMAP login with its address.
 */
public class LoginMdcImapProcessor implements ImapProcessor {
    private final DefaultProcessor delegate;

    @Inject
    public LoginMdcImapProcessor(DefaultProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        if (!(message instanceof LoginRequest || message instanceof AuthenticateRequest)) {
            return delegate.processReactive(message, responder, session);
        }
        return Mono.using(() -> boundMdc(session).build(), context -> delegate.processReactive(message, responder, session),
            LoginMdcImapProcessor::close);
    }

    @Override
    public void configure(ImapConfiguration imapConfiguration) {
        delegate.configure(imapConfiguration);
    }

    private static MDCBuilder boundMdc(ImapSession session) {
        return Optional.ofNullable(session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY))
            .filter(MDCBuilder.class::isInstance)
            .map(MDCBuilder.class::cast)
            .orElseGet(MDCBuilder::create);
    }

    private static void close(Closeable context) {
        try {
            context.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
