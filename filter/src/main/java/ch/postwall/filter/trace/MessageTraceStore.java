package ch.postwall.filter.trace;

import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

/**
 * The processed-message log. Entries expire after the configured retention
 * ({@link MessageTraceConfiguration}): no operation returns an expired entry, and expired
 * entries are deleted, by {@link #purgeExpired()} or by the backend's own expiry.
 */
public interface MessageTraceStore {
    void append(MessageTrace trace);

    /** Records how delivery went; returns false when no live entry has this id. */
    boolean updateDelivery(String traceId, DeliveryStatus delivery);

    /** Live entries matching the query, newest first (ties by id), paged. */
    List<MessageTrace> search(MessageTraceQuery query);

    /** Every live entry the user sent or received, newest first: the user's export. */
    List<MessageTrace> listByUser(MailAddress user);

    /** Deletes every entry the user sent or received. */
    void deleteUser(MailAddress user);

    /** Deletes every entry with the domain's sender or one of its recipients. */
    void deleteDomain(Domain domain);

    /** Deletes the expired entries and returns how many there were. */
    int purgeExpired();
}
