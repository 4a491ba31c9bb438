package ch.postwall.mailbox.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test a fresh in-memory Derby database, dropped afterwards. */
public class EmbeddedDatabaseExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EmbeddedDatabase database;

    @Override
    public void beforeEach(ExtensionContext context) {
        database = EmbeddedDatabase.inMemory("test" + COUNTER.incrementAndGet());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.close();
        try {
            java.sql.DriverManager.getConnection(database.url() + ";drop=true");
        } catch (java.sql.SQLException expected) {
            // Derby answers a successful drop with an exception (SQLState 08006).
        }
    }

    public EmbeddedDatabase database() {
        return database;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database;
    }
}
