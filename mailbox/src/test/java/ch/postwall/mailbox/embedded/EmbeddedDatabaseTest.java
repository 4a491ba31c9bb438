package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedDatabaseTest {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedDatabase database;

    @BeforeEach
    void setUp() {
        database = databaseExtension.database();
        database.createIfMissing("CREATE TABLE item (name VARCHAR(50) PRIMARY KEY)");
    }

    @Test
    void aFailingTransactionShouldLeaveNothingBehindAndTheNextOneShouldWork() {
        assertThatThrownBy(() -> database.inTransaction(connection -> {
            insert(connection, "lost");
            throw new IllegalStateException("the caller fails half-way");
        })).isInstanceOf(IllegalStateException.class);

        database.inTransaction(connection -> insert(connection, "kept"));

        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anSqlFailureShouldBeReportedAsAnEmbeddedDatabaseExceptionAndRolledBack() {
        assertThatThrownBy(() -> database.inTransaction(connection -> {
            insert(connection, "twice");
            return insert(connection, "twice");
        })).isInstanceOf(EmbeddedDatabaseException.class).hasMessageContaining("SQLState 23505");

        assertThat(count()).isZero();
    }

    @Test
    void transactionsShouldWorkAgainAfterTheDatabaseWasShutDownUnderneath() {
        database.inTransaction(connection -> insert(connection, "before"));
        try {
            DriverManager.getConnection(database.url() + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a successful shutdown with an exception (SQLState 08006).
        }

        database.inTransaction(connection -> insert(connection, "after"));

        assertThat(count()).isEqualTo(2);
    }

    private static Integer insert(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
            insert.setString(1, name);
            return insert.executeUpdate();
        }
    }

    private int count() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM item");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Test
    void compiledStatementsShouldStayCachedBeyondDerbysDefaultOfOneHundred() {
        int distinctStatements = 300;
        database.inTransaction(connection -> {
            for (int i = 0; i < distinctStatements; i++) {
                try (PreparedStatement statement = connection.prepareStatement("VALUES " + i)) {
                    statement.executeQuery().close();
                }
            }
            return null;
        });

        int cached = database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.STATEMENT_CACHE")) {
                result.next();
                return result.getInt(1);
            }
        });

        assertThat(cached).isGreaterThan(distinctStatements);
    }
}
