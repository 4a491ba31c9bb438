package ch.postwall.server.digest;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.server.api.ApiException;
import ch.postwall.server.api.ApiRequest;
import ch.postwall.server.api.ApiRouteGroup;
import ch.postwall.server.api.ApiServer;
import ch.postwall.server.api.ApiValues;
import ch.postwall.server.api.ApiServer.Reply;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.Action;
import ch.postwall.server.roles.Resource;

/** A user's own setting: whether they receive the quarantine digest ({@code {"enabled": true|false}}). */
public class DigestRoutes implements ApiRouteGroup {
    private static final String PATH = "/api/users/([^/]+)/quarantine-digest";

    private final AccessPolicy policy;
    private final DigestSettingsStore settings;

    @Inject
    public DigestRoutes(AccessPolicy policy, DigestSettingsStore settings) {
        this.policy = policy;
        this.settings = settings;
    }

    @Override
    public void define(ApiServer server) {
        server.route("GET", PATH, this::get);
        server.route("PUT", PATH, this::put);
    }

    private Username authorizedUser(ApiRequest request) {
        Username user = ApiValues.username(request.path(0));
        if (!policy.allows(request.principal(), Action.OWN_SETTINGS, Resource.mailbox(user))) {
            throw ApiException.forbidden();
        }
        return user;
    }

    private Reply get(ApiRequest request) {
        DigestSettings userSettings = settings.settings(authorizedUser(request));
        return Reply.json(Map.of("enabled", !userSettings.optedOut()));
    }

    private Reply put(ApiRequest request) {
        Username user = authorizedUser(request);
        if (!(request.jsonBody().get("enabled") instanceof Boolean enabled)) {
            throw ApiException.badRequest("enabled (true or false) is required");
        }
        settings.setOptedOut(user, !enabled);
        return Reply.noContent();
    }
}
