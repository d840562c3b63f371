package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonWriterTest {
    @Test
    void energeticMusicClip() {
        var s = new SubScores(85, 70, 80, 95, 100);
        assertThat(ReasonWriter.reason(s, 12, 2.1, 30, true, Boundary.CUT, Boundary.CUT, false)).isEqualTo(
                "High-energy audio with a clear beat and fast cuts; strong hook in the first 3 s; "
                        + "starts and ends on scene cuts.");
    }

    @Test
    void calmSilentClipWithBadFootage() {
        var s = new SubScores(30, 20, 20, 55, 20);
        assertThat(ReasonWriter.reason(s, 0, 0, 20, false, Boundary.MID_PHRASE, Boundary.NONE, false))
                .isEqualTo("Calm visuals in one continuous shot; slow start; some black, frozen or dark footage.");
    }
}
