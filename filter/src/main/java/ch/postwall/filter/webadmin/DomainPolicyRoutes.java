package ch.postwall.filter.webadmin;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.DomainPolicyJson;
import ch.postwall.filter.policy.DomainPolicyStore;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Reads, sets and deletes the filter policy of a domain or a user:
 * {@code GET|PUT|DELETE /postwall/filter/policies/domains/:domain} and {@code .../users/:user}.
 * A PUT replaces the whole policy; absent fields take the defaults.
 */
public class DomainPolicyRoutes implements Routes {
    public static final String BASE_PATH = "/postwall/filter/policies";
    private static final String DOMAINS = BASE_PATH + "/domains/:domain";
    private static final String USERS = BASE_PATH + "/users/:user";
    private static final String JSON = "application/json";

    private final DomainPolicyStore store;

    @Inject
    public DomainPolicyRoutes(DomainPolicyStore store) {
        this.store = store;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        defineScope(service, DOMAINS, request -> parse(request, "domain", Domain::of),
            store::domainPolicy, store::setDomainPolicy, store::deleteDomainPolicy);
        defineScope(service, USERS, request -> parse(request, "user", Username::of),
            store::userPolicy, store::setUserPolicy, store::deleteUserPolicy);
    }

    private <K> void defineScope(Service service, String path, Function<Request, K> key, Function<K, Optional<DomainPolicy>> read,
                                 BiConsumer<K, DomainPolicy> write, Consumer<K> delete) {
        service.get(path, (request, response) -> {
            DomainPolicy policy = read.apply(key.apply(request))
                .orElseThrow(() -> error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, "No policy set"));
            response.type(JSON);
            return DomainPolicyJson.toJson(policy);
        });
        service.put(path, (request, response) -> {
            K target = key.apply(request);
            write.accept(target, policyFrom(request));
            return noContent(response);
        });
        service.delete(path, (request, response) -> {
            delete.accept(key.apply(request));
            return noContent(response);
        });
    }

    private static String noContent(Response response) {
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static DomainPolicy policyFrom(Request request) {
        try {
            return DomainPolicyJson.fromJson(request.body());
        } catch (IllegalArgumentException e) {
            throw error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static <K> K parse(Request request, String parameter, Function<String, K> parser) {
        try {
            return parser.apply(request.params(parameter));
        } catch (IllegalArgumentException e) {
            throw error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT,
                "Invalid " + parameter + ": " + e.getMessage());
        }
    }

    private static RuntimeException error(int status, ErrorResponder.ErrorType type, String message) {
        return ErrorResponder.builder()
            .statusCode(status)
            .type(type)
            .message(message)
            .haltError();
    }
}
