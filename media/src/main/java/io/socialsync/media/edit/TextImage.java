package io.socialsync.media.edit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders text to a transparent PNG with Java2D, because the bundled FFmpeg has no {@code drawtext}. Java2D needs
 * no display (BufferedImage only) and brings what drawtext would need HarfBuzz for: bidi (Arabic, Hebrew),
 * shaping, and per-character fallback through the logical {@code SansSerif} font to any installed font that has
 * the glyph (CJK needs such a font on the machine; colour emoji fonts are not drawn by Java2D).
 */
public final class TextImage {
    private TextImage() {}

    /** @param complete false when some characters have no glyph in any installed font (they show as boxes) */
    public record Rendered(Path png, int width, int height, boolean complete) {}

    public static Rendered render(String text, int fontSize, Color color, int maxWidth, Path png) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        float stroke = Math.max(2f, fontSize / 12f); // an outline keeps text legible on any background
        int pad = Math.round(stroke + fontSize / 8f);
        List<TextLayout> lines = layout(text, font, frc, Math.max(fontSize, maxWidth - 2 * pad));
        double contentW = 0, contentH = 0;
        for (TextLayout l : lines) {
            contentW = Math.max(contentW, l.getAdvance());
            contentH += l.getAscent() + l.getDescent() + l.getLeading();
        }
        int w = Math.max(2, (int) Math.ceil(contentW) + 2 * pad);
        int h = Math.max(2, (int) Math.ceil(contentH) + 2 * pad);
        BufferedImage img = new BufferedImage(w + (w & 1), h + (h & 1), BufferedImage.TYPE_INT_ARGB); // even: 4:2:0
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Color outline = luminance(color) > 0.5 ? new Color(0, 0, 0, 220) : new Color(255, 255, 255, 220);
            double y = pad;
            for (TextLayout l : lines) {
                y += l.getAscent();
                double x = pad + (contentW - l.getAdvance()) / 2; // centred lines
                Shape s = l.getOutline(AffineTransform.getTranslateInstance(x, y));
                g.setColor(outline);
                g.draw(s);
                g.setColor(color);
                g.fill(s);
                y += l.getDescent() + l.getLeading();
            }
        } finally {
            g.dispose();
        }
        write(img, png);
        return new Rendered(png, img.getWidth(), img.getHeight(), font.canDisplayUpTo(text.replace("\n", "")) == -1);
    }

    /** Paragraphs at {@code \n}, each wrapped to {@code wrapWidth}; an empty paragraph keeps its line height. */
    static List<TextLayout> layout(String text, Font font, FontRenderContext frc, float wrapWidth) {
        List<TextLayout> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String p = paragraph.isEmpty() ? " " : paragraph;
            AttributedString as = new AttributedString(p);
            as.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer m = new LineBreakMeasurer(as.getIterator(), frc);
            while (m.getPosition() < p.length()) lines.add(m.nextLayout(wrapWidth));
        }
        return lines;
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static void write(BufferedImage img, Path png) {
        try {
            if (!ImageIO.write(img, "png", png.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
