package io.socialsync.media.analysis;

/**
 * Chooses a clip's thumbnail time: the sharpest second in the clip's first third (what viewers see first and
 * what the clip is "about"), skipping black and very dark seconds. Ties go to the earlier second.
 */
final class ThumbnailPicker {
    private static final double TOO_DARK = 0.08;

    private ThumbnailPicker() {}

    static double time(ClipCandidate clip, Signals s) {
        int from = (int) Math.floor(clip.start());
        int to = Math.max(from + 1, (int) Math.ceil(clip.start() + clip.length() / 3));
        to = Math.min(to, s.seconds());
        int best = -1;
        double bestValue = 0;
        for (int i = from; i < to; i++) {
            double value = s.sharpness()[i] * (1 - blackCover(s, i)) * (s.brightness()[i] < TOO_DARK ? 0.2 : 1);
            if (value > bestValue) {
                best = i;
                bestValue = value;
            }
        }
        double t = best < 0 ? clip.start() + clip.length() / 6 : best + 0.5;
        // stay a frame inside the clip: the frame at clip.end belongs to the next shot
        return Math.clamp(t, clip.start(), Math.max(clip.start(), clip.end() - 0.05));
    }

    private static double blackCover(Signals s, int second) {
        double c = 0;
        for (Interval iv : s.black()) c += iv.overlap(second, second + 1);
        return Math.min(1, c);
    }
}
