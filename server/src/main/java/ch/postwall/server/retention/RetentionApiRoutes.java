package ch.postwall.server.retention;

import static ch.postwall.server.api.ApiValues.domain;
import static ch.postwall.server.api.ApiValues.username;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.retention.access.AccessEntry;
import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.policy.ContainerKind;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionOutsideLimitsException;
import ch.postwall.retention.policy.RetentionPolicyStore;
import ch.postwall.server.api.ApiException;
import ch.postwall.server.api.ApiRequest;
import ch.postwall.server.api.ApiRouteGroup;
import ch.postwall.server.api.ApiServer;
import ch.postwall.server.api.ApiServer.Reply;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.Action;
import ch.postwall.server.roles.Resource;

/**
 * The REST routes of retention, access logs, exports and contract termination. Like every route, each asks the
 * access policy first (403), then looks at data (404). Durations are whole days; folder and calendar names are
 * the rest of the path.
 */
public class RetentionApiRoutes implements ApiRouteGroup {
    private static final String USER = "/api/users/([^/]+)";
    private static final String DOMAIN = "/api/domains/([^/]+)";
    private static final String EXPORT_ID = "/exports/([^/]+)";
    private static final String FOREVER = "forever";
    private static final String DAYS = "days";
    private static final int DEFAULT_LOG_LIMIT = 100;
    private static final int MAXIMUM_LOG_LIMIT = 1000;

    private final AccessPolicy policy;
    private final RetentionAdministration administration;
    private final RetentionPolicyStore policies;
    private final AccessLogStore accessLog;
    private final ExportArchives exports;

    @Inject
    public RetentionApiRoutes(AccessPolicy policy, RetentionAdministration administration, RetentionPolicyStore policies,
                              AccessLogStore accessLog, ExportArchives exports) {
        this.policy = policy;
        this.administration = administration;
        this.policies = policies;
        this.accessLog = accessLog;
        this.exports = exports;
    }

    @Override
    public void define(ApiServer server) {
        server.route("GET", USER + "/retention", this::userRetention);
        server.route("PUT", USER + "/retention/(folders|calendars)/(.+)", this::choose);
        server.route("DELETE", USER + "/retention/(folders|calendars)/(.+)", this::removeChoice);
        server.route("GET", DOMAIN + "/retention-limits", this::limits);
        server.route("PUT", DOMAIN + "/retention-limits", this::setLimits);
        server.route("GET", USER + "/access-log", this::userAccessLog);
        server.route("GET", DOMAIN + "/access-log", this::domainAccessLog);
        server.route("PUT", USER + "/termination", request -> terminate(request, Action.TERMINATE_USER, userSubject(request)));
        server.route("DELETE", USER + "/termination", request -> cancel(request, Action.TERMINATE_USER, userSubject(request)));
        server.route("PUT", DOMAIN + "/termination", request -> terminate(request, Action.TERMINATE_DOMAIN, domainSubject(request)));
        server.route("DELETE", DOMAIN + "/termination", request -> cancel(request, Action.TERMINATE_DOMAIN, domainSubject(request)));
        server.route("GET", "/api/deletion-reports", this::reports);
        server.route("POST", USER + "/exports", request -> requestExport(request, userSubject(request)));
        server.route("POST", DOMAIN + "/exports", request -> requestExport(request, domainSubject(request)));
        server.route("GET", USER + EXPORT_ID, request -> exportStatus(request, userSubject(request)));
        server.route("GET", DOMAIN + EXPORT_ID, request -> exportStatus(request, domainSubject(request)));
        server.route("GET", USER + EXPORT_ID + "/archive", request -> download(request, userSubject(request)));
        server.route("GET", DOMAIN + EXPORT_ID + "/archive", request -> download(request, domainSubject(request)));
    }

    private void authorize(ApiRequest request, Action action, Resource resource) {
        if (!policy.allows(request.principal(), action, resource)) {
            throw ApiException.forbidden();
        }
    }

    private Reply userRetention(ApiRequest request) {
        Username user = username(request.path(0));
        authorize(request, Action.RETENTION_READ, Resource.mailbox(user));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("limits", RetentionJson.limits(user.getDomainPart().map(administration::limits).orElseThrow()));
        json.put("choices", policies.choices(user).stream().map(RetentionJson::choice).toList());
        return Reply.json(json);
    }

    private Reply choose(ApiRequest request) {
        Username user = username(request.path(0));
        authorize(request, Action.RETENTION_CHOOSE, Resource.mailbox(user));
        String days = request.parameter(DAYS).orElseThrow(() -> ApiException.badRequest(DAYS + " is required: a number of days or "
            + FOREVER));
        Optional<Duration> period = days.equals(FOREVER) ? Optional.empty() : Optional.of(parse(() -> RetentionAdministration.days(DAYS, days, 1)));
        RetentionChoice choice = parse(() -> new RetentionChoice(kind(request), request.path(2), period));
        try {
            policies.choose(user, choice);
        } catch (RetentionOutsideLimitsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Reply.noContent();
    }

    private Reply removeChoice(ApiRequest request) {
        Username user = username(request.path(0));
        authorize(request, Action.RETENTION_CHOOSE, Resource.mailbox(user));
        policies.removeChoice(user, kind(request), request.path(2));
        return Reply.noContent();
    }

    private static ContainerKind kind(ApiRequest request) {
        return request.path(1).equals("folders") ? ContainerKind.MAIL_FOLDER : ContainerKind.CALENDAR;
    }

    private Reply limits(ApiRequest request) {
        Domain domain = domain(request.path(0));
        authorize(request, Action.RETENTION_READ, Resource.domain(domain));
        return Reply.json(RetentionJson.limits(administration.limits(domain)));
    }

    private Reply setLimits(ApiRequest request) {
        Domain domain = domain(request.path(0));
        authorize(request, Action.RETENTION_LIMITS_SET, Resource.domain(domain));
        return Reply.json(RetentionJson.limits(parse(() -> administration.setLimits(domain, request::parameter))));
    }

    private Reply userAccessLog(ApiRequest request) {
        Username user = username(request.path(0));
        authorize(request, Action.ACCESS_LOG_READ, Resource.mailbox(user));
        return accessLog(accessLog.listByUser(user, logLimit(request)));
    }

    private Reply domainAccessLog(ApiRequest request) {
        Domain domain = domain(request.path(0));
        authorize(request, Action.ACCESS_LOG_READ, Resource.domain(domain));
        return accessLog(accessLog.listByDomain(domain, logLimit(request)));
    }

    private static int logLimit(ApiRequest request) {
        int limit = request.integer("limit", DEFAULT_LOG_LIMIT);
        if (limit < 1 || limit > MAXIMUM_LOG_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAXIMUM_LOG_LIMIT);
        }
        return limit;
    }

    private static Reply accessLog(List<AccessEntry> entries) {
        return Reply.json(entries.stream().map(RetentionJson::accessEntry).toList());
    }

    private Reply terminate(ApiRequest request, Action action, ContractSubject subject) {
        authorize(request, action, resource(subject));
        return Reply.json(RetentionJson.termination(parse(() -> administration.terminate(subject, request::parameter))));
    }

    private Reply cancel(ApiRequest request, Action action, ContractSubject subject) {
        authorize(request, action, resource(subject));
        administration.cancel(subject);
        return Reply.noContent();
    }

    private Reply reports(ApiRequest request) {
        authorize(request, Action.DELETION_REPORT_READ, Resource.platform());
        return Reply.json(administration.reports().stream().map(RetentionJson::report).toList());
    }

    private Reply requestExport(ApiRequest request, ContractSubject subject) {
        authorize(request, Action.EXPORT, resource(subject));
        return Reply.accepted(exports.status(subject, exports.request(subject)).map(RetentionJson::export).orElseThrow());
    }

    private Reply exportStatus(ApiRequest request, ContractSubject subject) {
        authorize(request, Action.EXPORT, resource(subject));
        return exports.status(subject, request.path(1)).map(RetentionJson::export).map(Reply::json)
            .orElseThrow(ApiException::notFound);
    }

    private Reply download(ApiRequest request, ContractSubject subject) {
        authorize(request, Action.EXPORT, resource(subject));
        return exports.archive(subject, request.path(1)).map(archive -> Reply.file("application/zip", archive))
            .orElseThrow(ApiException::notFound);
    }

    private static ContractSubject userSubject(ApiRequest request) {
        return ContractSubject.user(username(request.path(0)));
    }

    private static ContractSubject domainSubject(ApiRequest request) {
        return ContractSubject.domain(domain(request.path(0)));
    }

    private static Resource resource(ContractSubject subject) {
        return subject.asUser().map(Resource::mailbox).orElseGet(() -> Resource.domain(subject.asDomain().orElseThrow()));
    }

    /** Runs a parse of request values; an invalid one is the client's mistake. */
    private static <T> T parse(Supplier<T> parsing) {
        try {
            return parsing.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
