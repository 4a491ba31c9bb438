package ch.postwall.mailbox.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Derby database holding Postwall's own stores on the embedded backend.
 * James's JPA stores use the same database through OpenJPA; Derby allows both inside one JVM.
 */
public class EmbeddedDatabase implements AutoCloseable {
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String TABLE_EXISTS = "X0Y32";

    public static EmbeddedDatabase inDirectory(Path directory) {
        return new EmbeddedDatabase("jdbc:derby:" + directory.toAbsolutePath());
    }

    /** A database living in memory only, for tests. */
    public static EmbeddedDatabase inMemory(String name) {
        return new EmbeddedDatabase("jdbc:derby:memory:" + name);
    }

    private final String url;

    private EmbeddedDatabase(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(url + ";create=true");
    }

    /** Runs the function in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlFunction<T> function) {
        try (Connection connection = openConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = function.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(e);
        }
    }

    /** Creates each table (or index) from its DDL unless it exists already. */
    public void createIfMissing(String... ddlStatements) {
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : ddlStatements) {
                    try {
                        statement.execute(ddl);
                    } catch (SQLException e) {
                        if (!TABLE_EXISTS.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException e) {
            // Derby reports a successful shutdown of one database with SQLState 08006.
            if (!"08006".equals(e.getSQLState())) {
                LOGGER.warn("Embedded database {} did not shut down cleanly", url, e);
            }
        }
    }
}
