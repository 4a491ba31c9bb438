package ch.postwall.filter.protocollog.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.api.handler.DisconnectHandler;
import org.apache.james.protocols.api.handler.ExtensibleHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.AbstractHookableCmdHandler;
import org.apache.james.protocols.smtp.hook.Hook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookResultHook;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.TranscriptLine.Direction;

/**
 * Records each SMTP session's transcript into the {@link ProtocolLogStore}. Add it to the SMTP
 * server's {@code <handlerchain>}.
 *
 * <p>At connect it places a recording line handler in front of the command dispatcher, so it sees
 * every command line and its reply. The DATA and AUTH commands push their own line handlers on
 * top of it: message content and SASL continuation lines (credentials) therefore never reach the
 * recorder. The outcome of DATA arrives as a message hook result; a successful AUTH shows as the
 * session's user. The initial response of an AUTH command line is
 * masked. The transcript is written once, when the connection closes.
 */
public class SmtpProtocolLogHandler implements ConnectHandler<SMTPSession>, DisconnectHandler<SMTPSession>,
    ProtocolHandlerResultHandler<Response, SMTPSession>, HookResultHook, ExtensibleHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmtpProtocolLogHandler.class);
    private static final ProtocolSession.AttachmentKey<Transcript> TRANSCRIPT =
        ProtocolSession.AttachmentKey.of("postwall.protocolLog.transcript", Transcript.class);
    static final String MASK = "***";
    static final String CONTENT_NOT_RECORDED = "message content not recorded";

    private final ProtocolLogStore store;
    private final Clock clock;
    private LineHandler<SMTPSession> commandDispatcher;

    @Inject
    public SmtpProtocolLogHandler(ProtocolLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<Class<?>> getMarkerInterfaces() {
        return List.of(LineHandler.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void wireExtensions(Class<?> interfaceName, List<?> extension) throws WiringException {
        // The netty core handler dispatches lines to the chain's first line handler; so do we.
        if (LineHandler.class.equals(interfaceName)) {
            if (extension.isEmpty()) {
                throw new WiringException("No SMTP command dispatcher to record in front of");
            }
            commandDispatcher = (LineHandler<SMTPSession>) extension.get(0);
        }
    }

    @Override
    public Response onConnect(SMTPSession session) {
        transcript(session);
        session.pushLineHandler(this::onLine);
        return null;
    }

    /** Records the greeting, which other connect handlers answer. */
    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        if (response != null && handler instanceof ConnectHandler) {
            Transcript transcript = transcript(session);
            response.getLines().forEach(line -> transcript.add(Direction.SERVER, line));
        }
        return response;
    }

    private Response onLine(SMTPSession session, byte[] line) {
        Transcript transcript = transcript(session);
        noteTls(session, transcript);
        noteAuthentication(session, transcript);
        String command = decode(line);
        String verb = verb(command);
        if ("AUTH".equals(verb)) {
            transcript.add(Direction.CLIENT, maskAuth(command));
            // AuthCmdHandler pops a line handler it did not push when the command carries an initial
            // response; this extra copy of the recorder is what it pops. Where it pops nothing, the
            // copy records just like the one below it.
            session.pushLineHandler(this::onLine);
        } else {
            transcript.add(Direction.CLIENT, command);
        }
        Response response = commandDispatcher.onLine(session, line);
        if (response != null) {
            response.getLines().forEach(reply -> transcript.add(Direction.SERVER, reply));
            noteAddresses(session, transcript, verb, response);
            if ("DATA".equals(verb) && response.getRetCode().startsWith("3")) {
                transcript.add(Direction.EVENT, CONTENT_NOT_RECORDED);
            }
        }
        return response;
    }

    @Override
    public HookResult onHookResult(SMTPSession session, HookResult result, long executionTime, Hook hook) {
        if (hook instanceof MessageHook) {
            Optional.ofNullable(AbstractHookableCmdHandler.calcDefaultSMTPResponse(result))
                .ifPresent(response -> response.getLines().forEach(reply -> transcript(session).add(Direction.SERVER, reply)));
        }
        return result;
    }

    @Override
    public void onDisconnect(SMTPSession session) {
        Transcript transcript = transcript(session);
        noteAuthentication(session, transcript);
        try {
            store.append(transcript.close(session.getSessionID(),
                session.getRemoteAddress().getAddress().getHostAddress()));
        } catch (RuntimeException e) {
            LOGGER.error("Could not store the protocol log of SMTP session {}", session.getSessionID(), e);
        }
    }

    private Transcript transcript(ProtocolSession session) {
        return session.getAttachment(TRANSCRIPT, State.Connection).orElseGet(() -> {
            Transcript transcript = new Transcript(clock);
            session.setAttachment(TRANSCRIPT, transcript, State.Connection);
            return transcript;
        });
    }

    private static void noteTls(SMTPSession session, Transcript transcript) {
        if (!transcript.tlsNoted() && session.isTLSStarted()) {
            session.getSSLSession().ifPresent(ssl -> transcript.tls(ssl.getProtocol() + " " + ssl.getCipherSuite()));
        }
    }

    /**
     * The outcome of AUTH is written by AUTH's own line handler, unseen here, and James 3.8.1 does
     * not pass auth hook results to result hooks: a success shows as the session's user.
     */
    private static void noteAuthentication(SMTPSession session, Transcript transcript) {
        Username username = session.getUsername();
        if (username != null && transcript.authenticated(username)) {
            address(username.asString()).ifPresent(transcript::concerns);
        }
    }

    private static void noteAddresses(SMTPSession session, Transcript transcript, String verb, Response response) {
        if (!response.getRetCode().startsWith("2")) {
            return;
        }
        if ("MAIL".equals(verb)) {
            session.getAttachment(SMTPSession.SENDER, State.Transaction)
                .flatMap(MaybeSender::asOptional)
                .ifPresent(transcript::concerns);
        } else if ("RCPT".equals(verb)) {
            session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction)
                .ifPresent(recipients -> recipients.forEach(transcript::concerns));
        }
    }

    private static String decode(byte[] line) {
        // Commands are ASCII (SMTPUTF8 addresses are UTF-8); line endings are not part of the transcript.
        return new String(line, StandardCharsets.UTF_8).stripTrailing();
    }

    private static String verb(String command) {
        int space = command.indexOf(' ');
        return (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.US);
    }

    /** Keeps the mechanism, masks an initial response: it carries the credentials. */
    static String maskAuth(String command) {
        String[] parts = command.split(" +", 3);
        if (parts.length <= 2) {
            return command;
        }
        return parts[0] + " " + parts[1] + " " + MASK;
    }

    private static Optional<MailAddress> address(String value) {
        try {
            return Optional.of(new MailAddress(value));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
