package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of one video output, from a split branch of the (letterbox-free, already BT.709: see
 * {@link SourceColour}) source to the encoder: reframe, preset, scale, speed, constant frame rate, yuv420p with
 * BT.709 tags. A {@code scale} to the size the picture already has passes frames through untouched, which is why
 * it carries no colour options: those would force a full conversion pass per output.
 */
final class VideoChain {
    /** Tags written into the frames, so every encoder and muxer sees the same colour description. */
    static final String BT709 = "setparams=range=tv:color_primaries=bt709:color_trc=bt709:colorspace=bt709";

    private VideoChain() {}

    /** @return one or more {@code ;}-separated graph statements reading {@code [in]} and producing {@code [out]} */
    static String build(String in, String out, PlannedOutput o, int srcW, int srcH, double clipStart) {
        List<String> statements = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        String from = in;
        int w = srcW, h = srcH;
        switch (o.reframe()) {
            case Reframe.Scale s -> { }
            case Reframe.CropX c -> {
                w = Math.min(srcW, Fmt.even((double) srcH * o.width() / o.height()));
                chain.add("crop=w=" + w + ":h=" + h + ":x='" + CropPath.xExpression(c.path(), clipStart) + "':y=0");
            }
            case Reframe.CropY c -> {
                h = Math.min(srcH, Fmt.even((double) srcW * o.height() / o.width()));
                chain.add("crop=w=" + w + ":h=" + h + ":x=0:y=(ih-oh)/2");
            }
            case Reframe.BlurPad p -> {
                from = "[p" + out.substring(1);
                statements.add(blurPad(in, from, srcW, srcH, o.width(), o.height()));
                w = o.width();
                h = o.height();
            }
        }
        Preset p = o.preset();
        if (p.zoom() != 1) chain.add("crop=w=" + Fmt.even(w / p.zoom()) + ":h=" + Fmt.even(h / p.zoom()));
        if (p.mirror()) chain.add("hflip");
        chain.add("scale=" + o.width() + ":" + o.height() + ":flags=bicubic");
        chain.add("setsar=1");
        if (p.brightness() != 0 || p.contrast() != 1 || p.saturation() != 1) {
            chain.add("eq=brightness=" + Fmt.num(p.brightness()) + ":contrast=" + Fmt.num(p.contrast())
                    + ":saturation=" + Fmt.num(p.saturation()));
        }
        if (p.hueDegrees() != 0) chain.add("hue=h=" + Fmt.num(p.hueDegrees()));
        if (p.speed() != 1) chain.add("setpts=PTS/" + Fmt.num(p.speed()));
        chain.add("fps=" + Fmt.rate(o.fps()));
        chain.add("format=yuv420p");
        chain.add(BT709);
        statements.add(from + String.join(",", chain) + out);
        return String.join(";", statements);
    }

    /**
     * Background: the centre of the picture with the output's shape, shrunk first, so the blur is cheap and wide,
     * then enlarged to fill the frame; foreground: the whole picture fitted inside, centred. The background is
     * cropped before it is shrunk (the scaler then reads a third of the pixels for 16:9 into 9:16) and scaled with
     * {@code fast_bilinear} both ways: after a blur this wide, a better filter changes nothing visible.
     */
    static String blurPad(String in, String out, int srcW, int srcH, int width, int height) {
        String id = out.substring(1, out.length() - 1);
        int bw = Fmt.even(Math.max(16, width / 8.0));
        int bh = Fmt.even(Math.max(16, height / 8.0));
        boolean wider = (double) srcW / srcH > (double) width / height;
        int cw = wider ? Math.min(srcW, Fmt.even((double) srcH * width / height)) : srcW;
        int ch = wider ? srcH : Math.min(srcH, Fmt.even((double) srcW * height / width));
        return in + "split=2[" + id + "f][" + id + "b];"
                + "[" + id + "b]crop=" + cw + ":" + ch + ",scale=" + bw + ":" + bh + ":flags=fast_bilinear"
                + ",boxblur=luma_radius='min(w,h)/8':luma_power=2,scale=" + width + ":" + height
                + ":flags=fast_bilinear,setsar=1[" + id + "bg];[" + id + "f]scale=" + width + ":" + height
                + ":force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1[" + id + "fg];"
                + "[" + id + "bg][" + id + "fg]overlay=x=(W-w)/2:y=(H-h)/2"
                // overlay ends its stream where its last frame starts, so the fps filter after it drops that frame
                // (all of a one-frame source); a clone past the end keeps it, and the output's -t trims the clone
                + ",tpad=stop=1:stop_mode=clone" + out;
    }
}
