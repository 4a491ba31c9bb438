package ch.postwall.filter.gateway;

import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.eclipse.jetty.http.HttpStatus;

import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * WebAdmin routes of the gateway domains' targets:
 * {@code GET /gateway/routes}, {@code GET|PUT|DELETE /gateway/routes/{domain}} (JSON: {@link GatewayRouteDto}).
 */
public class GatewayRoutes implements Routes {
    public static final String BASE_PATH = "/gateway/routes";
    private static final String DOMAIN_PARAM = ":domain";
    private static final String DOMAIN_PATH = BASE_PATH + "/" + DOMAIN_PARAM;

    private final GatewayRouteStore store;
    private final JsonTransformer jsonTransformer;
    private final JsonExtractor<GatewayRouteDto> jsonExtractor;

    @Inject
    public GatewayRoutes(GatewayRouteStore store, JsonTransformer jsonTransformer) {
        this.store = store;
        this.jsonTransformer = jsonTransformer;
        this.jsonExtractor = new JsonExtractor<>(GatewayRouteDto.class);
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.get(DOMAIN_PATH, this::retrieve, jsonTransformer);
        service.put(DOMAIN_PATH, this::save);
        service.delete(DOMAIN_PATH, this::delete);
    }

    private List<GatewayRouteDto> list(Request request, Response response) {
        return store.list().stream().map(GatewayRouteDto::from).collect(Collectors.toList());
    }

    private GatewayRouteDto retrieve(Request request, Response response) {
        Domain domain = domain(request);
        return store.retrieve(domain)
            .map(GatewayRouteDto::from)
            .orElseThrow(() -> ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorType.NOT_FOUND)
                .message("No gateway route for %s", domain.asString())
                .haltError());
    }

    private String save(Request request, Response response) {
        Domain domain = domain(request);
        try {
            store.save(jsonExtractor.parse(request.body()).toRoute(domain));
            return Responses.returnNoContent(response);
        } catch (JsonExtractException | IllegalArgumentException e) {
            throw badRequest("Invalid gateway route: " + e.getMessage(), e);
        }
    }

    private String delete(Request request, Response response) {
        store.delete(domain(request));
        return Responses.returnNoContent(response);
    }

    private static Domain domain(Request request) {
        try {
            return Domain.of(request.params(DOMAIN_PARAM));
        } catch (IllegalArgumentException e) {
            throw badRequest("Invalid domain " + request.params(DOMAIN_PARAM), e);
        }
    }

    private static HaltException badRequest(String message, Exception cause) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorType.INVALID_ARGUMENT)
            .message("%s", message)
            .cause(cause)
            .haltError();
    }
}
