package ch.postwall.mailbox.embedded;

import java.sql.PreparedStatement;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.jpa.quota.JpaCurrentQuotaManager;
import org.apache.james.mailbox.model.QuotaOperation;

import reactor.core.publisher.Mono;

/**
 * James's JPA current quotas, each change made by one SQL update of James's row (inserted when missing): James read
 * the row through OpenJPA and merged a new one, for every delivered and every expunged message, which cost several
 * times the update itself. The update adds to the stored values, so it is right whatever else changed them.
 */
public class SqlCurrentQuotaManager extends JpaCurrentQuotaManager {
    private static final String ADD = "UPDATE APP.JAMES_QUOTA_CURRENTQUOTA SET CURRENTQUOTA_MESSAGECOUNT = CURRENTQUOTA_MESSAGECOUNT + ?, "
        + "CURRENTQUOTA_SIZE = CURRENTQUOTA_SIZE + ? WHERE CURRENTQUOTA_QUOTAROOT = ?";
    private static final String INSERT = "INSERT INTO APP.JAMES_QUOTA_CURRENTQUOTA "
        + "(CURRENTQUOTA_QUOTAROOT, CURRENTQUOTA_MESSAGECOUNT, CURRENTQUOTA_SIZE) VALUES (?, ?, ?)";

    private final EmbeddedDatabase database;

    @Inject
    public SqlCurrentQuotaManager(EntityManagerFactory entityManagerFactory, EmbeddedDatabase database) {
        super(entityManagerFactory);
        this.database = database;
    }

    @Override
    public Mono<Void> increase(QuotaOperation operation) {
        return add(operation, 1);
    }

    @Override
    public Mono<Void> decrease(QuotaOperation operation) {
        return add(operation, -1);
    }

    private Mono<Void> add(QuotaOperation operation, int sign) {
        long count = sign * operation.count().asLong();
        long size = sign * operation.size().asLong();
        String root = operation.quotaRoot().getValue();
        return Mono.fromRunnable(() -> database.inTransaction(connection -> {
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                add.setLong(1, count);
                add.setLong(2, size);
                add.setString(3, root);
                if (add.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, root);
                insert.setLong(2, count);
                insert.setLong(3, size);
                insert.executeUpdate();
            }
            return null;
        }));
    }
}
