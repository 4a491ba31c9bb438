package ch.postwall.filter.policy;

/** The analyses a policy can switch on or off. */
public enum Check {
    /** Spam score from the installation's engine; compared with the quarantine and reject thresholds. */
    SPAM,
    /** clamd on the whole raw message; a virus rejects. */
    VIRUS,
    /** SPF of the envelope sender; "fail" rejects, other results are only tagged. */
    SPF,
    /** DNS block lists of the installation; a listing rejects. */
    DNSBL,
    /** HELO and reverse-DNS sanity; tagged only (postwall.helo.resolvable), too often wrong to reject on. */
    HELO,
    /** Tika-detected attachment types against the blocked list; also rejects unanalysable MIME. */
    ATTACHMENTS
}
