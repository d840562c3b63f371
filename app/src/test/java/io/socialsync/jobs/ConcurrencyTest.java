package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private final JobSpec render = new JobSpec("RENDER_VARIANTS", 3, Duration.ofHours(1), 1);
    private final JobSpec analyse = new JobSpec("ANALYSE_VIDEO", 3, Duration.ofHours(2), 1);

    @Test
    void anOperatorsNumberReplacesTheKindsOwnAndOthersKeepTheirs() {
        var c = Concurrency.parse(" RENDER_VARIANTS=3 , NOOP=8");
        assertThat(c.of(render)).isEqualTo(3);
        assertThat(c.of(analyse)).isEqualTo(1);
        assertThat(Concurrency.parse("").of(render)).isEqualTo(1);
        assertThat(Concurrency.parse(null).of(render)).isEqualTo(1);
    }

    @Test
    void aMalformedValueIsRefusedWithWhatIsWrong() {
        for (String bad : new String[] {"RENDER_VARIANTS", "RENDER_VARIANTS=0", "RENDER_VARIANTS=many", "=2",
                "RENDER_VARIANTS=65"}) {
            assertThatThrownBy(() -> Concurrency.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not KIND=N with N from 1 to 64");
        }
    }
}
