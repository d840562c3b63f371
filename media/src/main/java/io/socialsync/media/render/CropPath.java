package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns crop keyframes into the time expression FFmpeg's {@code crop} filter evaluates per frame for {@code x}:
 * piecewise linear in {@code t}, clamped so the window never leaves the frame.
 */
public final class CropPath {
    /** Keyframes that a straight line through their neighbours already predicts this well are dropped. */
    static final double SIMPLIFY_TOLERANCE = 0.005;

    private CropPath() {}

    /**
     * @param clipStart the keyframes are on the source timeline; with {@code -ss} before {@code -i} the filter's
     *     {@code t} starts at 0 at the clip start, so times are shifted by this
     * @return an expression for the window's left edge, using {@code iw} and {@code ow}
     */
    public static String xExpression(List<CropKeyframe> keyframes, double clipStart) {
        List<CropKeyframe> k = simplify(sorted(keyframes));
        String centre = centreExpression(k, clipStart);
        return "clip((" + centre + ")*iw-ow/2,0,iw-ow)";
    }

    static String centreExpression(List<CropKeyframe> k, double clipStart) {
        if (k.isEmpty()) return "0.5";
        String expr = Fmt.num(k.getLast().centerX());
        for (int i = k.size() - 2; i >= 0; i--) {
            CropKeyframe a = k.get(i);
            CropKeyframe b = k.get(i + 1);
            double ta = a.timeSeconds() - clipStart;
            double tb = b.timeSeconds() - clipStart;
            String segment = a.centerX() == b.centerX() || tb <= ta ? Fmt.num(a.centerX())
                    : Fmt.num(a.centerX()) + "+(" + Fmt.num(b.centerX() - a.centerX()) + ")*(t-(" + Fmt.num(ta) + "))/"
                    + Fmt.num(tb - ta);
            expr = "if(lt(t," + Fmt.num(tb) + ")," + segment + "," + expr + ")";
        }
        return "if(lt(t," + Fmt.num(k.getFirst().timeSeconds() - clipStart) + ")," + Fmt.num(k.getFirst().centerX())
                + "," + expr + ")";
    }

    static List<CropKeyframe> sorted(List<CropKeyframe> keyframes) {
        List<CropKeyframe> k = new ArrayList<>(keyframes);
        k.sort(Comparator.comparingDouble(CropKeyframe::timeSeconds));
        return k;
    }

    /** Keeps the expression short: long plans otherwise produce graphs FFmpeg parses slowly. */
    static List<CropKeyframe> simplify(List<CropKeyframe> k) {
        if (k.size() <= 2) return k;
        List<CropKeyframe> out = new ArrayList<>();
        out.add(k.getFirst());
        for (int i = 1; i < k.size() - 1; i++) {
            CropKeyframe a = out.getLast();
            CropKeyframe b = k.get(i);
            CropKeyframe c = k.get(i + 1);
            double span = c.timeSeconds() - a.timeSeconds();
            double predicted = span <= 0 ? a.centerX()
                    : a.centerX() + (c.centerX() - a.centerX()) * (b.timeSeconds() - a.timeSeconds()) / span;
            if (Math.abs(predicted - b.centerX()) > SIMPLIFY_TOLERANCE) out.add(b);
        }
        out.add(k.getLast());
        return out;
    }
}
