package ch.postwall.server.api;

import static ch.postwall.server.api.ApiValues.address;
import static ch.postwall.server.api.ApiValues.domain;
import static ch.postwall.server.api.ApiValues.username;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import ch.postwall.filter.protocollog.ProtocolLogQuery;
import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.SmtpSessionLog;
import ch.postwall.filter.trace.MessageTrace;
import ch.postwall.filter.trace.MessageTraceQuery;
import ch.postwall.filter.trace.MessageTraceStore;
import ch.postwall.server.api.ApiServer.Reply;
import ch.postwall.server.audit.AuditEntry;
import ch.postwall.server.audit.AuditLogStore;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.Action;
import ch.postwall.server.roles.Resource;
import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.SupportGrant;

/**
 * The routes: each names its action and resource, asks the policy, and only then touches a store.
 * Reading quarantined content or raw logs is written to the audit log.
 */
public class ApiRoutes implements ApiRouteGroup {
    private static final String ADDRESS = "([^/]+)";
    private static final String ID = "([^/]+)";

    private final AccessPolicy policy;
    private final MessageTraceStore traces;
    private final ProtocolLogStore protocolLogs;
    private final QuarantineAccess quarantine;
    private final RoleGrantStore grants;
    private final AuditLogStore audit;
    private final Clock clock;

    @Inject
    public ApiRoutes(AccessPolicy policy, MessageTraceStore traces, ProtocolLogStore protocolLogs, QuarantineAccess quarantine,
                     RoleGrantStore grants, AuditLogStore audit, Clock clock) {
        this.policy = policy;
        this.traces = traces;
        this.protocolLogs = protocolLogs;
        this.quarantine = quarantine;
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void define(ApiServer server) {
        server.route("GET", "/api/trace", this::searchTrace);
        server.route("GET", "/api/quarantine", this::listQuarantine);
        server.route("GET", "/api/quarantine/" + ADDRESS + "/" + ID + "/headers", this::headers);
        server.route("GET", "/api/quarantine/" + ADDRESS + "/" + ID + "/message", this::message);
        server.route("POST", "/api/quarantine/" + ADDRESS + "/" + ID + "/release", this::release);
        server.route("DELETE", "/api/quarantine/" + ADDRESS + "/" + ID, this::delete);
        server.route("POST", "/api/quarantine/" + ADDRESS + "/blocked-senders", this::blockSender);
        server.route("GET", "/api/protocol-logs", this::searchProtocolLogs);
        server.route("GET", "/api/protocol-logs/" + ID, this::protocolLog);
        server.route("PUT", "/api/domains/([^/]+)/support-grant", this::grantSupport);
        server.route("DELETE", "/api/domains/([^/]+)/support-grant", this::revokeSupport);
    }

    /** The scope of a search: one user ({@code user=}), one domain ({@code domain=}) or, with neither, the platform. */
    private static Resource scope(ApiRequest request) {
        Optional<String> user = request.parameter("user");
        if (user.isPresent()) {
            return Resource.mailbox(ApiValues.username(user.get()));
        }
        return request.parameter("domain").map(ApiValues::domain).map(Resource::domain).orElse(Resource.platform());
    }

    private void authorize(ApiRequest request, Action action, Resource resource) {
        if (!policy.allows(request.principal(), action, resource)) {
            throw ApiException.forbidden();
        }
    }

    /** Recorded before the data is read: an access that cannot be audited does not happen. */
    private void audit(ApiRequest request, Action action, Optional<Username> owner, String target) {
        audit.append(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), request.principal().name(), action.name(),
            target, owner));
    }

    private Reply searchTrace(ApiRequest request) {
        Resource scope = scope(request);
        authorize(request, Action.TRACE_SEARCH, scope);
        MessageTraceQuery.Builder query = MessageTraceQuery.builder();
        scope.owner().ifPresent(owner -> query.recipient(ApiValues.address(owner.asString())));
        if (scope.owner().isEmpty()) {
            scope.tenant().ifPresent(query::recipientDomain);
        }
        request.parameter("sender").map(ApiValues::address).ifPresent(query::sender);
        request.parameter("recipient").map(ApiValues::address).ifPresent(query::recipient);
        request.parameter("messageId").ifPresent(query::messageId);
        request.parameter("verdict").ifPresent(query::verdict);
        request.instant("from").ifPresent(query::from);
        request.instant("until").ifPresent(query::until);
        query.page(request.integer("offset", 0), request.integer("limit", MessageTraceQuery.DEFAULT_LIMIT));
        return Reply.json(traces.search(query.build()).stream().map(ApiRoutes::json).toList());
    }

    private Reply listQuarantine(ApiRequest request) {
        Resource scope = scope(request);
        authorize(request, Action.QUARANTINE_LIST, scope);
        QuarantineAccess.Filter filter;
        try {
            filter = new QuarantineAccess.Filter(request.parameter("sender"), request.parameter("verdict"),
                request.instant("from"), request.instant("until"), request.integer("offset", 0), request.integer("limit", 50));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<QuarantineAccess.Item> items = scope.owner().map(owner -> quarantine.listOfUser(owner, filter))
            .or(() -> scope.tenant().map(domain -> quarantine.listOfDomain(domain, filter)))
            .orElseThrow(() -> ApiException.badRequest("user or domain is required"));
        return Reply.json(items.stream().map(ApiRoutes::json).toList());
    }

    private Reply headers(ApiRequest request) {
        return readQuarantined(request, Action.QUARANTINE_HEADERS, "/headers", quarantine::headers,
            headers -> new Reply(200, "text/plain; charset=utf-8", headers.getBytes(StandardCharsets.UTF_8)));
    }

    private Reply message(ApiRequest request) {
        return readQuarantined(request, Action.QUARANTINE_MESSAGE, "/message", quarantine::message,
            message -> new Reply(200, "message/rfc822", message));
    }

    /** Reads one quarantined message's part after authorization, and records the access. */
    private <T> Reply readQuarantined(ApiRequest request, Action action, String part,
                                      BiFunction<Username, String, Optional<T>> read, Function<T, Reply> reply) {
        Username owner = ApiValues.username(request.path(0));
        authorize(request, action, Resource.mailbox(owner));
        audit(request, action, Optional.of(owner), "quarantine/" + owner.asString() + "/" + request.path(1) + part);
        return read.apply(owner, request.path(1)).map(reply).orElseThrow(ApiException::notFound);
    }

    /** {@code allowSender=true} also allow-lists the sender for the owner. */
    private Reply release(ApiRequest request) {
        boolean allowSender = request.parameter("allowSender").map(Boolean::parseBoolean).orElse(false);
        return changeQuarantined(request, Action.QUARANTINE_RELEASE,
            (owner, id) -> quarantine.release(owner, id, request.principal().name(), allowSender));
    }

    private Reply delete(ApiRequest request) {
        return changeQuarantined(request, Action.QUARANTINE_DELETE, quarantine::delete);
    }

    private Reply changeQuarantined(ApiRequest request, Action action, BiPredicate<Username, String> change) {
        Username owner = ApiValues.username(request.path(0));
        authorize(request, action, Resource.mailbox(owner));
        audit(request, action, Optional.of(owner), "quarantine/" + owner.asString() + "/" + request.path(1));
        if (!change.test(owner, request.path(1))) {
            throw ApiException.notFound();
        }
        return Reply.noContent();
    }

    private Reply blockSender(ApiRequest request) {
        Username owner = ApiValues.username(request.path(0));
        authorize(request, Action.BLOCK_SENDER, Resource.mailbox(owner));
        MailAddress sender = request.parameter("sender").map(ApiValues::address)
            .orElseThrow(() -> ApiException.badRequest("sender is required"));
        quarantine.blockSender(owner, sender);
        return Reply.noContent();
    }

    private Reply searchProtocolLogs(ApiRequest request) {
        authorize(request, Action.PROTOCOL_LOG_READ, Resource.platform());
        ProtocolLogQuery.Builder query = ProtocolLogQuery.builder();
        request.instant("from").ifPresent(query::from);
        request.instant("until").ifPresent(query::until);
        request.parameter("remoteIp").ifPresent(query::remoteIp);
        query.page(request.integer("offset", 0), request.integer("limit", ProtocolLogQuery.DEFAULT_LIMIT));
        audit(request, Action.PROTOCOL_LOG_READ, Optional.empty(), "protocol-logs?" + request.query());
        return Reply.json(protocolLogs.search(query.build()).stream().map(ApiRoutes::json).toList());
    }

    private Reply protocolLog(ApiRequest request) {
        authorize(request, Action.PROTOCOL_LOG_READ, Resource.platform());
        audit(request, Action.PROTOCOL_LOG_READ, Optional.empty(), "protocol-logs/" + request.path(0));
        return protocolLogs.get(request.path(0)).map(ApiRoutes::json).map(Reply::json).orElseThrow(ApiException::notFound);
    }

    private Reply grantSupport(ApiRequest request) {
        Domain domain = ApiValues.domain(request.path(0));
        authorize(request, Action.SUPPORT_GRANT_MANAGE, Resource.domain(domain));
        SupportGrant grant = new SupportGrant(domain, Username.of(request.principal().name()), clock.instant(),
            request.instant("until").filter(until -> until.isAfter(clock.instant()))
                .orElseThrow(() -> ApiException.badRequest("until is required and must be in the future")));
        grants.grantSupport(grant);
        return Reply.noContent();
    }

    private Reply revokeSupport(ApiRequest request) {
        Domain domain = ApiValues.domain(request.path(0));
        authorize(request, Action.SUPPORT_GRANT_MANAGE, Resource.domain(domain));
        grants.revokeSupport(domain);
        return Reply.noContent();
    }

    private static Map<String, Object> json(MessageTrace trace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", trace.id());
        json.put("time", trace.time().toString());
        json.put("remoteIp", trace.remoteIp());
        json.put("sender", trace.sender().asString());
        json.put("recipients", trace.recipients().stream().map(MailAddress::asString).toList());
        json.put("messageId", trace.messageId().orElse(null));
        json.put("size", trace.size());
        json.put("checks", trace.checks());
        json.put("verdict", trace.verdict());
        json.put("action", trace.action());
        json.put("delivery", trace.delivery().name());
        return json;
    }

    private static Map<String, Object> json(QuarantineAccess.Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("owner", item.owner().asString());
        json.put("sender", item.sender());
        json.put("subject", item.subject());
        json.put("quarantinedAt", item.quarantinedAt().toString());
        json.put("verdict", item.verdict());
        json.put("size", item.size());
        return json;
    }

    private static Map<String, Object> json(SmtpSessionLog log) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", log.sessionId());
        json.put("remoteIp", log.remoteIp());
        json.put("start", log.start().toString());
        json.put("end", log.end().toString());
        json.put("tls", log.tls().orElse(null));
        json.put("lines", log.lines().stream()
            .map(line -> Map.of("time", line.time().toString(), "direction", line.direction().name(), "text", line.text()))
            .toList());
        return json;
    }
}
