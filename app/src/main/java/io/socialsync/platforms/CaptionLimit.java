package io.socialsync.platforms;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a platform accepts as a post's caption: a length (in UTF-16 characters, or UTF-8 bytes for YouTube's
 * description) and, where the platform has one, a hashtag count. Scheduling refuses a caption over these, so a
 * post never fails (or is silently cut) hours later; the web app shows the same numbers while a person types.
 * <ul>
 * <li>Instagram: 2200 characters, 30 hashtags (the Graph API refuses more).</li>
 * <li>TikTok: a title of 2200 UTF-16 characters; no documented hashtag limit.</li>
 * <li>YouTube: a description of 5000 bytes (the title is its first line, cut to 100 characters); with more than
 * 60 hashtags YouTube ignores them all.</li>
 * <li>Facebook: far more than anyone posts; the API's own 5000-character cap applies.</li>
 * </ul>
 */
public record CaptionLimit(Platform platform, int maxLength, boolean bytes, Integer maxHashtags) {
    /** The API's cap on any caption, whatever the platform. */
    public static final int API_MAX = 5000;
    /** A hashtag as the platforms count it: '#' then letters, digits or '_' (the web app's script uses the same). */
    public static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

    public static CaptionLimit of(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> new CaptionLimit(platform, 2200, false, 30);
            case TIKTOK -> new CaptionLimit(platform, 2200, false, null);
            case YOUTUBE -> new CaptionLimit(platform, 5000, true, 60);
            case FACEBOOK -> new CaptionLimit(platform, API_MAX, false, null);
        };
    }

    public int length(String caption) {
        return bytes ? caption.getBytes(StandardCharsets.UTF_8).length : caption.length();
    }

    public static int hashtags(String caption) {
        return (int) HASHTAG.matcher(caption).results().count();
    }

    /** Why this caption cannot go to the platform, or empty when it fits (a missing caption always fits). */
    public Optional<String> problem(String caption) {
        if (caption == null) {
            return Optional.empty();
        }
        int length = length(caption);
        if (length > maxLength) {
            return Optional.of("is " + length + (bytes ? " bytes" : " characters") + ": " + platform.wire()
                    + " takes at most " + maxLength + (bytes ? " bytes (UTF-8)" : " characters"));
        }
        int tags = hashtags(caption);
        if (maxHashtags != null && tags > maxHashtags) {
            return Optional.of("has " + tags + " hashtags: " + platform.wire() + " takes at most " + maxHashtags);
        }
        return Optional.empty();
    }
}
