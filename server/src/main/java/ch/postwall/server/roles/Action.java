package ch.postwall.server.roles;

/** Everything a route can do with customer data; {@link AccessPolicy} decides each against a principal. */
public enum Action {
    TRACE_SEARCH,
    QUARANTINE_LIST,
    QUARANTINE_HEADERS,
    /** The full quarantined message, body and attachments included. */
    QUARANTINE_MESSAGE,
    QUARANTINE_RELEASE,
    QUARANTINE_DELETE,
    BLOCK_SENDER,
    PROTOCOL_LOG_READ,
    SUPPORT_GRANT_MANAGE,
    USER_PROVISION,
    /** Staff accounts and domain-admin grants: the platform admin's alone. */
    ROLE_MANAGE,
    OWN_SETTINGS,
    /** A user's retention choices and the limits of their domain. */
    RETENTION_READ,
    RETENTION_CHOOSE,
    /** A domain's product limits: the provider's decision, not the customer's. */
    RETENTION_LIMITS_SET,
    ACCESS_LOG_READ,
    /** Requesting, following and downloading an export of a user or a whole domain. */
    EXPORT,
    TERMINATE_USER,
    TERMINATE_DOMAIN,
    DELETION_REPORT_READ
}
