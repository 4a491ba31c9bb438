package ch.postwall.server.webadmin;

import static spark.Spark.halt;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;

import org.apache.james.jwt.JwtTokenVerifier;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;

import ch.postwall.server.http.BasicCredentials;

/**
 * Protects every WebAdmin route: the administrator's credential over HTTP Basic, or, when a JWT
 * public key is configured in webadmin.properties, a bearer token carrying the admin claim.
 */
public class AdminAuthenticationFilter implements AuthenticationFilter {
    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private final AdminCredential credential;
    private final Optional<Provider<JwtTokenVerifier>> jwtVerifier;

    @Inject
    public AdminAuthenticationFilter(AdminCredential credential, WebAdminConfiguration configuration,
                                     @Named("webadmin") JwtTokenVerifier.Factory jwtVerifierFactory) {
        this.credential = credential;
        this.jwtVerifier = configuration.getJwtPublicKey().map(key -> jwtVerifierFactory::create);
    }

    @Override
    public void handle(Request request, Response response) {
        String header = Optional.ofNullable(request.headers(AUTHORIZATION)).orElse("");
        Optional<String> login = authenticateBasic(header).or(() -> authenticateBearer(header));
        if (login.isEmpty()) {
            response.header("WWW-Authenticate", "Basic realm=\"Postwall WebAdmin\", charset=\"UTF-8\"");
            throw halt(HttpStatus.UNAUTHORIZED_401, "Authentication required");
        }
        request.attribute(LOGIN, login.get());
    }

    private Optional<String> authenticateBasic(String header) {
        return BasicCredentials.parse(Optional.of(header))
            .filter(credentials -> credential.matches(credentials.login(), credentials.password()))
            .map(BasicCredentials::login);
    }

    private Optional<String> authenticateBearer(String header) {
        if (!header.startsWith(BEARER) || jwtVerifier.isEmpty()) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        JwtTokenVerifier verifier = jwtVerifier.get().get();
        return verifier.verifyAndExtractLogin(token)
            .filter(login -> verifier.hasAttribute("admin", true, token));
    }
}
