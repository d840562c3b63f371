package io.socialsync.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.render.OutputProbe;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatTest {
    private final Editor editor = new Editor(TestMedia.ffmpeg());

    @TempDir
    Path work;

    @Test
    void differentSizesFrameRatesAndSampleRatesAreNormalisedToTheFirstInput() {
        Path a = EditMedia.clip(work.resolve("a.mp4"), "320x180", 25, 44100, 1);
        Path b = EditMedia.clip(work.resolve("b.mp4"), "180x320", 30, 48000, 1.5);
        var r = editor.apply(new EditOperation.Concatenate(List.of(a, b), null), work.resolve("ab.mp4"),
                RunOptions.defaults());
        OutputProbe p = OutputProbe.of(TestMedia.ffmpeg(), r.output(), null);
        assertThat(p.width() + "x" + p.height()).isEqualTo("320x180");
        assertThat(p.fps().value()).isEqualTo(25);
        assertThat(p.sampleRate()).isEqualTo(44100);
        assertThat(p.channels()).isEqualTo(2);
        assertThat(p.videoSeconds()).isCloseTo(2.5, within(0.1));
        assertThat(p.audioSeconds()).isCloseTo(p.videoSeconds(), within(0.1));
        assertThat(p.profile()).isEqualTo("High");
    }

    @Test
    void aTargetFormatAndAnInputWithoutAudio() {
        Path a = EditMedia.silentClip(work.resolve("a.mp4"), "320x180", 25, 1);
        Path b = EditMedia.clip(work.resolve("b.mp4"), "200x200", 30, 22050, 1);
        var square = new PlatformFormat("square", 240, 240, Duration.ofMinutes(1), 30, 100_000_000);
        var r = editor.apply(new EditOperation.Concatenate(List.of(a, b), square), work.resolve("ab.mp4"),
                RunOptions.defaults());
        OutputProbe p = OutputProbe.of(TestMedia.ffmpeg(), r.output(), null);
        assertThat(p.width() + "x" + p.height()).isEqualTo("240x240");
        assertThat(p.sampleRate()).isEqualTo(48000);
        assertThat(p.videoSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(p.audioSeconds()).as("no edit list, priming cut").isCloseTo(p.videoSeconds(), within(1 / 30.0));
        assertThat(p.fps().value()).as("the format's floor is 1 fps: the first input's rate").isEqualTo(25);
    }

    @Test
    void anAnamorphicInputFillsAFrameOfItsShownShapeWithoutBars() throws Exception {
        // white, 720x576 stored at 64:45: a 16:9 picture that, read as 5:4 pixels, would sit between black bars
        Path sd = TestMedia.synth(work.resolve("sd.mp4"), "-f", "lavfi", "-i", "color=white:size=720x576:rate=25:d=1",
                "-c:v", "libx264", "-preset", "ultrafast", "-aspect", "16:9");
        var wide = new PlatformFormat("wide", 320, 180, Duration.ofMinutes(1), 30, 100_000_000);
        var r = editor.apply(new EditOperation.Concatenate(List.of(sd, sd), wide), work.resolve("sd2.mp4"),
                RunOptions.defaults());
        Path edge = work.resolve("edge.gray");
        TestMedia.ffmpeg().run(List.of("-y", "-ss", "0.5", "-i", Ffmpeg.fileArg(r.output()), "-frames:v", "1", "-vf",
                "crop=8:ih:0:0,scale=1:1,format=gray", "-f", "rawvideo", Ffmpeg.fileArg(edge)), RunOptions.defaults());
        assertThat(Files.readAllBytes(edge)[0] & 0xff).as("left edge luma: white, not a black bar").isGreaterThan(200);
    }
}
