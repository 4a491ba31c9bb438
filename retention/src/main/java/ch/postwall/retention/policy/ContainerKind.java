package ch.postwall.retention.policy;

/** What a retention choice applies to; each kind has its own product limits. */
public enum ContainerKind {
    MAIL_FOLDER,
    CALENDAR
}
