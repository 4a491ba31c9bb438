package ch.postwall.retention.wipe;

import java.sql.PreparedStatement;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.quota.QuotaRootResolver;

import ch.postwall.mailbox.embedded.BackgroundQuotaUpdater;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.RememberedQuotaLimits;
import ch.postwall.mailbox.embedded.RememberedQuotaUsage;
import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * Deletes the rows James's JPA stores keep after the mailbox step (found by the embedded "assert empty" test): the
 * quota store's rows (removing a limit only clears its value, and the current usage row stays at zero), and the URLs
 * of mail repositories named after the user (the quarantine), which outlive their emptied repository. The quota
 * updates of the mailbox step's deletions run in the background: they are waited for, or one would write the usage
 * row again after its deletion. The quota limits and usage the server remembers are forgotten with their rows.
 */
public class EmbeddedLeftoversWipeStep implements WipeStep {
    public static final String NAME = "embedded-leftovers";
    private static final String[] USER_TABLES = {
        "JAMES_MAX_USER_MESSAGE_COUNT.QUOTAROOT_ID", "JAMES_MAX_USER_STORAGE.QUOTAROOT_ID",
        "JAMES_QUOTA_CURRENTQUOTA.CURRENTQUOTA_QUOTAROOT"};
    private static final String[] DOMAIN_TABLES = {"JAMES_MAX_DOMAIN_MESSAGE_COUNT.DOMAIN", "JAMES_MAX_DOMAIN_STORAGE.DOMAIN"};
    private static final String[] REPOSITORY_URLS = {"JAMES_MAIL_REPOS.MAIL_REPO_NAME"};

    private final EmbeddedDatabase database;
    private final QuotaRootResolver quotaRootResolver;
    private final BackgroundQuotaUpdater quotaUpdater;
    private final RememberedQuotaLimits rememberedLimits;
    private final RememberedQuotaUsage rememberedUsage;

    @Inject
    public EmbeddedLeftoversWipeStep(EmbeddedDatabase database, QuotaRootResolver quotaRootResolver, BackgroundQuotaUpdater quotaUpdater,
                                     RememberedQuotaLimits rememberedLimits, RememberedQuotaUsage rememberedUsage) {
        this.database = database;
        this.quotaRootResolver = quotaRootResolver;
        this.quotaUpdater = quotaUpdater;
        this.rememberedLimits = rememberedLimits;
        this.rememberedUsage = rememberedUsage;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return ACCOUNT_ORDER + 1;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        quotaUpdater.updatedSoFar().block();
        try {
            return new DeletionCounts(Map.of(
                "quotaRows", delete(USER_TABLES, " = ?", quotaRootResolver.getQuotaRoot(MailboxPath.inbox(user)).getValue()),
                "mailRepositoryUrls", delete(REPOSITORY_URLS, " LIKE ?", "%/" + user.asString())));
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot resolve the quota root of " + user.asString(), e);
        }
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        quotaUpdater.updatedSoFar().block();
        return new DeletionCounts(Map.of(
            "quotaRows", delete(USER_TABLES, " LIKE ?", "%@" + domain.asString()) + delete(DOMAIN_TABLES, " = ?", domain.asString()),
            "mailRepositoryUrls", delete(REPOSITORY_URLS, " LIKE ?", "%@" + domain.asString())));
    }

    /** @param columns table.column pairs of the rows to delete */
    private long delete(String[] columns, String condition, String value) {
        try {
            return deleteRows(columns, condition, value);
        } finally {
            rememberedLimits.forgetAll();
            rememberedUsage.forgetAll();
        }
    }

    private long deleteRows(String[] columns, String condition, String value) {
        return database.inTransaction(connection -> {
            long deleted = 0;
            for (String column : columns) {
                String table = column.substring(0, column.indexOf('.'));
                try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE " + column.substring(table.length() + 1) + condition)) {
                    delete.setString(1, value);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }
}
