package ch.postwall.server.api;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

import ch.postwall.server.api.ApiServer.Reply;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.Action;
import ch.postwall.server.roles.Resource;

import reactor.core.publisher.Flux;

/**
 * Customer admins provision their own domain's users: {@code GET /api/domains/{domain}/users} lists them,
 * {@code PUT /api/domains/{domain}/users/{user}} with {@code {"password": "..."}} creates the user (with the standard
 * folders, through the server's users repository) or sets a new password. Users leave through a contract
 * termination, so that their data is exported and wiped rather than orphaned. Platform admins may do the same anywhere.
 */
public class UserProvisioningRoutes implements ApiRouteGroup {
    static final int MINIMUM_PASSWORD_LENGTH = 8;
    private static final String SEGMENT = "([^/]+)";

    private final AccessPolicy policy;
    private final UsersRepository users;

    @Inject
    public UserProvisioningRoutes(AccessPolicy policy, UsersRepository users) {
        this.policy = policy;
        this.users = users;
    }

    @Override
    public void define(ApiServer server) {
        server.route("GET", "/api/domains/" + SEGMENT + "/users", this::list);
        server.route("PUT", "/api/domains/" + SEGMENT + "/users/" + SEGMENT, this::put);
    }

    private Domain authorizedDomain(ApiRequest request) {
        Domain domain = ApiValues.domain(request.path(0));
        if (!policy.allows(request.principal(), Action.USER_PROVISION, Resource.domain(domain))) {
            throw ApiException.forbidden();
        }
        return domain;
    }

    private Reply list(ApiRequest request) {
        Domain domain = authorizedDomain(request);
        List<String> addresses = Flux.from(users.listReactive())
            .filter(user -> user.getDomainPart().map(domain::equals).orElse(false))
            .map(Username::asString)
            .sort()
            .collectList()
            .block();
        return Reply.json(addresses);
    }

    private Reply put(ApiRequest request) {
        Domain domain = authorizedDomain(request);
        Username user = ApiValues.username(request.path(1));
        if (!user.getDomainPart().map(domain::equals).orElse(false)) {
            throw ApiException.badRequest("the user must be an address of " + domain.asString());
        }
        Map<String, Object> body = request.jsonBody();
        if (!(body.get("password") instanceof String password) || password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw ApiException.badRequest("password is required, at least " + MINIMUM_PASSWORD_LENGTH + " characters");
        }
        try {
            if (users.contains(user)) {
                User existing = users.getUserByName(user);
                existing.setPassword(password);
                users.updateUser(existing);
            } else {
                users.addUser(user, password);
            }
        } catch (UsersRepositoryException e) {
            throw new ApiException(400, "the user cannot be saved: " + e.getMessage());
        }
        return Reply.noContent();
    }
}
