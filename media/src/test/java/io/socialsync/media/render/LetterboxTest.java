package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterboxTest {
    private static String log(int x, int y, int w, int h) {
        return "frame:3    pts:3    pts_time:0.75\nlavfi.cropdetect.x1=0\nlavfi.cropdetect.w=" + w
                + "\nlavfi.cropdetect.h=" + h + "\nlavfi.cropdetect.x=" + x + "\nlavfi.cropdetect.y=" + y + "\n";
    }

    @Test
    void symmetricBarsAreRemoved() {
        assertThat(Letterbox.parse(log(0, 140, 1920, 800), 1920, 1080)).contains(new CropRect(0, 140, 1920, 800));
        assertThat(Letterbox.parse(log(240, 0, 1440, 1080), 1920, 1080)).contains(new CropRect(240, 0, 1440, 1080));
    }

    @Test
    void darkScenesThinBordersAndOddRemaindersAreNotBars() {
        assertThat(Letterbox.parse(log(1200, 300, 600, 600), 1920, 1080)).isEmpty(); // a lit subject on black
        assertThat(Letterbox.parse(log(0, 2, 1920, 1076), 1920, 1080)).isEmpty();
        assertThat(Letterbox.parse(log(0, 0, 852, 480), 853, 480)).isEmpty();
        assertThat(Letterbox.parse(log(0, 100, 1920, 700), 1920, 1080)).as("asymmetric").isEmpty();
        assertThat(Letterbox.parse("", 1920, 1080)).isEmpty();
    }

    @Test
    void scalesToTheThumbnailGrid() {
        assertThat(Letterbox.scaled(new CropRect(240, 0, 1440, 1080), 1920, 1080, 128, 72))
                .isEqualTo(new CropRect(16, 0, 96, 72));
    }
}
