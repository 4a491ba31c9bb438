package ch.postwall.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** One real Postwall server process per test class, in a temporary directory removed afterwards. */
public class PostwallServerExtension implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback, ParameterResolver {
    /** Changes a test server's copy of conf/ before it starts, e.g. to choose another backend. */
    @FunctionalInterface
    public interface ConfigurationChange {
        void apply(Path configurationDirectory) throws IOException;
    }

    private final List<String> extraJvmOptions;
    private final Supplier<Map<String, String>> filterProperties;
    private final ConfigurationChange configurationChange;
    private Path workDirectory;
    private PostwallProcess server;

    public PostwallServerExtension() {
        this(List.of());
    }

    public PostwallServerExtension(List<String> extraJvmOptions) {
        this(extraJvmOptions, () -> TestConfiguration.OFFLINE_FILTER, configurationDirectory -> { });
    }

    /** The filter settings are asked for at start, once the scanners they point at are running. */
    public PostwallServerExtension(List<String> extraJvmOptions, Supplier<Map<String, String>> filterProperties) {
        this(extraJvmOptions, filterProperties, configurationDirectory -> { });
    }

    public PostwallServerExtension(List<String> extraJvmOptions, ConfigurationChange configurationChange) {
        this(extraJvmOptions, () -> TestConfiguration.OFFLINE_FILTER, configurationChange);
    }

    public PostwallServerExtension(List<String> extraJvmOptions, Supplier<Map<String, String>> filterProperties,
                                   ConfigurationChange configurationChange) {
        this.extraJvmOptions = extraJvmOptions;
        this.filterProperties = filterProperties;
        this.configurationChange = configurationChange;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        workDirectory = Files.createTempDirectory("postwall-test");
        server = new PostwallProcess(workDirectory, new PostwallPorts(), extraJvmOptions, filterProperties.get());
        configurationChange.apply(server.configurationDirectory());
        server.start();
    }

    /** The server's log goes with its temporary directory: a failed test shows its end, for failures seen only in CI. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        context.getExecutionException().ifPresent(failure ->
            System.err.println("Postwall warnings and errors before " + context.getDisplayName() + " failed:\n"
                + server.logProblems() + "\nPostwall log tail:\n" + server.logTail()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        deleteRecursively(workDirectory);
    }

    public PostwallProcess server() {
        return server;
    }

    public WebAdminClient webAdmin() {
        return new WebAdminClient(server.ports().webAdmin, "admin", TestConfiguration.ADMIN_PASSWORD);
    }

    /** The REST API, signed in with a mail address or a staff login; trusts the server's self-signed certificate. */
    public WebAdminClient api(String login, String password) {
        return WebAdminClient.api(server.ports().api,
            MailClients.trustingContext(server.dataDirectory().resolve("tls").resolve("selfsigned-cert.pem")), login, password);
    }

    public MailClients mail() {
        return new MailClients(server);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostwallServerExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return this;
    }

    public static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
