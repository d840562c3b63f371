package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.FfmpegException;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end analysis of tiny synthetic videos with real FFmpeg. */
class AnalyserTest {
    /** Quiet tone (-40 dB) except a loud stretch 55–75 s. */
    static final String LOUD_55_TO_75 = "if(between(t,55,75),1,0.01)";

    @TempDir
    static Path shared;
    static Path loudQuiet;
    static MediaInfo loudQuietInfo;

    @TempDir
    Path scratch;

    private final MediaProber prober = new MediaProber(TestMedia.ffmpeg());

    @BeforeAll
    static void makeVideo() {
        loudQuiet = SyntheticVideos.withAudio(shared.resolve("loud-quiet.mp4"), 90, "320x180", LOUD_55_TO_75);
        loudQuietInfo = new MediaProber(TestMedia.ffmpeg()).probe(loudQuiet);
    }

    private AnalysisResult analyse(Path video, MediaInfo info, ClipRules rules) {
        return new Analyser(TestMedia.ffmpeg(), scratch).analyse(video, info, rules, p -> {}, null);
    }

    @Test
    void theFfmpegInUseHasEveryAnalysisFilter() {
        var info = TestMedia.ffmpeg().inspect();
        assertThat(Analyser.REQUIRED_FILTERS).allSatisfy(f -> assertThat(info.has(f)).as(f).isTrue());
    }

    @Test
    void topClipOverlapsTheLoudSection() {
        AnalysisResult r = analyse(loudQuiet, loudQuietInfo, ClipRules.DEFAULT);
        System.out.println("loud/quiet clips:");
        r.clips().forEach(c -> System.out.println("  " + c));
        assertThat(r.clips()).isNotEmpty();
        ClipCandidate top = r.clips().getFirst();
        assertThat(top.interval().overlap(55, 75)).as("top clip %s overlaps 55–75 s", top).isGreaterThan(10);
        assertThat(top.subScores().energy()).isGreaterThan(r.clips().getLast().subScores().energy());
        assertThat(top.reason()).isNotBlank().endsWith(".");
    }

    @Test
    void clipsRespectTheRules() {
        ClipRules rules = ClipRules.DEFAULT;
        AnalysisResult r = analyse(loudQuiet, loudQuietInfo, rules);
        double duration = r.signals().duration();
        assertThat(duration).isCloseTo(90, org.assertj.core.data.Offset.offset(0.1));
        assertThat(r.clips()).hasSizeBetween(rules.minCount(), rules.maxCount());
        for (ClipCandidate c : r.clips()) {
            assertThat(c.start()).isGreaterThanOrEqualTo(0);
            assertThat(c.end()).isLessThanOrEqualTo(duration + 1e-6);
            assertThat(c.length()).isBetween(15.0 - 1e-6, 60.0 + 1e-6);
            assertThat(c.score()).isBetween(0.0, 100.0);
        }
        for (int i = 0; i < r.clips().size(); i++) {
            for (int j = i + 1; j < r.clips().size(); j++) {
                assertThat(r.clips().get(i).interval().overlaps(r.clips().get(j).interval())).isFalse();
            }
        }
        assertThat(r.clips()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void sameInputGivesTheSameResult() {
        AnalysisResult a = analyse(loudQuiet, loudQuietInfo, ClipRules.DEFAULT);
        AnalysisResult b = analyse(loudQuiet, loudQuietInfo, ClipRules.DEFAULT);
        assertThat(b.clips()).isEqualTo(a.clips());
        assertThat(b.signals()).isEqualTo(a.signals());
    }

    @Test
    void reportsMonotonicProgressToOne() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        new Analyser(TestMedia.ffmpeg(), scratch).analyse(loudQuiet, loudQuietInfo, ClipRules.DEFAULT, seen::add, null);
        assertThat(seen).isSorted().contains(1.0);
        assertThat(seen.getFirst()).isZero();
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void videoWithoutAudioWorks() throws Exception {
        Path video = SyntheticVideos.withAudio(scratch.resolve("silent.mp4"), 40, "320x180", null);
        MediaInfo info = prober.probe(video);
        assertThat(info.hasAudio()).isFalse();
        // also proves temp paths are escaped inside the filtergraph
        Path odd = Files.createDirectories(scratch.resolve("odd: dir, [x]; 'q'"));
        AnalysisResult r = new Analyser(TestMedia.ffmpeg(), odd)
                .analyse(video, info, ClipRules.DEFAULT, p -> {}, null);
        assertThat(r.signals().hasAudio()).isFalse();
        assertThat(r.signals().loudness()).containsOnly(Signals.SILENCE_LUFS);
        assertThat(r.signals().flux()).containsOnly(0.0);
        assertThat(r.clips()).isNotEmpty().allSatisfy(c -> assertThat(c.reason()).contains("visuals"));
        assertThat(odd).isEmptyDirectory();
    }

    @Test
    void musicWithoutSpeechScoresItsBeatSection() {
        // 20 s of a soft steady tone, then 20 s of a 110 Hz "drum" hit every 0.5 s, about as loud
        String audio = "if(lt(t,20),0.1*sin(2*PI*220*t),0.4*sin(2*PI*110*t)*exp(-12*mod(t,0.5)))";
        Path video = TestMedia.synth(scratch.resolve("beats.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25:duration=40", "-f", "lavfi", "-i",
                "aevalsrc=exprs='" + audio + "':s=44100:d=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        AnalysisResult r = analyse(video, prober.probe(video), ClipRules.DEFAULT);
        double[] onsets = r.signals().onsets();
        double steady = java.util.Arrays.stream(onsets, 2, 19).average().orElseThrow();
        double beats = java.util.Arrays.stream(onsets, 22, 39).average().orElseThrow();
        assertThat(steady).as("onsets/s in the steady tone").isLessThan(0.5);
        assertThat(beats).as("onsets/s with two hits a second").isBetween(1.2, 3.0);
        assertThat(r.clips().getFirst().interval().overlap(20, 40)).isGreaterThanOrEqualTo(12);
    }

    @Test
    void shortVideoBecomesOneWholeClip() {
        Path video = SyntheticVideos.withAudio(scratch.resolve("short.mp4"), 8, "320x180", "1");
        AnalysisResult r = analyse(video, prober.probe(video), ClipRules.DEFAULT);
        assertThat(r.clips()).singleElement().satisfies(c -> {
            assertThat(c.start()).isZero();
            assertThat(c.end()).isCloseTo(8, org.assertj.core.data.Offset.offset(0.1));
            assertThat(c.reason()).startsWith("Whole video");
        });
        assertThat(r.noClipsReason()).isEmpty();
    }

    @Test
    void shortBlackVideoYieldsNoClipWithAReason() {
        Path video = TestMedia.synth(scratch.resolve("black.mp4"), "-f", "lavfi", "-i",
                "color=c=black:s=320x180:r=25:d=5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        AnalysisResult r = analyse(video, prober.probe(video), ClipRules.DEFAULT);
        assertThat(r.clips()).isEmpty();
        assertThat(r.noClipsReason()).hasValueSatisfying(why -> assertThat(why).contains("black"));
        assertThat(r.signals().black()).singleElement().satisfies(iv -> assertThat(iv.length()).isGreaterThan(4.5));
    }

    @Test
    void cancelMidAnalysisKillsFfmpegAndLeavesNoTempFiles() {
        // long enough (3 min) that progress is reported before the pass ends
        Path video = SyntheticVideos.withAudio(shared.resolve("long.mp4"), 180, "160x90", "1");
        MediaInfo info = prober.probe(video);
        Path root = scratch.resolve("analysis-root");
        CancelToken token = CancelToken.create();
        List<Double> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> new Analyser(TestMedia.ffmpeg(), root).analyse(video, info, ClipRules.DEFAULT,
                p -> {
                    seen.add(p);
                    if (p > 0) token.cancel();
                }, token)).isInstanceOf(FfmpegException.Cancelled.class);
        assertThat(seen).as("it was running").anyMatch(p -> p > 0);
        assertThat(TestMedia.liveFfmpegProcesses()).isEmpty();
        assertThat(root).isEmptyDirectory();
    }
}
