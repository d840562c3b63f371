package io.socialsync.media.analysis;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.probe.MediaInfo;
import java.util.function.DoubleConsumer;

/** Parses the three metadata files of one {@link AnalysisGraph} run into {@link Signals}. */
final class SignalsReader {
    private SignalsReader() {}

    /**
     * @param skipsFrames whether the decode left frames out ({@link Decode#skipsFrames})
     * @param progress 0–1 over the three files
     */
    static Signals read(AnalysisGraph graph, MediaInfo info, double frameStep, boolean skipsFrames,
                        CutSettings settings, CancelToken cancel, DoubleConsumer progress) {
        VideoCollector video = new VideoCollector(settings, frameStep, skipsFrames);
        MetadataReader.read(graph.videoMeta(), video, cancel);
        progress.accept(0.7);
        SharpnessCollector sharp = new SharpnessCollector();
        MetadataReader.read(graph.sharpnessMeta(), sharp, cancel);
        AudioCollector audio = new AudioCollector();
        if (info.hasAudio()) MetadataReader.read(graph.audioMeta(), audio, cancel);
        progress.accept(1);

        // the decoded frames are the truth: a header duration can be wrong (truncated uploads, long audio tails)
        double decoded = video.lastFrameTime() + frameStep;
        double duration = video.lastFrameTime() > 0 ? decoded : info.duration().toMillis() / 1000.0;
        int n = Math.max(1, (int) Math.ceil(duration - 1e-6));
        return new Signals(duration, info.hasAudio(), video.motion.means(n, 0),
                audio.loudness.means(n, Signals.SILENCE_LUFS), audio.flux.means(n, 0), audio.onsets.sums(n),
                video.brightness.means(n, 0), video.saturation.means(n, 0), sharp.sharpness.means(n, 0),
                video.cuts(), video.black(duration), video.frozen(duration));
    }
}
