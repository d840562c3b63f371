package io.socialsync.ingest.url;

import java.util.List;
import java.util.Locale;

/**
 * Hosts whose URLs are pages for yt-dlp, never media files: fetching them ourselves would only return HTML.
 * Any other host is fetched first, and goes to yt-dlp only if it answers with something that is not a video.
 */
final class VideoSites {
    private static final List<String> DOMAINS = List.of("youtube.com", "youtu.be", "youtube-nocookie.com",
            "tiktok.com", "instagram.com", "facebook.com", "fb.watch", "vimeo.com", "x.com", "twitter.com",
            "dailymotion.com", "twitch.tv", "reddit.com", "bilibili.com", "rumble.com", "streamable.com");

    private VideoSites() {
    }

    static boolean isVideoSite(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return DOMAINS.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }
}
