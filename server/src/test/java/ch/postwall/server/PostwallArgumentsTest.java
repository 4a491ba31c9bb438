package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PostwallArgumentsTest {
    @Test
    void defaultsShouldBeConfAndVarOfTheWorkingDirectory() {
        PostwallArguments arguments = PostwallArguments.parse(new String[0]);
        assertThat(arguments.configurationDirectory()).isEqualTo(Path.of("conf").toAbsolutePath());
        assertThat(arguments.dataDirectory()).isEqualTo(Path.of("var").toAbsolutePath());
    }

    @Test
    void optionsShouldSetBothDirectories() {
        PostwallArguments arguments = PostwallArguments.parse(new String[] {"--data", "/srv/mail", "--conf", "/etc/postwall"});
        assertThat(arguments.configurationDirectory()).isEqualTo(Path.of("/etc/postwall"));
        assertThat(arguments.dataDirectory()).isEqualTo(Path.of("/srv/mail"));
    }

    @Test
    void unknownOptionShouldBeRefused() {
        assertThatThrownBy(() -> PostwallArguments.parse(new String[] {"--dta", "/srv"}))
            .hasMessageContaining("--dta");
    }

    @Test
    void optionWithoutValueShouldBeRefused() {
        assertThatThrownBy(() -> PostwallArguments.parse(new String[] {"--conf"}))
            .hasMessageContaining("--conf");
    }
}
