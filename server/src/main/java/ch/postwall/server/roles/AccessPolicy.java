package ch.postwall.server.roles;

import static ch.postwall.server.roles.Action.ACCESS_LOG_READ;
import static ch.postwall.server.roles.Action.BLOCK_SENDER;
import static ch.postwall.server.roles.Action.EXPORT;
import static ch.postwall.server.roles.Action.OWN_SETTINGS;
import static ch.postwall.server.roles.Action.QUARANTINE_DELETE;
import static ch.postwall.server.roles.Action.QUARANTINE_HEADERS;
import static ch.postwall.server.roles.Action.QUARANTINE_LIST;
import static ch.postwall.server.roles.Action.QUARANTINE_MESSAGE;
import static ch.postwall.server.roles.Action.QUARANTINE_RELEASE;
import static ch.postwall.server.roles.Action.RETENTION_CHOOSE;
import static ch.postwall.server.roles.Action.RETENTION_READ;
import static ch.postwall.server.roles.Action.SUPPORT_GRANT_MANAGE;
import static ch.postwall.server.roles.Action.TERMINATE_USER;
import static ch.postwall.server.roles.Action.TRACE_SEARCH;
import static ch.postwall.server.roles.Action.USER_PROVISION;

import java.util.EnumSet;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

/**
 * The one place deciding who may do what with which tenant's data. Routes ask before touching a
 * store and answer 403 on a refusal, whether or not the object exists.
 */
public class AccessPolicy {
    /** Headers only: a technical admin reviews misfiled mail but never reads a body. */
    private static final Set<Action> TECHNICAL_ADMIN = EnumSet.of(QUARANTINE_LIST, QUARANTINE_HEADERS);
    /** Metadata only, and only while the customer grants it. */
    private static final Set<Action> SUPPORT = EnumSet.of(TRACE_SEARCH, QUARANTINE_LIST);
    /** Retention limits, domain terminations and deletion reports are left to platform admins. */
    private static final Set<Action> DOMAIN_ADMIN = EnumSet.of(TRACE_SEARCH, QUARANTINE_LIST, QUARANTINE_HEADERS,
        QUARANTINE_MESSAGE, QUARANTINE_RELEASE, QUARANTINE_DELETE, BLOCK_SENDER, SUPPORT_GRANT_MANAGE, USER_PROVISION,
        RETENTION_READ, RETENTION_CHOOSE, ACCESS_LOG_READ, EXPORT, TERMINATE_USER);
    private static final Set<Action> USER = EnumSet.of(TRACE_SEARCH, QUARANTINE_LIST, QUARANTINE_HEADERS,
        QUARANTINE_MESSAGE, QUARANTINE_RELEASE, QUARANTINE_DELETE, BLOCK_SENDER, OWN_SETTINGS,
        RETENTION_READ, RETENTION_CHOOSE, ACCESS_LOG_READ, EXPORT);

    private final RoleGrantStore grants;

    @Inject
    public AccessPolicy(RoleGrantStore grants) {
        this.grants = grants;
    }

    public boolean allows(Principal principal, Action action, Resource resource) {
        return switch (principal.role()) {
            case PLATFORM_ADMIN -> true;
            case TECHNICAL_ADMIN -> TECHNICAL_ADMIN.contains(action);
            case SUPPORT -> SUPPORT.contains(action) && resource.tenant().filter(this::grantsSupport).isPresent();
            case DOMAIN_ADMIN -> administers(principal, action, resource) || ownsMailbox(principal, action, resource);
            case USER -> ownsMailbox(principal, action, resource);
        };
    }

    private boolean grantsSupport(Domain domain) {
        return grants.supportGrant(domain).isPresent();
    }

    private static boolean administers(Principal principal, Action action, Resource resource) {
        return DOMAIN_ADMIN.contains(action) && resource.tenant().filter(principal.domains()::contains).isPresent();
    }

    private static boolean ownsMailbox(Principal principal, Action action, Resource resource) {
        return USER.contains(action) && principal.user().isPresent() && resource.owner().equals(principal.user());
    }
}
