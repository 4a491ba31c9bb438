package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The shipped {@code conf/jvm.options}, as the README's start reads it: every option taken by this JDK's launcher. */
class JvmOptionsTest {
    private static final Pattern FLAG = Pattern.compile("-XX:([+-]?)(\\w+)(?:=(\\S+))?");

    @Test
    void everyShippedOptionShouldBeTakenByTheJavaLauncher() throws Exception {
        Path options = TestConfiguration.shippedConfiguration().resolve("jvm.options");
        Process java = new ProcessBuilder(PostwallProcess.javaExecutable(),
            "@" + options, "-XX:+PrintFlagsFinal", "-version")
            .redirectErrorStream(true)
            .start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(java.exitValue()).as(output).isZero();
        List<String> flags = hotSpotFlags(options);
        assertThat(flags).isNotEmpty();
        for (String flag : flags) {
            Matcher matcher = FLAG.matcher(flag);
            assertThat(matcher.matches()).as(flag).isTrue();
            String value = matcher.group(3) != null ? matcher.group(3) : String.valueOf(!matcher.group(1).equals("-"));
            assertThat(output).as(flag)
                .containsPattern("\\s" + matcher.group(2) + "\\s+= " + Pattern.quote(value) + "\\s.*\\{command line\\}");
        }
    }

    private static List<String> hotSpotFlags(Path options) throws IOException {
        return Files.readAllLines(options).stream()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> line.startsWith("-XX:"))
            .toList();
    }
}
