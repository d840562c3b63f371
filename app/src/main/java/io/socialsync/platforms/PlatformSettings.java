package io.socialsync.platforms;

import io.socialsync.platforms.facebook.FacebookFlow;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.platforms.*}: where each platform's API is (tests point these at WireMock), how long to
 * wait for it, and each account's rolling 24-hour post budget.
 *
 * @param requestTimeout a JSON call; past it the outcome is unknown
 * @param uploadTimeout  one upload request (a chunk, or a whole file)
 * @param pollInterval   between status polls (Meta asks for about once a minute; we poll a little faster)
 * @param pollAttempts   status polls within one run before it hands over to a later attempt
 * @param recoveryTries  runs that ask the platform about an unknown outcome before it is UNCONFIRMED
 * @param videoUrlTtl    lifetime of the signed URL a platform or an orchestrator downloads the video from
 */
@ConfigurationProperties("socialsync.platforms")
public record PlatformSettings(@DefaultValue("60s") Duration requestTimeout,
                               @DefaultValue("30m") Duration uploadTimeout,
                               @DefaultValue("15s") Duration pollInterval,
                               @DefaultValue("20") int pollAttempts,
                               @DefaultValue("5") int recoveryTries,
                               @DefaultValue("6h") Duration videoUrlTtl,
                               @DefaultValue Instagram instagram,
                               @DefaultValue TikTok tiktok,
                               @DefaultValue YouTube youtube,
                               @DefaultValue Facebook facebook) {

    /** 100 posts per moving 24 h is Meta's current figure; the publisher also reads content_publishing_limit. */
    public record Instagram(@DefaultValue(MetaGraph.URL) String baseUrl,
                            @DefaultValue("true") boolean shareToFeed,
                            @DefaultValue("100") int postsPer24h) {
        public Instagram {
            baseUrl = MetaGraph.or(baseUrl, MetaGraph.URL);
        }
    }

    /**
     * Page Reels: 30 API-published reels per moving 24 h (the budget counts every Facebook post of the account).
     * {@code flow}: which upload a publication takes, see {@link FacebookFlow}.
     */
    public record Facebook(@DefaultValue(MetaGraph.URL) String baseUrl,
                           @DefaultValue("30") int postsPer24h,
                           @DefaultValue("auto") FacebookFlow flow) {
        public Facebook {
            baseUrl = MetaGraph.or(baseUrl, MetaGraph.URL);
        }
    }

    /**
     * TikTok publishes no per-creator daily cap (integrators report about 15). {@code chunkSize} must be
     * 5–64 MB; files under 5 MB go whole.
     */
    public record TikTok(@DefaultValue("https://open.tiktokapis.com") String baseUrl,
                         @DefaultValue("PUBLIC_TO_EVERYONE") String privacyLevel,
                         @DefaultValue("10000000") long chunkSize,
                         @DefaultValue("15") int postsPer24h) {
        public TikTok {
            baseUrl = withoutTrailingSlash(baseUrl);
        }
    }

    /**
     * 100 videos.insert a day is the default project quota; unaudited projects can only upload private videos.
     *
     * @param chunkSize      bytes per upload PUT, rounded down to a multiple of 256 KiB; 0 sends the file in one
     * @param processingWait after the upload, how long later attempts keep asking whether YouTube has processed
     *                       the video before it counts as posted anyway (the PUBLISH job's last attempt also
     *                       counts it as posted, whichever comes first)
     */
    public record YouTube(@DefaultValue("https://www.googleapis.com") String baseUrl,
                          @DefaultValue("public") String privacyStatus,
                          @DefaultValue("false") boolean madeForKids,
                          @DefaultValue("100") int postsPer24h,
                          @DefaultValue("8388608") long chunkSize,
                          @DefaultValue("15m") Duration processingWait) {
        public YouTube {
            baseUrl = withoutTrailingSlash(baseUrl);
        }
    }

    /** Callers append {@code "/" + path}, so a base URL configured with a trailing slash loses it here, once. */
    private static String withoutTrailingSlash(String base) {
        return base != null && base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public int postsPer24h(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> instagram.postsPer24h();
            case FACEBOOK -> facebook.postsPer24h();
            case TIKTOK -> tiktok.postsPer24h();
            case YOUTUBE -> youtube.postsPer24h();
        };
    }
}
