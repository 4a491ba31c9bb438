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
    OWN_SETTINGS
}
