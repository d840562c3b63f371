package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Column energy from raw 8-bit gray frames. Motion (difference to the previous sample) marks a subject better than
 * texture, so it weighs more; edges alone decide when nothing moves. No face or object detection: this is the
 * cheap default the analysis module may replace with a real plan.
 */
public final class SaliencyEstimator {
    static final double MOTION_WEIGHT = 0.65;
    /** Mean absolute difference (0–255) above which two samples are different shots. */
    static final double CUT_THRESHOLD = 40;

    private SaliencyEstimator() {}

    /**
     * @param frames {@code times.length} frames of {@code fw x fh} bytes, row-major
     * @param region the part of each frame to look at (the picture inside letterbox bars), in frame pixels
     */
    public static SaliencyTrack track(byte[] frames, int fw, int fh, double[] times, CropRect region) {
        List<SaliencyTrack.Sample> out = new ArrayList<>();
        int frameBytes = fw * fh;
        int n = Math.min(times.length, frames.length / frameBytes);
        int x0 = region.x(), x1 = Math.min(fw, region.x() + region.width());
        int y0 = region.y(), y1 = Math.min(fh, region.y() + region.height());
        for (int f = 0; f < n; f++) {
            int base = f * frameBytes;
            int prev = f == 0 ? -1 : base - frameBytes;
            double[] edges = new double[x1 - x0];
            double[] motion = new double[x1 - x0];
            double diffSum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int i = base + y * fw + x;
                    int v = frames[i] & 0xff;
                    int right = x + 1 < x1 ? frames[i + 1] & 0xff : v;
                    int down = y + 1 < y1 ? frames[i + fw] & 0xff : v;
                    edges[x - x0] += Math.abs(right - v) + Math.abs(down - v);
                    if (prev >= 0) {
                        int d = Math.abs(v - (frames[prev + y * fw + x] & 0xff));
                        motion[x - x0] += d;
                        diffSum += d;
                    }
                }
            }
            boolean cut = prev >= 0 && diffSum / ((double) (x1 - x0) * (y1 - y0)) > CUT_THRESHOLD;
            // a cut's frame difference is the whole picture, not a subject: judge that sample by edges only
            out.add(new SaliencyTrack.Sample(times[f], mix(edges, cut ? new double[edges.length] : motion), cut));
        }
        return new SaliencyTrack(out);
    }

    static double[] mix(double[] edges, double[] motion) {
        double[] e = normalised(edges);
        double[] m = normalised(motion);
        boolean moving = sum(m) > 0;
        double[] out = new double[e.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = moving ? (1 - MOTION_WEIGHT) * e[i] + MOTION_WEIGHT * m[i] : e[i];
        }
        return out;
    }

    static double[] normalised(double[] v) {
        double s = sum(v);
        double[] out = new double[v.length];
        if (s <= 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = v[i] / s;
        return out;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
