package ch.postwall.calendar.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.Startable;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.handler.CalDavDispatcher;

/**
 * The embeddable HTTPS server of CalDAV on Jetty. Jetty hands every method, PROPFIND, REPORT and
 * MKCALENDAR included, to one handler; this class only authenticates, bounds the body and
 * translates to and from {@link DavRequest}/{@link DavResponse}.
 */
public class CalDavServer implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CalDavServer.class);
    private static final String CHALLENGE = "Basic realm=\"Postwall CalDAV\", charset=\"UTF-8\"";

    private final CalDavConfiguration configuration;
    private final CalDavDispatcher dispatcher;
    private final CalendarAuthenticator authenticator;
    private final TlsIdentity identity;
    private final CalDavAccessListener accessListener;
    private Server server;
    private ServerConnector connector;

    @Inject
    public CalDavServer(CalDavConfiguration configuration, CalDavDispatcher dispatcher, CalendarAuthenticator authenticator,
                        TlsIdentity identity, CalDavAccessListener accessListener) {
        this.configuration = configuration;
        this.dispatcher = dispatcher;
        this.authenticator = authenticator;
        this.identity = identity;
        this.accessListener = accessListener;
    }

    public synchronized void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(configuration.maxThreads());
        threads.setName("caldav");
        server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(identity.keyStore());
        tls.setKeyStorePassword(identity.password());
        tls.setIncludeProtocols("TLSv1.2", "TLSv1.3");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients reach the server by address as often as by name; the certificate is checked by them.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(configuration.bindAddress());
        connector.setPort(configuration.port());
        server.addConnector(connector);
        server.setHandler(new DavHandler());
        server.start();
        LOGGER.info("CalDAV listening on https://{}:{}/", configuration.bindAddress(), connector.getLocalPort());
    }

    /** The bound port, useful when the configuration asked for any free port (0). */
    public int port() {
        return connector.getLocalPort();
    }

    @PreDestroy
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOGGER.warn("CalDAV server did not stop cleanly", e);
        }
        server = null;
    }

    private class DavHandler extends AbstractHandler {
        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
            baseRequest.setHandled(true);
            Authentication authentication = authenticate(request.getHeader("Authorization"));
            Optional<Username> user = authentication.user();
            try {
                answer(request, response, user);
            } finally {
                accessListener.requestAnswered(new CalDavAccessListener.Access(user, authentication.login(), request.getRemoteAddr(),
                    request.getMethod(), request.getRequestURI(), response.getStatus()));
            }
        }

        private void answer(HttpServletRequest request, HttpServletResponse response, Optional<Username> user) throws IOException {
            if (user.isEmpty()) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
                response.setStatus(401);
                return;
            }
            Optional<byte[]> body = readBounded(request);
            if (body.isEmpty()) {
                response.setStatus(413);
                return;
            }
            DavResponse answer;
            try {
                answer = dispatcher.dispatch(new DavRequest(request.getMethod(), request.getRequestURI(), headers(request),
                    body.get(), user.get()));
            } catch (RuntimeException e) {
                LOGGER.error("CalDAV {} {} of {} failed", request.getMethod(), request.getRequestURI(), user.get().asString(), e);
                response.setStatus(500);
                return;
            }
            LOGGER.debug("CalDAV {} {} {} -> {}", user.get().asString(), request.getMethod(), request.getRequestURI(), answer.status());
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            if (answer.body().length > 0) {
                response.setContentLength(answer.body().length);
                response.getOutputStream().write(answer.body());
            }
        }

        private Optional<byte[]> readBounded(HttpServletRequest request) throws IOException {
            long limit = configuration.maxObjectSize();
            if (request.getContentLengthLong() > limit) {
                return Optional.empty();
            }
            try (InputStream input = request.getInputStream()) {
                byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                return body.length > limit ? Optional.empty() : Optional.of(body);
            }
        }

        private Map<String, String> headers(HttpServletRequest request) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                if (!name.equalsIgnoreCase("Authorization")) {
                    headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
                }
            }
            return headers;
        }
    }

    /** The login a request claimed and, when its password matched, the user. */
    private record Authentication(Optional<String> login, Optional<Username> user) {
        static final Authentication NONE = new Authentication(Optional.empty(), Optional.empty());
    }

    private Authentication authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Authentication.NONE;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Authentication.NONE;
        }
        CharBuffer credentials = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        char[] characters = new char[credentials.remaining()];
        credentials.get(characters);
        try {
            int colon = indexOf(characters, ':');
            if (colon < 0) {
                return Authentication.NONE;
            }
            String login = new String(characters, 0, colon);
            char[] password = Arrays.copyOfRange(characters, colon + 1, characters.length);
            try {
                return new Authentication(Optional.of(login), authenticator.authenticate(login, password));
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    private static int indexOf(char[] characters, char wanted) {
        for (int i = 0; i < characters.length; i++) {
            if (characters[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
