package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {
    @TempDir
    Path work;

    private final MediaProber prober = new MediaProber(TestMedia.ffmpeg());
    private final Thumbnails thumbnails = new Thumbnails(TestMedia.ffmpeg());

    @Test
    void writesAValidJpegPerClipAndAContactSheet() throws Exception {
        Path video = SyntheticVideos.withAudio(work.resolve("in.mp4"), 40, "320x180", "1");
        MediaInfo info = prober.probe(video);
        AnalysisResult r = new Analyser(TestMedia.ffmpeg(), work).analyse(video, info, ClipRules.DEFAULT, p -> {},
                null);
        assertThat(r.clips()).isNotEmpty();
        for (int i = 0; i < r.clips().size(); i++) {
            ClipCandidate clip = r.clips().get(i);
            Path jpg = work.resolve("thumbs/clip-" + i + ".jpg");
            double t = thumbnails.clipThumbnail(video, info, clip, r.signals(), jpg, null);
            assertThat(t).isBetween(clip.start(), clip.start() + clip.length() / 3 + 1);
            assertJpeg(jpg, 320, 180);
        }
        Path sheet = work.resolve("sheet.jpg");
        thumbnails.contactSheet(video, info, sheet, 4, 4, null);
        MediaInfo sheetInfo = assertJpeg(sheet, 4 * 320, 4 * 180);
        assertThat(sheetInfo.requireVideo().width()).isLessThan(4 * 320 + 20);
        try (var files = Files.list(work.resolve("thumbs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void contactSheetKeepsPortraitAspect() {
        Path video = TestMedia.synth(work.resolve("portrait.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=180x320:rate=25:duration=4", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p");
        Path sheet = work.resolve("p.jpg");
        thumbnails.contactSheet(video, prober.probe(video), sheet, 3, 2, null);
        MediaInfo info = assertJpeg(sheet, 3 * 320, 2 * 568);
        assertThat(info.requireVideo().height()).isGreaterThan(info.requireVideo().width());
    }

    private MediaInfo assertJpeg(Path file, int minWidth, int minHeight) {
        assertThat(file).isNotEmptyFile();
        MediaInfo info = prober.probe(file);
        assertThat(info.requireVideo().codec()).isEqualTo("mjpeg");
        assertThat(info.requireVideo().width()).isGreaterThanOrEqualTo(minWidth);
        assertThat(info.requireVideo().height()).isGreaterThanOrEqualTo(minHeight);
        return info;
    }
}
