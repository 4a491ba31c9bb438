package ch.postwall.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessCpuTimeTest {
    @Test
    void ticksShouldSumUserSystemAndReapedChildrenTimesWhateverTheCommandName() {
        String stat = "4242 (smtpd (x) y) S 1 4242 4242 0 -1 4194560 300 0 0 0 150 25 7 3 20 0 1 0 12345 1000 10";

        assertThat(ProcessCpuTime.ticks(stat)).isEqualTo(150 + 25 + 7 + 3);
    }

    @Test
    void theCpuTimeOfThisProcessShouldGrowByWhatThisThreadSpends() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Duration before = ProcessCpuTime.of(List.of(ProcessHandle.current()));
        long end = threads.getCurrentThreadCpuTime() + Duration.ofMillis(300).toNanos();
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            spins++;
        }
        Duration after = ProcessCpuTime.of(List.of(ProcessHandle.current()));

        assertThat(spins).isPositive();
        // Ticks are 10 ms: allow for one at each end.
        assertThat(after.minus(before)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }
}
