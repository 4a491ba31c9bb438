package ch.postwall.server.api;

import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import ch.postwall.server.api.ApiServer.Reply;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.Action;
import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.Resource;
import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.StaffAccount;
import ch.postwall.server.roles.StaffRole;

/**
 * Who holds which role: staff accounts ({@code PUT /api/staff/{login}} with {@code {"role": "technical_admin",
 * "password": "..."}}) and domain admins ({@code PUT /api/domains/{domain}/admins/{user}}). Platform admins only.
 */
public class RoleRoutes implements ApiRouteGroup {
    private static final String SEGMENT = "([^/]+)";

    private final AccessPolicy policy;
    private final RoleGrantStore grants;

    @Inject
    public RoleRoutes(AccessPolicy policy, RoleGrantStore grants) {
        this.policy = policy;
        this.grants = grants;
    }

    @Override
    public void define(ApiServer server) {
        server.route("PUT", "/api/staff/" + SEGMENT, this::putStaff);
        server.route("DELETE", "/api/staff/" + SEGMENT, this::removeStaff);
        server.route("PUT", "/api/domains/" + SEGMENT + "/admins/" + SEGMENT, this::grantDomainAdmin);
        server.route("DELETE", "/api/domains/" + SEGMENT + "/admins/" + SEGMENT, this::revokeDomainAdmin);
    }

    private void authorize(ApiRequest request, Resource resource) {
        if (!policy.allows(request.principal(), Action.ROLE_MANAGE, resource)) {
            throw ApiException.forbidden();
        }
    }

    private Reply putStaff(ApiRequest request) {
        authorize(request, Resource.platform());
        Map<String, Object> body = request.jsonBody();
        if (!(body.get("role") instanceof String role) || !(body.get("password") instanceof String password) || password.isEmpty()) {
            throw ApiException.badRequest("role and password are required");
        }
        try {
            grants.putStaff(new StaffAccount(request.path(0), StaffRole.valueOf(role.toUpperCase(Locale.ROOT)),
                PasswordHash.hash(password.toCharArray())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be platform_admin, technical_admin or support, and the login "
                + "1-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        return Reply.noContent();
    }

    private Reply removeStaff(ApiRequest request) {
        authorize(request, Resource.platform());
        grants.removeStaff(request.path(0));
        return Reply.noContent();
    }

    private Reply grantDomainAdmin(ApiRequest request) {
        Domain domain = ApiValues.domain(request.path(0));
        authorize(request, Resource.domain(domain));
        grants.grantDomainAdmin(ApiValues.username(request.path(1)), domain);
        return Reply.noContent();
    }

    private Reply revokeDomainAdmin(ApiRequest request) {
        Domain domain = ApiValues.domain(request.path(0));
        authorize(request, Resource.domain(domain));
        grants.revokeDomainAdmin(ApiValues.username(request.path(1)), domain);
        return Reply.noContent();
    }
}
