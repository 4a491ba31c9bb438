package ch.postwall.server.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.server.PostwallPorts;
import ch.postwall.server.TestConfiguration;

class ConfigurationValidatorTest {
    @TempDir
    Path temporary;
    Path conf;

    @BeforeEach
    void copyShippedConfiguration() {
        conf = TestConfiguration.write(temporary.resolve("conf"), new PostwallPorts());
    }

    @Test
    void shippedConfigurationShouldBeValid() {
        assertThatCode(() -> new ConfigurationValidator(conf).validate()).doesNotThrowAnyException();
    }

    @Test
    void missingProtocolFileShouldFailNamingIt() throws IOException {
        // James alone would silently run without IMAP.
        Files.delete(conf.resolve("imapserver.xml"));
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("Missing configuration file")
            .hasMessageContaining(conf.resolve("imapserver.xml").toString());
    }

    @Test
    void missingMailetContainerShouldFailNamingIt() throws IOException {
        Files.delete(conf.resolve("mailetcontainer.xml"));
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .hasMessageContaining("mailetcontainer.xml");
    }

    @Test
    void malformedXmlShouldFailNamingTheFile() throws IOException {
        Files.writeString(conf.resolve("smtpserver.xml"), "<smtpservers><smtpserver>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("smtpserver.xml")
            .hasMessageContaining("not well-formed");
    }

    @Test
    void externalEntitiesShouldBeRefused() throws IOException {
        Files.writeString(conf.resolve("domainlist.xml"),
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><domainlist>&x;</domainlist>",
            StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .hasMessageContaining("domainlist.xml");
    }

    @Test
    void wrongRootElementShouldFailNamingTheExpectedOne() throws IOException {
        Files.writeString(conf.resolve("pop3server.xml"), "<imapservers/>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .hasMessageContaining("pop3server.xml")
            .hasMessageContaining("<pop3servers>");
    }

    @Test
    void enabledServerWithoutBindAddressShouldFail() throws IOException {
        Files.writeString(conf.resolve("lmtpserver.xml"), "<lmtpservers><lmtpserver enabled=\"true\"/></lmtpservers>",
            StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .hasMessageContaining("lmtpserver.xml")
            .hasMessageContaining("<bind>");
    }

    @Test
    void invalidWebAdminPortShouldFailNamingTheKey() throws IOException {
        Files.writeString(conf.resolve("webadmin.properties"), "enabled=true\nport=eighty\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigurationValidator(conf).validate())
            .hasMessageContaining("webadmin.properties")
            .hasMessageContaining("'port'");
    }

    @Test
    void missingDirectoryShouldFailNamingIt() {
        Path missing = temporary.resolve("nowhere");
        assertThatThrownBy(() -> new ConfigurationValidator(missing).validate())
            .hasMessageContaining(missing.toString());
    }
}
