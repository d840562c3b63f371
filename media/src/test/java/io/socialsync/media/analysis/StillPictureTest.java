package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A label's "official audio" upload: one still picture (cover art) over a song. It used to yield no clips ("no
 * 15–60 s stretch has usable picture (mostly black or frozen)"); for music this is normal footage, so clips are
 * chosen by the audio and only what is both still and silent is rejected.
 */
class StillPictureTest {
    /**
     * A 90 s song: a quiet intro (0–20 s), a verse (20–55 s), a loud chorus with a beat every half second
     * (55–75 s), a quiet outro.
     */
    static final String SONG = "aevalsrc='if(lt(t,20),0.02*sin(2*PI*220*t),if(lt(t,55),0.08*sin(2*PI*330*t),"
            + "if(lt(t,75),0.3*sin(2*PI*440*t)+0.6*sin(2*PI*80*t)*exp(-12*mod(t,0.5)),0.03*sin(2*PI*220*t))))'"
            + ":s=44100:d=90";

    @TempDir
    Path work;

    private AnalysisResult analyse(Path video) {
        return new Analyser(TestMedia.ffmpeg(), work).analyse(video, new MediaProber(TestMedia.ffmpeg()).probe(video),
                ClipRules.DEFAULT, p -> {}, null);
    }

    /** One frame of testsrc2 held for 90 s, with {@code audio} (a lavfi audio source). */
    private Path still(String name, String audio) {
        return TestMedia.synth(work.resolve(name), "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25:duration=0.04,tpad=stop_mode=clone:stop_duration=90",
                "-f", "lavfi", "-i", audio, "-t", "90", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p",
                "-c:a", "aac");
    }

    @Test
    void coverArtOverASongIsCutWhereTheMusicIsLoud() {
        AnalysisResult r = analyse(still("official-audio.mp4", SONG));
        assertThat(r.signals().frozen()).as("the picture really is still").isNotEmpty();
        assertThat(r.noClipsReason()).isEmpty();
        r.clips().forEach(c -> System.out.println("  still: " + c));
        assertThat(r.clips()).hasSizeGreaterThanOrEqualTo(ClipRules.DEFAULT.minCount());
        ClipCandidate top = r.clips().getFirst();
        assertThat(top.interval().overlap(55, 75)).as("top clip %s covers the chorus", top).isGreaterThanOrEqualTo(15);
        assertThat(top.start()).as("and starts where the chorus comes in").isBetween(54.0, 56.0);
        assertThat(top.reason()).contains("over a still picture");
        assertThat(top.subScores().energy()).isGreaterThan(r.clips().getLast().subScores().energy());
    }

    @Test
    void aStillPictureOverSilenceIsStillNoClip() {
        AnalysisResult r = analyse(still("silent-still.mp4", "anullsrc=r=44100:cl=stereo:d=90"));
        assertThat(r.clips()).isEmpty();
        assertThat(r.noClipsReason()).hasValueSatisfying(why -> assertThat(why).contains("frozen and silent"));
    }
}
