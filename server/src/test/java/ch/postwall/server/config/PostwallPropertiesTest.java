package ch.postwall.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PostwallPropertiesTest {
    private static final Path FILE = Path.of("conf", "postwall.properties");

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsShouldBeEmbeddedBackendAndGeneratedAdminPassword() {
        PostwallProperties loaded = PostwallProperties.from(FILE, properties());
        assertThat(loaded.backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(loaded.adminUsername()).isEqualTo("admin");
        assertThat(loaded.adminPassword()).isEmpty();
    }

    @Test
    void unknownKeyShouldFailNamingTheFileAndTheKey() {
        assertThatThrownBy(() -> PostwallProperties.from(FILE, properties("backend", "embedded", "bakend", "distributed")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("postwall.properties")
            .hasMessageContaining("bakend");
    }

    @Test
    void unknownBackendShouldFailNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> PostwallProperties.from(FILE, properties("backend", "mysql")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'backend'")
            .hasMessageContaining("mysql")
            .hasMessageContaining("embedded, distributed");
    }

    @Test
    void backendShouldBeCaseInsensitive() {
        assertThat(PostwallProperties.from(FILE, properties("backend", " Distributed ")).backend()).isEqualTo(Backend.DISTRIBUTED);
    }

    @Test
    void missingFileShouldFailNamingIt() {
        assertThatThrownBy(() -> PostwallProperties.load(Path.of("/nonexistent/postwall.properties")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("/nonexistent/postwall.properties");
    }
}
