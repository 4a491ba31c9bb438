package ch.postwall.filter.policy;

/** What to do with a mail when a scanner the policy needs is unavailable. */
public enum ScannerDownBehaviour {
    /** Answer 4xx: the sending server retries later. The default. */
    TEMPFAIL,
    /** Accept the mail and tag it as unscanned. */
    ACCEPT_AND_TAG
}
