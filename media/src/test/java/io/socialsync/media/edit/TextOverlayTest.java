package io.socialsync.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextOverlayTest {
    @TempDir
    Path work;

    private static long opaquePixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) n++;
            }
        }
        return n;
    }

    @Test
    void nonLatinTextIsDrawnWithRealGlyphs() throws Exception {
        // Arabic (right-to-left, shaped), Cyrillic and Greek: the DejaVu fonts most Linux images ship cover these
        String text = "مرحبا بالعالم\nПривет, мир — Γειά σου";
        TextImage.Rendered r = TextImage.render(text, 40, Color.WHITE, 600, work.resolve("t.png"));
        assertThat(r.width() % 2).isZero();
        assertThat(r.height() % 2).isZero();
        assertThat(opaquePixels(r.png())).isGreaterThan(1000);
        assumeTrue(r.complete(), "no installed font covers Arabic/Cyrillic/Greek");
    }

    @Test
    void cjkTextWhenAFontHasIt() throws Exception {
        String text = "你好，世界 こんにちは";
        assumeTrue(new Font(Font.SANS_SERIF, Font.BOLD, 20).canDisplayUpTo(text) == -1, "no CJK font installed");
        TextImage.Rendered r = TextImage.render(text, 40, Color.YELLOW, 600, work.resolve("cjk.png"));
        assertThat(r.complete()).isTrue();
        assertThat(opaquePixels(r.png())).isGreaterThan(500);
    }

    @Test
    void longTextWrapsToTheFrame() {
        TextImage.Rendered r = TextImage.render("word ".repeat(40).strip(), 30, Color.WHITE, 300,
                work.resolve("wrap.png"));
        assertThat(r.width()).isLessThanOrEqualTo(300);
        assertThat(r.height()).isGreaterThan(100);
    }

    @Test
    void theTextShowsOnlyDuringItsTimeRange() throws Exception {
        // a flat blue stage, so any change in the centre band is the text
        Path src = TestMedia.synth(work.resolve("src.mp4"), "-f", "lavfi", "-i", "color=c=0x2040a0:size=320x180:rate=25"
                + ":duration=2", "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        var op = new EditOperation.AddText(src, "Hola مرحبا", TextPosition.parse("center"), 36, "#ffcc00",
                Duration.ofMillis(1000), Duration.ofMillis(2000));
        var r = new Editor(TestMedia.ffmpeg()).apply(op, work.resolve("text.mp4"), RunOptions.defaults());
        assertThat(r.info().requireVideo().width()).isEqualTo(320);
        assertThat(r.info().hasAudio()).isTrue();
        // the untagged (BT.601) source is converted to BT.709, which shifts luma a little everywhere: compare the
        // shift before the range with the one inside it
        double before = centreDifference(src, r.output(), 0.4);
        assertThat(centreDifference(src, r.output(), 1.4)).as("inside the range").isGreaterThan(before + 10);
        assertThat(before).isLessThan(5);
    }

    /** Mean absolute luma difference of the central band (rows 24–40 of a 64x64 thumbnail) at {@code t}. */
    private double centreDifference(Path a, Path b, double t) throws Exception {
        byte[] fa = gray(a, t), fb = gray(b, t);
        double sum = 0;
        for (int i = 24 * 64; i < 40 * 64; i++) sum += Math.abs((fa[i] & 0xff) - (fb[i] & 0xff));
        return sum / (16 * 64);
    }

    private byte[] gray(Path file, double t) throws Exception {
        Path raw = Files.createTempFile(work, "f", ".gray");
        TestMedia.ffmpeg().run(List.of("-y", "-ss", Double.toString(t), "-i", Ffmpeg.fileArg(file), "-frames:v", "1",
                "-vf", "scale=64:64,format=gray", "-f", "rawvideo", Ffmpeg.fileArg(raw)), RunOptions.defaults());
        return Files.readAllBytes(raw);
    }
}
