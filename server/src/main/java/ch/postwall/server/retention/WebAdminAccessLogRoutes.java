package ch.postwall.server.retention;

import static ch.postwall.server.retention.RetentionWebAdminRoutes.valid;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Service;

import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.AccessType;
import ch.postwall.server.http.BasicCredentials;
import ch.postwall.server.http.HttpAccessLog;

/**
 * The access log over WebAdmin: the administrator reads a user's or a domain's entries
 * ({@code GET /postwall/access-log/users/{user}}, {@code .../domains/{domain}}, {@code limit} default 100), and every
 * WebAdmin call, refused ones included, is recorded once answered.
 */
public class WebAdminAccessLogRoutes implements Routes {
    public static final String BASE_PATH = "/postwall/access-log";
    private static final int DEFAULT_LIMIT = 100;

    private final AccessLogStore store;
    private final HttpAccessLog accessLog;
    private final JsonTransformer json;

    @Inject
    public WebAdminAccessLogRoutes(AccessLogStore store, HttpAccessLog accessLog, JsonTransformer json) {
        this.store = store;
        this.accessLog = accessLog;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH + "/users/:user", (request, response) -> store.listByUser(
            valid(() -> Username.of(request.params(":user"))), limit(request)).stream().map(RetentionJson::accessEntry).toList(), json);
        service.get(BASE_PATH + "/domains/:domain", (request, response) -> store.listByDomain(
            valid(() -> Domain.of(request.params(":domain"))), limit(request)).stream().map(RetentionJson::accessEntry).toList(), json);
        // After-after filters run once the answer is known, also for requests the authentication filter halted.
        service.afterAfter((request, response) -> accessLog.record(login(request), AccessType.WEBADMIN, request.ip(),
            response.raw().getStatus()));
    }

    private static Optional<String> login(Request request) {
        return Optional.<String>ofNullable(request.attribute(AuthenticationFilter.LOGIN))
            .or(() -> BasicCredentials.parse(Optional.ofNullable(request.headers("Authorization"))).map(BasicCredentials::login));
    }

    private static int limit(Request request) {
        return valid(() -> Optional.ofNullable(request.queryParams("limit")).map(Integer::parseInt).orElse(DEFAULT_LIMIT));
    }
}
