package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressParserTest {
    private final List<Progress> events = new ArrayList<>();

    private void feed(ProgressParser parser, String block) {
        block.lines().forEach(parser);
    }

    @Test
    void turnsBlocksIntoPercentOfTheExpectedDuration() {
        var parser = new ProgressParser(Duration.ofSeconds(4), events::add);
        feed(parser, """
                frame=0
                out_time_us=N/A
                speed=N/A
                progress=continue
                frame=25
                out_time_us=1000000
                out_time_ms=1000000
                speed=2.5x
                progress=continue
                frame=100
                out_time_us=4200000
                speed= 3x
                progress=end
                """);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).outTime()).isZero();
        assertThat(events.get(0).percent()).hasValue(0);
        assertThat(events.get(1).percent()).hasValue(25);
        assertThat(events.get(1).frame()).isEqualTo(25);
        assertThat(events.get(1).speed()).isEqualTo(2.5);
        assertThat(events.get(2).done()).isTrue();
        assertThat(events.get(2).percent()).hasValue(100);
    }

    @Test
    void unknownTotalGivesNoPercent() {
        var parser = new ProgressParser(Duration.ZERO, events::add);
        feed(parser, "out_time_us=500000\nprogress=continue\n");
        assertThat(events.getFirst().percent()).isEmpty();
        assertThat(events.getFirst().outTime()).isEqualTo(Duration.ofMillis(500));
    }
}
