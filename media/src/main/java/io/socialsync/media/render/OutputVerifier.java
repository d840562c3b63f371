package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an output against the spec every platform accepts and against its formats' limits. A mismatch means a
 * bug or a broken FFmpeg build: failing loudly beats an upload the platform rejects hours later.
 */
public final class OutputVerifier {
    /** Relative frame-rate tolerance: mp4 timebases make 30000/1001 come back as e.g. 29.97003. */
    static final double FPS_TOLERANCE = 0.01;

    private OutputVerifier() {}

    public static List<String> problems(OutputProbe p, PlannedOutput o, long sizeBytes) {
        List<String> out = new ArrayList<>();
        expect(out, "video codec", "h264", p.videoCodec());
        expect(out, "H.264 profile", "High", p.profile());
        expect(out, "pixel format", "yuv420p", p.pixelFormat());
        if (p.width() != o.width() || p.height() != o.height()) {
            out.add("size is " + p.width() + "x" + p.height() + ", expected " + o.width() + "x" + o.height());
        }
        if (Math.abs(p.fps().value() - o.fps().value()) > FPS_TOLERANCE * o.fps().value()) {
            out.add("frame rate is " + p.fps() + ", expected " + o.fps());
        }
        if (p.rotation() != 0) out.add("carries a rotation of " + p.rotation() + "°; players would turn it again");
        expect(out, "colour primaries", "bt709", p.colorPrimaries());
        expect(out, "audio codec", "aac", p.audioCodec());
        if (p.sampleRate() != AudioChain.SAMPLE_RATE) out.add("audio sample rate is " + p.sampleRate() + " Hz");
        if (p.channels() != 2) out.add("audio has " + p.channels() + " channels, expected stereo");
        PlatformFormat strictest = o.shortestLimit();
        if (p.formatSeconds() > strictest.maxDuration().toSeconds() + 0.5) {
            out.add("lasts " + p.formatSeconds() + " s, " + strictest.name() + " allows "
                    + strictest.maxDuration().toSeconds() + " s");
        }
        for (PlatformFormat f : o.formats()) {
            String size = PlatformLimits.checkSize(f, sizeBytes);
            if (size != null) out.add(size);
            if (p.fps().value() > f.maxFps() * (1 + FPS_TOLERANCE)) out.add("frame rate above " + f.name() + "'s cap");
            if (p.fps().value() < f.minFps() * (1 - FPS_TOLERANCE)) {
                out.add("frame rate below " + f.name() + "'s floor");
            }
        }
        return out;
    }

    private static void expect(List<String> out, String what, String expected, String actual) {
        if (!expected.equals(actual)) out.add(what + " is '" + actual + "', expected '" + expected + "'");
    }
}
