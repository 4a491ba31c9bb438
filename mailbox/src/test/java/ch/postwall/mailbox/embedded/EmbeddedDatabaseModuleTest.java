package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedDatabaseModuleTest {
    // What OpenJPA sends for James's countUnseenMessagesInMailbox query.
    private static final String COUNT_UNSEEN =
        "SELECT COUNT(t0.MAILBOX_ID) FROM JAMES_MAIL t0 WHERE (t0.MAILBOX_ID = ? AND t0.MAIL_IS_SEEN = ?)";

    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    @Test
    void theUnseenCountOfAMailboxShouldBeAnsweredFromTheIndexNotTheMessageRows(EmbeddedDatabase database) throws SQLException {
        new EmbeddedDatabaseModule().provideEntityManagerFactory(database).close();

        assertThat(planOfUnseenCount(database))
            .contains("POSTWALL_MAIL_MAILBOX_SEEN")
            .doesNotContain("Table Scan");
    }

    @Test
    void aSecondStartShouldKeepTheExistingIndex(EmbeddedDatabase database) throws SQLException {
        new EmbeddedDatabaseModule().provideEntityManagerFactory(database).close();
        EntityManagerFactory restarted = new EmbeddedDatabaseModule().provideEntityManagerFactory(database);
        restarted.close();

        assertThat(planOfUnseenCount(database)).contains("POSTWALL_MAIL_MAILBOX_SEEN");
    }

    private static String planOfUnseenCount(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = database.openConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            try (PreparedStatement count = connection.prepareStatement(COUNT_UNSEEN)) {
                count.setLong(1, 1);
                count.setBoolean(2, false);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
            }
            try (CallableStatement plan = connection.prepareCall("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
                 ResultSet rows = plan.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
