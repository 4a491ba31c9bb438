package ch.postwall.server.roles;

/** Every role a principal can act in; staff roles mirror {@link StaffRole}, the others come from mail accounts. */
public enum Role {
    PLATFORM_ADMIN,
    TECHNICAL_ADMIN,
    SUPPORT,
    /** A mail user who administers one or more customer domains (and still is a user of their own mailbox). */
    DOMAIN_ADMIN,
    USER;

    static Role of(StaffRole staffRole) {
        return valueOf(staffRole.name());
    }
}
