package ch.postwall.server.retention;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.eclipse.jetty.http.HttpStatus;

import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

import ch.postwall.retention.contract.ContractSubject;

/**
 * WebAdmin routes of the provider's side of retention, through the same {@link RetentionAdministration} as the
 * REST API and with the same query parameters and JSON:
 * {@code GET|PUT /postwall/retention/limits/{domain}}, {@code PUT|DELETE /postwall/retention/terminations/users/{user}}
 * and {@code .../domains/{domain}} ({@code exportWindowDays}), {@code GET /postwall/retention/deletion-reports}.
 */
public class RetentionWebAdminRoutes implements Routes {
    public static final String BASE_PATH = "/postwall/retention";
    private static final String LIMITS = BASE_PATH + "/limits/:domain";
    private static final String USER_TERMINATION = BASE_PATH + "/terminations/users/:user";
    private static final String DOMAIN_TERMINATION = BASE_PATH + "/terminations/domains/:domain";

    private final RetentionAdministration administration;
    private final JsonTransformer json;

    @Inject
    public RetentionWebAdminRoutes(RetentionAdministration administration, JsonTransformer json) {
        this.administration = administration;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(LIMITS, (request, response) -> RetentionJson.limits(administration.limits(domain(request))), json);
        service.put(LIMITS, (request, response) -> RetentionJson.limits(
            valid(() -> administration.setLimits(domain(request), parameters(request)))), json);
        service.put(USER_TERMINATION, (request, response) -> RetentionJson.termination(
            valid(() -> administration.terminate(user(request), parameters(request)))), json);
        service.delete(USER_TERMINATION, (request, response) -> cancel(user(request), response));
        service.put(DOMAIN_TERMINATION, (request, response) -> RetentionJson.termination(
            valid(() -> administration.terminate(ContractSubject.domain(domain(request)), parameters(request)))), json);
        service.delete(DOMAIN_TERMINATION, (request, response) -> cancel(ContractSubject.domain(domain(request)), response));
        service.get(BASE_PATH + "/deletion-reports",
            (request, response) -> administration.reports().stream().map(RetentionJson::report).toList(), json);
    }

    private String cancel(ContractSubject subject, Response response) {
        administration.cancel(subject);
        return Responses.returnNoContent(response);
    }

    private static Function<String, Optional<String>> parameters(Request request) {
        return name -> Optional.ofNullable(request.queryParams(name)).filter(value -> !value.isBlank());
    }

    private static ContractSubject user(Request request) {
        return ContractSubject.user(valid(() -> Username.of(request.params(":user"))));
    }

    private static Domain domain(Request request) {
        return valid(() -> Domain.of(request.params(":domain")));
    }

    /** Runs a parse of request values; an invalid one is answered 400 with its message. */
    static <T> T valid(Supplier<T> parsing) {
        try {
            return parsing.get();
        } catch (IllegalArgumentException e) {
            throw badRequest(e);
        }
    }

    private static HaltException badRequest(IllegalArgumentException e) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorType.INVALID_ARGUMENT)
            .message("%s", e.getMessage())
            .cause(e)
            .haltError();
    }
}
