package ch.postwall.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkParametersTest {
    @Test
    void parseShouldGiveTheIssueDefaultsWhenNoOptionIsGiven() {
        BenchmarkParameters parameters = BenchmarkParameters.parse();

        assertThat(parameters.messages).isEqualTo(2000);
        assertThat(parameters.sizeKb).isEqualTo(10);
        assertThat(parameters.sessions).isEqualTo(10);
        assertThat(parameters.requests).isEqualTo(200);
        assertThat(parameters.warmup).isEqualTo(40000);
        assertThat(parameters.reference).isTrue();
        assertThat(parameters.backend).isEqualTo(BenchmarkParameters.Backend.EMBEDDED);
        assertThat(parameters.filter).isEqualTo(BenchmarkParameters.Filter.OFFLINE);
        assertThat(parameters.attachments).isFalse();
        assertThat(parameters.lagSamples).isEqualTo(100);
        assertThat(parameters.overheadMessages).isEqualTo(1000);
    }

    @Test
    void parseShouldTakeEveryOptionWhenGiven() {
        BenchmarkParameters parameters = BenchmarkParameters.parse("--messages=500", "--size-kb=50", "--sessions=5",
            "--requests=20", "--warmup=0", "--reference=false", "--backend=distributed", "--filter=scanners", "--attachments=true",
            "--lag-samples=0", "--overhead-messages=50");

        assertThat(parameters.messages).isEqualTo(500);
        assertThat(parameters.sizeKb).isEqualTo(50);
        assertThat(parameters.sessions).isEqualTo(5);
        assertThat(parameters.requests).isEqualTo(20);
        assertThat(parameters.warmup).isZero();
        assertThat(parameters.reference).isFalse();
        assertThat(parameters.backend).isEqualTo(BenchmarkParameters.Backend.DISTRIBUTED);
        assertThat(parameters.filter).isEqualTo(BenchmarkParameters.Filter.SCANNERS);
        assertThat(parameters.attachments).isTrue();
        assertThat(parameters.lagSamples).isZero();
        assertThat(parameters.overheadMessages).isEqualTo(50);
    }

    @Test
    void parseShouldNameTheOptionWhenItIsUnknown() {
        assertThatThrownBy(() -> BenchmarkParameters.parse("--mesages=10"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--mesages=10");
    }

    @Test
    void parseShouldNameTheOptionWhenItsValueIsInvalid() {
        assertThatThrownBy(() -> BenchmarkParameters.parse("--sessions=0"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--sessions");
        assertThatThrownBy(() -> BenchmarkParameters.parse("--reference=yes"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--reference");
        assertThatThrownBy(() -> BenchmarkParameters.parse("--backend=cassandra"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--backend").hasMessageContaining("distributed");
    }

    @Test
    void parseShouldRejectMoreSessionsThanMessages() {
        assertThatThrownBy(() -> BenchmarkParameters.parse("--messages=5", "--sessions=10"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--sessions=10");
    }
}
