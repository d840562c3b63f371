package io.socialsync.media.render;

import java.util.Optional;

/**
 * Reads {@code cropdetect} results and decides whether they are real letterbox/pillarbox bars. cropdetect only
 * finds the non-black bounding box, which a dark scene also shrinks; real bars are symmetric and leave most of
 * the frame, so anything else is ignored.
 */
public final class Letterbox {
    /** Bars thinner than this share of a side are not worth a crop (and may be noise). */
    static final double MIN_BAR_SHARE = 0.02;
    static final double MIN_KEPT_SHARE = 0.5;

    private Letterbox() {}

    /** @param log the {@code metadata=mode=print} output; the last (cumulative, reset=0) values count */
    public static Optional<CropRect> parse(String log, int frameW, int frameH) {
        int x = last(log, "x"), y = last(log, "y"), w = last(log, "w"), h = last(log, "h");
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > frameW || y + h > frameH) return Optional.empty();
        return decide(new CropRect(x, y, Fmt.even(w), Fmt.even(h)), frameW, frameH);
    }

    static Optional<CropRect> decide(CropRect r, int frameW, int frameH) {
        if (r.width() < MIN_KEPT_SHARE * frameW || r.height() < MIN_KEPT_SHARE * frameH) return Optional.empty();
        int left = r.x(), right = frameW - r.x() - r.width();
        int top = r.y(), bottom = frameH - r.y() - r.height();
        boolean sideBars = left + right >= MIN_BAR_SHARE * frameW;
        boolean topBars = top + bottom >= MIN_BAR_SHARE * frameH;
        if (!sideBars && !topBars) return Optional.empty();
        boolean symmetric = Math.abs(left - right) <= 0.02 * frameW + 2 && Math.abs(top - bottom) <= 0.02 * frameH + 2;
        if (!symmetric) return Optional.empty();
        // keep the full extent of a side without bars, so a 1 px odd-size remainder does not count as a bar
        return Optional.of(new CropRect(sideBars ? r.x() : 0, topBars ? r.y() : 0,
                sideBars ? r.width() : Fmt.even(frameW), topBars ? r.height() : Fmt.even(frameH)));
    }

    /** The same rectangle in a frame scaled to {@code toW x toH} (for the saliency thumbnails). */
    static CropRect scaled(CropRect r, int fromW, int fromH, int toW, int toH) {
        int x = (int) Math.floor((double) r.x() * toW / fromW);
        int y = (int) Math.floor((double) r.y() * toH / fromH);
        int w = Math.max(2, Math.min(toW - x, (int) Math.ceil((double) r.width() * toW / fromW)));
        int h = Math.max(2, Math.min(toH - y, (int) Math.ceil((double) r.height() * toH / fromH)));
        return new CropRect(x, y, w, h);
    }

    private static int last(String log, String key) {
        String prefix = "lavfi.cropdetect." + key + "=";
        int value = -1;
        for (String line : log.split("\\R")) {
            if (line.startsWith(prefix)) {
                try {
                    value = Integer.parseInt(line.substring(prefix.length()).strip());
                } catch (NumberFormatException e) {
                    value = -1;
                }
            }
        }
        return value;
    }
}
