package io.socialsync.publish.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WhenTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void readsAutoInstantsAndLocalTimes() {
        assertThat(When.parse(" AUTO ")).isInstanceOf(When.Auto.class);
        assertThat(When.parse("auto").resolve(NEW_YORK)).isNull();
        assertThat(When.parse("2025-01-15T20:00:00Z").resolve(NEW_YORK)).isEqualTo("2025-01-15T20:00:00Z");
        assertThat(When.parse("2025-01-15T21:00:00+01:00").resolve(NEW_YORK)).isEqualTo("2025-01-15T20:00:00Z");
        assertThat(When.parse("2025-01-15T15:00:00").resolve(NEW_YORK)).isEqualTo("2025-01-15T20:00:00Z");
    }

    @Test
    void aLocalTimeInTheGapMovesForwardAndOneInTheOverlapTakesTheEarlierOffset() {
        // 2025-03-09 02:30 does not exist in New York: it becomes 03:30 EDT
        assertThat(When.parse("2025-03-09T02:30:00").resolve(NEW_YORK))
                .isEqualTo(Instant.parse("2025-03-09T07:30:00Z"));
        // 2025-11-02 01:30 happens twice: the first one, EDT
        assertThat(When.parse("2025-11-02T01:30:00").resolve(NEW_YORK))
                .isEqualTo(Instant.parse("2025-11-02T05:30:00Z"));
    }

    @Test
    void anythingElseIsAnErrorThatSaysWhatIsExpected() {
        assertThatThrownBy(() -> When.parse("tomorrow")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> When.parse("")).hasMessageContaining("required");
    }
}
