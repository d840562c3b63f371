package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static io.socialsync.media.analysis.SyntheticVideos.src;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import io.socialsync.media.analysis.SyntheticVideos.Segment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip edited by a person is scored by the analysis's own rules, so its score ranks among the analysis's. */
class ScoreWindowTest {
    /** Shot changes at 8, 16 and 24 s; loud from 10 to 20 s. */
    private static final ClipRules RULES = new ClipRules(Duration.ofSeconds(5), Duration.ofSeconds(12), 2, 3);

    @TempDir
    static Path shared;
    static Path video;
    static MediaInfo info;
    static AnalysisResult analysis;

    @BeforeAll
    static void analyse() {
        video = SyntheticVideos.concatWithBFrames(shared.resolve("shots.mp4"), List.of(
                new Segment(src("testsrc2"), 8), new Segment(src("mandelbrot"), 8),
                new Segment(src("smptebars"), 8), new Segment(src("rgbtestsrc"), 8)), "if(between(t,10,20),1,0.01)");
        info = new MediaProber(TestMedia.ffmpeg()).probe(video);
        analysis = new Analyser(TestMedia.ffmpeg(), shared).analyse(video, info, RULES, p -> {}, null);
    }

    @Test
    void theAnalysisWindowsScoreTheSameWhenScoredAlone() {
        assertThat(analysis.clips()).isNotEmpty();
        for (ClipCandidate c : analysis.clips()) {
            ClipCandidate again = Analyser.score(analysis.signals(), c.start(), c.end());
            assertThat(again.score()).as("%s", c).isEqualTo(c.score());
            assertThat(again.subScores()).isEqualTo(c.subScores());
            assertThat(again.reason()).isEqualTo(c.reason());
        }
    }

    @Test
    void scoreWindowDecodesTheVideoAndGivesTheAnalysisScore() {
        ClipCandidate top = analysis.clips().getFirst();
        var progress = new java.util.concurrent.CopyOnWriteArrayList<Double>();
        var r = new Analyser(TestMedia.ffmpeg(), shared).scoreWindow(video, info, top.start(), top.end(),
                progress::add, null);
        assertThat(r.signals()).isEqualTo(analysis.signals());
        assertThat(r.clips()).containsExactly(top);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void anEditedWindowKeepsItsEdgesAndLosesContinuityOffTheCuts() {
        ClipCandidate onCuts = Analyser.score(analysis.signals(), 8, 16);
        ClipCandidate midShot = Analyser.score(analysis.signals(), 9.3, 15.1);
        assertThat(midShot.start()).isEqualTo(9.3);
        assertThat(midShot.end()).isEqualTo(15.1);
        assertThat(onCuts.subScores().continuity()).isEqualTo(100.0);
        assertThat(midShot.subScores().continuity()).isLessThan(onCuts.subScores().continuity());
        assertThat(onCuts.reason()).contains("starts and ends on scene cuts");
    }

    @Test
    void aWindowOutsideTheVideoIsRefused() {
        var analyser = new Analyser(TestMedia.ffmpeg(), shared);
        assertThatThrownBy(() -> analyser.scoreWindow(video, info, 20, 40, p -> {}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyser.scoreWindow(video, info, 10, 10, p -> {}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
