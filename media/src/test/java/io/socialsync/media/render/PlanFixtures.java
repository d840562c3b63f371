package io.socialsync.media.render;

import io.socialsync.media.probe.AudioStream;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.PixelAspect;
import io.socialsync.media.probe.VideoStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-made probe results, so plans can be tested without FFmpeg. */
final class PlanFixtures {
    static final Path SOURCE = Path.of("/in/src.mp4");
    static final Path OUT = Path.of("/out");

    private PlanFixtures() {}

    static MediaInfo source(int w, int h, double seconds, boolean audio) {
        return source(w, h, seconds, audio, "yuv420p", "", "", "");
    }

    /** With the colour description ffprobe gives; empty strings for untagged. */
    static MediaInfo source(int w, int h, double seconds, boolean audio, String pixFmt, String transfer,
                            String colorSpace, String colorRange) {
        var video = new VideoStream(0, "h264", pixFmt, w, h, PixelAspect.SQUARE, 0, new FrameRate(25, 1),
                new FrameRate(25, 1), transfer,
                colorSpace, colorRange, OptionalLong.empty());
        List<AudioStream> a = audio ? List.of(new AudioStream(1, "aac", 44100, 1, "mono")) : List.of();
        return new MediaInfo(SOURCE, "mov,mp4", Duration.ofMillis(Math.round(seconds * 1000)), 1000, Optional.of(video),
                a);
    }

    /** Stored pixels of the given shape, e.g. 720x576 at 64:45 for PAL widescreen SD. */
    static MediaInfo anamorphic(int w, int h, int sarNum, int sarDen) {
        var video = new VideoStream(0, "h264", "yuv420p", w, h, new PixelAspect(sarNum, sarDen), 0,
                new FrameRate(25, 1), new FrameRate(25, 1), "", "", "", OptionalLong.empty());
        return new MediaInfo(SOURCE, "mov,mp4", Duration.ofSeconds(10), 1000, Optional.of(video), List.of());
    }

    static RenderRequest request(String... formats) {
        return RenderRequest.of(SOURCE, PlatformFormats.defaults().get(List.of(formats)), OUT);
    }
}
