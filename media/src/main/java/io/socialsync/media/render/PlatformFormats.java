package io.socialsync.media.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform rules in force: the built-in table, or one the application configures. Limits come from
 * third-party summaries of each platform's upload specs (they conflict; see the video-processing reference §5),
 * so they err on the safe side and are meant to be overridden.
 */
public final class PlatformFormats {
    private static final long MB = 1_000_000L;
    private static final long GB = 1_000 * MB;

    /** No default caps upscaling: every upscale is reported on the variant ({@link RenderWarning.Upscale}). */
    private static final double ANY = Double.POSITIVE_INFINITY;

    /** Only Reels publish a minimum length (3 s); the others accept what their upload accepts. */
    private static final Duration NONE = Duration.ZERO;

    /**
     * The one place the defaults are written down. Smallest sizes: TikTok's 360 px and Facebook Reels' 540x960 are
     * documented; Instagram gets Facebook's (same company, none published), YouTube its lowest quality step, 360p.
     */
    public static final List<PlatformFormat> DEFAULTS = List.of(
            new PlatformFormat("instagram_reel", 1080, 1920, Duration.ofSeconds(3), Duration.ofMinutes(15), 23, 60, GB, 540, ANY),
            new PlatformFormat("tiktok", 1080, 1920, NONE, Duration.ofMinutes(10), 23, 60, 500 * MB, 360, ANY),
            // YouTube states no minimum rate; Shorts are often cross-posted Reels, so they get the same floor
            new PlatformFormat("youtube_short", 1080, 1920, NONE, Duration.ofMinutes(3), 23, 60, 2 * GB, 360, ANY),
            new PlatformFormat("facebook", 1080, 1080, NONE, Duration.ofMinutes(240), 24, 60, 4 * GB, 540, ANY),
            new PlatformFormat("youtube", 1920, 1080, NONE, Duration.ofHours(12), 1, 60, 256 * GB, 360, ANY));

    private final Map<String, PlatformFormat> byName = new LinkedHashMap<>();

    public PlatformFormats(Collection<PlatformFormat> formats) {
        for (PlatformFormat f : formats) {
            if (byName.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("duplicate platform format " + f.name());
            }
        }
    }

    public static PlatformFormats defaults() {
        return new PlatformFormats(DEFAULTS);
    }

    /** @throws IllegalArgumentException naming the known formats when {@code name} is not one */
    public PlatformFormat get(String name) {
        PlatformFormat f = byName.get(name);
        if (f == null) throw new IllegalArgumentException("unknown format '" + name + "'; known: " + byName.keySet());
        return f;
    }

    public List<PlatformFormat> get(Collection<String> names) {
        List<PlatformFormat> out = new ArrayList<>();
        for (String n : names) out.add(get(n));
        return out;
    }

    public List<PlatformFormat> all() {
        return List.copyOf(byName.values());
    }
}
