package ch.postwall.server.roles;

/** The roles of the provider's own staff, who sign in with staff credentials rather than a mailbox. */
public enum StaffRole {
    /** Everything, including raw SMTP protocol logs. */
    PLATFORM_ADMIN,
    /** Headers of quarantined mail, to improve filtering; never bodies. */
    TECHNICAL_ADMIN,
    /** Metadata of a customer domain while that domain grants support access. */
    SUPPORT
}
