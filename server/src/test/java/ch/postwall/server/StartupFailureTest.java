package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot run as configured refuses to start, with one clear message: it never half-runs. */
class StartupFailureTest {
    @TempDir
    Path work;

    @Test
    void missingProtocolFileShouldStopTheStartNamingTheFile() throws IOException {
        PostwallProcess server = new PostwallProcess(work, new PostwallPorts(), List.of());
        Files.delete(server.configurationDirectory().resolve("imapserver.xml"));

        PostwallProcess.Exit exit = server.runUntilExit();

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.output()).contains("Missing configuration file " + server.configurationDirectory().resolve("imapserver.xml"));
    }

    @Test
    void secondServerOnTheSameDataDirectoryShouldBeRefused() {
        try (PostwallProcess first = new PostwallProcess(work, new PostwallPorts(), List.of()).start()) {
            PostwallProcess.Exit exit = new PostwallProcess(work.resolve("second"), new PostwallPorts(), List.of())
                .withDataDirectory(first.dataDirectory())
                .runUntilExit();

            assertThat(exit.code()).isEqualTo(1);
            assertThat(exit.output()).contains("is in use by another Postwall server");
        }
    }
}
