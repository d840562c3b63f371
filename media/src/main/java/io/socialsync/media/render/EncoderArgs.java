package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoder options for an output every platform accepts: H.264 High yuv420p at a constant rate with BT.709 tags,
 * AAC-LC 48 kHz stereo, index at the front ({@code +faststart}) so playback starts before the download ends.
 * Shared with the edit operations.
 */
public final class EncoderArgs {
    /**
     * Video bitrate ceiling of every platform output: Instagram accepts at most 25 Mbps (reference: Meta's Reel
     * specifications), audio included. Only extreme material at CRF 21 comes near it.
     */
    static final long MAX_VIDEO_KBPS = 24_000;
    /**
     * Samples FFmpeg's AAC encoder puts before the first real one. Platform outputs carry no edit list to hide
     * them (Meta refuses edit lists), so the audio chain drops as many samples from the start instead: the sound
     * then stays in sync and the track as long as the video.
     */
    public static final int AAC_PRIMING_SAMPLES = 1024;

    private EncoderArgs() {}

    /** @param maxrateKbps 0 for none */
    public static List<String> video(RenderOptions o, FrameRate fps, long maxrateKbps) {
        List<String> a = new ArrayList<>(List.of("-c:v", "libx264", "-preset", o.x264Preset(), "-crf",
                Integer.toString(o.crf()), "-profile:v", "high", "-pix_fmt", "yuv420p", "-fps_mode", "cfr",
                // a keyframe every 2 s keeps seeking and platform-side cutting cheap
                "-g", Long.toString(Math.max(1, Math.round(2 * fps.value())))));
        if (maxrateKbps > 0) a.addAll(List.of("-maxrate", maxrateKbps + "k", "-bufsize", 2 * maxrateKbps + "k"));
        if (o.threads() > 0) a.addAll(List.of("-threads", Integer.toString(o.threads())));
        a.addAll(List.of("-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv"));
        return a;
    }

    public static List<String> audio(RenderOptions o) {
        return audio(o, AudioChain.SAMPLE_RATE);
    }

    /** For edits that keep their first input's sample rate instead of the platforms' 48 kHz. */
    public static List<String> audio(RenderOptions o, int sampleRate) {
        return List.of("-c:a", "aac", "-b:a", o.audioBitrateKbps() + "k", "-ar", Integer.toString(sampleRate),
                "-ac", "2");
    }

    /** Container options; source metadata (rotation, GPS, titles) is dropped, the pixels are already upright. */
    public static List<String> container() {
        return List.of("-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
                "-max_muxing_queue_size", "4096", "-f", "mp4");
    }

    /**
     * {@link #container()} without edit lists, which Instagram refuses: B-frame delay is written as negative
     * composition offsets instead, and the audio must leave out {@link #AAC_PRIMING_SAMPLES} itself.
     */
    public static List<String> platformContainer() {
        return List.of("-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart+negative_cts_offsets",
                "-use_editlist", "0", "-max_muxing_queue_size", "4096", "-f", "mp4");
    }

    /**
     * Audio filters ending a platform output's track: drop the encoder's priming from the start and end at exactly
     * {@code samples} decoded samples (input shorter than that must be padded before).
     */
    public static String primingTrim(long samples) {
        return "atrim=start_sample=" + AAC_PRIMING_SAMPLES + ":end_sample=" + Math.max(AAC_PRIMING_SAMPLES + 1, samples)
                + ",asetpts=PTS-STARTPTS";
    }

    /**
     * A bitrate cap that keeps {@code seconds} of video under {@code maxBytes} with 8 % slack for the container,
     * and never above {@link #MAX_VIDEO_KBPS}.
     */
    static long maxrateFor(long maxBytes, double seconds, int audioKbps) {
        if (seconds <= 0) return MAX_VIDEO_KBPS;
        long kbps = (long) (maxBytes * 8 * 0.92 / seconds / 1000) - audioKbps;
        return Math.clamp(kbps, 100, MAX_VIDEO_KBPS);
    }
}
