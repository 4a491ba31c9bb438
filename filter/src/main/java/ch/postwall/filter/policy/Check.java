package ch.postwall.filter.policy;

/** The analyses a policy can switch on or off. */
public enum Check {
    SPAM,
    VIRUS,
    SPF,
    DNSBL,
    HELO,
    ATTACHMENTS
}
