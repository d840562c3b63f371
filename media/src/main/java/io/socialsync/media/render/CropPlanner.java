package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SaliencyTrack} into a crop path for a window of a given width. The camera holds still within a
 * shot unless the action moves clearly (a dead zone stops jitter), pans smoothly when it does, and jumps at cuts,
 * where a pan would look like a mistake.
 */
public final class CropPlanner {
    static final double WINDOW_SECONDS = 2.0;
    static final double DEAD_ZONE = 0.06;
    static final double PAN_SECONDS = 0.5;
    /** The crop is chosen when the subject fits in at least this share of the time windows. */
    static final double MIN_FITTING_SHARE = 0.5;

    private CropPlanner() {}

    /** @param fits whether the subject fits the window well enough to crop rather than pad */
    public record Result(List<CropKeyframe> path, boolean fits) {}

    /**
     * @param windowShare crop window width as a share of the frame width (0.316 for 16:9 to 9:16)
     * @param margin how concentrated energy must be to count as "a subject that fits": the window must capture
     *     {@code windowShare + margin * (1 - windowShare)} of it; uniform texture captures only {@code windowShare}
     */
    public static Result plan(SaliencyTrack track, double windowShare, double margin) {
        List<Window> windows = Window.split(track, WINDOW_SECONDS);
        if (windows.isEmpty()) return new Result(List.of(new CropKeyframe(0, 0.5)), true);
        double need = windowShare + margin * (1 - windowShare);
        List<CropKeyframe> path = new ArrayList<>();
        int fitting = 0;
        double current = 0.5;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            Window.Best best = w.best(windowShare);
            if (best == null || best.capture() >= need) fitting++;
            double target = best == null ? current : best.centre();
            double t = w.start();
            if (i == 0) {
                path.add(new CropKeyframe(t, target));
            } else if (w.cut()) {
                path.add(new CropKeyframe(Math.max(0, t - 0.001), current)); // hold to the cut, then jump
                path.add(new CropKeyframe(t, target));
            } else if (Math.abs(target - current) > DEAD_ZONE) {
                // the last window may be one sample long (keyframe sampling): a pan of zero would be a jump
                double pan = w.length() > 0 ? Math.min(PAN_SECONDS, w.length() / 2) : PAN_SECONDS;
                path.add(new CropKeyframe(t, current));
                path.add(new CropKeyframe(t + pan, target));
            } else {
                target = current;
            }
            current = target;
        }
        return new Result(path, fitting >= MIN_FITTING_SHARE * windows.size());
    }
}
