package ch.postwall.filter.trace;

/** Where a traced message stands; updated as delivery progresses. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    RELAYED,
    DEFERRED,
    BOUNCED,
    QUARANTINED,
    REJECTED
}
