package ch.postwall.mailbox.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

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
    // Opening a Derby connection costs more than a small transaction on it: finished transactions hand theirs on.
    private static final int MAX_IDLE_CONNECTIONS = 8;
    /**
     * Derby keeps this many compiled statements (default 100). James's JPA stores and ours use more distinct
     * statements than that on a busy server: each one evicted is parsed, optimised and compiled into a new Java class
     * again on its next use, and the class churn keeps the JIT recompiling. Read when a database boots.
     */
    static final String STATEMENT_CACHE_SIZE_PROPERTY = "derby.language.statementCacheSize";
    static final int STATEMENT_CACHE_SIZE = 1000;

    static {
        if (System.getProperty(STATEMENT_CACHE_SIZE_PROPERTY) == null) {
            System.setProperty(STATEMENT_CACHE_SIZE_PROPERTY, Integer.toString(STATEMENT_CACHE_SIZE));
        }
    }

    public static EmbeddedDatabase inDirectory(Path directory) {
        return new EmbeddedDatabase("jdbc:derby:" + directory.toAbsolutePath());
    }

    /** A database living in memory only, for tests. */
    public static EmbeddedDatabase inMemory(String name) {
        return new EmbeddedDatabase("jdbc:derby:memory:" + name);
    }

    private final String url;
    private final Deque<Connection> idleConnections = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

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
        Connection connection = borrowConnection();
        boolean committed = false;
        try {
            T result = function.apply(connection);
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(e);
        } finally {
            if (committed) {
                giveBack(connection);
            } else {
                rollBackAndGiveBack(connection);
            }
        }
    }

    private Connection borrowConnection() {
        for (Connection idle = idleConnections.pollFirst(); idle != null; idle = idleConnections.pollFirst()) {
            idleCount.decrementAndGet();
            if (isOpen(idle)) {
                return idle;
            }
        }
        try {
            Connection connection = openConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(e);
        }
    }

    /** OpenJPA shuts the Derby database down when its factory closes, which ends our idle connections too. */
    private static boolean isOpen(Connection connection) {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    private void giveBack(Connection connection) {
        if (idleCount.incrementAndGet() <= MAX_IDLE_CONNECTIONS) {
            idleConnections.offerFirst(connection);
        } else {
            idleCount.decrementAndGet();
            closeQuietly(connection);
        }
    }

    /** A connection whose rollback fails is in an unknown state: it is closed, not reused. */
    private void rollBackAndGiveBack(Connection connection) {
        try {
            connection.rollback();
            giveBack(connection);
        } catch (SQLException e) {
            LOGGER.warn("Rollback failed on {}; closing the connection", url, e);
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOGGER.debug("Cannot close a database connection", e);
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
        for (Connection idle = idleConnections.pollFirst(); idle != null; idle = idleConnections.pollFirst()) {
            idleCount.decrementAndGet();
            closeQuietly(idle);
        }
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
