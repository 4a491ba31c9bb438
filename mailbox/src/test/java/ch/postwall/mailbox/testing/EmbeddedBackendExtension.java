package ch.postwall.mailbox.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.google.inject.Key;

/** One embedded {@link BackendTestServer} for all tests of a class; register it as a static field. */
public class EmbeddedBackendExtension implements BeforeAllCallback, AfterAllCallback {
    private BackendTestServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = BackendTestServer.embedded();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    public <T> T instance(Class<T> type) {
        return server.instance(type);
    }

    public <T> T instance(Key<T> key) {
        return server.instance(key);
    }
}
