package io.socialsync.media.render;

/** A rectangle of the decoded (already rotated) frame, e.g. the picture inside letterbox bars. */
public record CropRect(int x, int y, int width, int height) {
    public CropRect {
        if (x < 0 || y < 0 || width < 2 || height < 2) {
            throw new IllegalArgumentException("bad crop " + width + "x" + height + "+" + x + "+" + y);
        }
    }

    public String filter() {
        return "crop=" + width + ":" + height + ":" + x + ":" + y;
    }
}
