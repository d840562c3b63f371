package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AtempoTest {
    @Test
    void everyFactorStaysWithinHalfAndDoubleAndTheProductIsTheSpeed() {
        for (double speed : new double[] {0.1, 0.3, 0.5, 0.95, 1.08, 2, 3, 7.5}) {
            List<Double> f = Atempo.factors(speed);
            assertThat(f).allSatisfy(x -> assertThat(x).isBetween(0.5, 2.0));
            assertThat(f.stream().reduce(1.0, (a, b) -> a * b)).isCloseTo(speed, within(1e-9));
        }
    }

    @Test
    void filterStrings() {
        assertThat(Atempo.filter(1)).isEmpty();
        assertThat(Atempo.filter(1.05)).isEqualTo("atempo=1.05");
        assertThat(Atempo.filter(3)).isEqualTo("atempo=2,atempo=1.5");
        assertThat(Atempo.filter(0.3)).isEqualTo("atempo=0.5,atempo=0.6");
    }
}
