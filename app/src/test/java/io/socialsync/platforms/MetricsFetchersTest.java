package io.socialsync.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.platforms.facebook.FacebookMetrics;
import io.socialsync.platforms.instagram.InstagramMetrics;
import io.socialsync.platforms.tiktok.TikTokMetrics;
import io.socialsync.platforms.youtube.YouTubeMetrics;
import io.socialsync.support.ServerTest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each platform's metrics client against WireMock stubs in the documented shapes, and its error mapping. */
class MetricsFetchersTest {
    static final WireMockServer API = start();
    static final PostRef IG_POST = new PostRef("17900000000000001", "creator", "IGtoken");
    final PlatformHttp http = new PlatformHttp();

    private static WireMockServer start() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        API.stop();
    }

    @BeforeEach
    void reset() {
        API.resetAll();
    }

    static PlatformSettings settings(String base) {
        return new PlatformSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(10), 1, 1,
                Duration.ofHours(1), new PlatformSettings.Instagram(base + "/v26.0", true, 100),
                new PlatformSettings.TikTok(base, "SELF_ONLY", 5_000_000, 15),
                new PlatformSettings.YouTube(base, "private", false, 100, 8 * 1024 * 1024, Duration.ofMinutes(15)),
                new PlatformSettings.Facebook(base + "/v26.0", 30, io.socialsync.platforms.facebook.FacebookFlow.AUTO));
    }

    private PlatformSettings settings() {
        return settings("http://localhost:" + API.port());
    }

    private static Map<String, Double> platformValues(MetricsFetch fetch) {
        assertThat(fetch).isInstanceOf(MetricsFetch.Collected.class);
        return ((MetricsFetch.Collected) fetch).values().stream()
                .collect(Collectors.toMap(MetricValue::platformMetric, MetricValue::value));
    }

    private static Map<String, Double> common(MetricsFetch fetch) {
        return ((MetricsFetch.Collected) fetch).values().stream().filter(v -> v.metric() != null)
                .collect(Collectors.toMap(MetricValue::metric, MetricValue::value));
    }

    private void instagramAnswers(int status, String body) {
        API.stubFor(get(urlPathEqualTo("/v26.0/" + IG_POST.externalId() + "/insights")).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private MetricsFetch instagram() {
        return new InstagramMetrics(http, settings()).fetch(IG_POST);
    }

    @Test
    void instagramAsksForTheReelMetricsAndMapsThemToCommonNames() {
        instagramAnswers(200, PlatformResponses.instagramReel(IG_POST.externalId(), 1532));

        var fetched = instagram();

        API.verify(getRequestedFor(urlPathEqualTo("/v26.0/17900000000000001/insights"))
                .withQueryParam("metric", equalTo("views,reach,likes,comments,shares,saved,total_interactions,"
                        + "ig_reels_avg_watch_time,ig_reels_video_view_total_time"))
                .withQueryParam("access_token", equalTo("IGtoken")));
        assertThat(platformValues(fetched)).containsEntry("views", 1532.0).containsEntry("saved", 40.0)
                .containsEntry("ig_reels_avg_watch_time", 5821.5).hasSize(9);
        assertThat(common(fetched)).containsEntry("views", 1532.0).containsEntry("saves", 40.0)
                .containsEntry("interactions", 387.0).containsEntry("avg_watch_time_ms", 5821.5)
                .containsEntry("total_watch_time_ms", 8912345.0).containsEntry("reach", 1200.0);
    }

    @Test
    void instagramWithoutDataYetIsAnEmptyCollectionAndTooFewViewersIsUnavailable() {
        instagramAnswers(200, "{\"data\":[]}");
        assertThat(platformValues(instagram())).isEmpty();

        instagramAnswers(400, PlatformResponses.graphError(10, null,
                "(#10) Not enough viewers for the media to show insights"));
        assertThat(instagram()).isInstanceOf(MetricsFetch.Unavailable.class);
    }

    @Test
    void instagramErrorsAreSortedIntoReauthGoneRetryAndPermanent() {
        instagramAnswers(400, PlatformResponses.graphError(190, 463,
                "Error validating access token: Session has expired"));
        assertThat(instagram()).isEqualTo(new MetricsFetch.Failed(((MetricsFetch.Failed) instagram()).reason(),
                MetricsFetch.Kind.REAUTH));
        assertThat(((MetricsFetch.Failed) instagram()).reason()).contains("@creator").contains("Session has expired");

        instagramAnswers(400, PlatformResponses.graphError(100, 33, "Unsupported get request. Object with ID "
                + "'17900000000000001' does not exist"));
        assertThat(instagram()).isInstanceOf(MetricsFetch.Gone.class);

        instagramAnswers(429, PlatformResponses.graphError(4, null, "Application request limit reached"));
        assertThat(((MetricsFetch.Failed) instagram()).kind()).isEqualTo(MetricsFetch.Kind.RETRY);
        instagramAnswers(503, "<html>busy</html>");
        assertThat(((MetricsFetch.Failed) instagram()).kind()).isEqualTo(MetricsFetch.Kind.RETRY);

        instagramAnswers(400, PlatformResponses.graphError(100, null, "(#100) The value must be a valid insights "
                + "metric"));
        assertThat(((MetricsFetch.Failed) instagram()).kind()).isEqualTo(MetricsFetch.Kind.PERMANENT);
    }

    @Test
    void noConnectionIsRetried() {
        var closed = new InstagramMetrics(http, settings("http://localhost:" + ServerTest.freePort())).fetch(IG_POST);
        assertThat(((MetricsFetch.Failed) closed).kind()).isEqualTo(MetricsFetch.Kind.RETRY);
    }

    @Test
    void facebookReelMetricsKeepBreakdownsPerKey() {
        API.stubFor(get(urlPathEqualTo("/v26.0/555/video_insights"))
                .willReturn(okJson(PlatformResponses.facebookReel("555"))));

        var fetched = new FacebookMetrics(http, settings()).fetch(new PostRef("555", "page", "PAGEtoken"));

        API.verify(getRequestedFor(urlPathEqualTo("/v26.0/555/video_insights"))
                .withQueryParam("metric", equalTo(FacebookMetrics.METRICS))
                .withQueryParam("access_token", equalTo("PAGEtoken")));
        assertThat(platformValues(fetched)).containsEntry("blue_reels_play_count", 950.0)
                .containsEntry("fb_reels_replay_count", 150.0)
                .containsEntry("post_video_social_actions.COMMENT", 9.0)
                .containsEntry("post_video_likes_by_reaction_type.REACTION_LOVE", 8.0);
        assertThat(common(fetched)).isEqualTo(Map.of("views", 950.0, "reach", 870.0, "avg_watch_time_ms", 4300.0,
                "total_watch_time_ms", 4085000.0, "comments", 9.0, "shares", 14.0, "likes", 61.0));
    }

    /** Meta retires metrics for every version at once; one in the list makes the whole request an error. */
    @Test
    void aMetricMetaRefusesAsInvalidIsDroppedAndTheOthersAreStillCollected() {
        API.stubFor(get(urlPathEqualTo("/v26.0/557/video_insights")).atPriority(1)
                .withQueryParam("metric", containing("post_impressions_unique"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(PlatformResponses.graphError(100, 0, "(#100) The value must be a valid insights "
                                + "metric"))));
        API.stubFor(get(urlPathEqualTo("/v26.0/557/video_insights")).atPriority(5)
                .willReturn(okJson(PlatformResponses.facebookReel("557"))));
        var facebook = new FacebookMetrics(http, settings());

        assertThat(common(facebook.fetch(new PostRef("557", "page", "t")))).containsEntry("views", 950.0)
                .containsEntry("comments", 9.0);
        API.resetRequests();
        assertThat(facebook.fetch(new PostRef("557", "page", "t"))).isInstanceOf(MetricsFetch.Collected.class);
        API.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/557/video_insights")));
        API.verify(0, getRequestedFor(urlPathEqualTo("/v26.0/557/video_insights"))
                .withQueryParam("metric", containing("post_impressions_unique")));

        // an error that is not about a metric is still the request's failure, and retires nothing
        API.stubFor(get(urlPathEqualTo("/v26.0/558/video_insights")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(PlatformResponses.graphError(100, 0, "Unsupported get request"))));
        assertThat(facebook.fetch(new PostRef("558", "page", "t"))).isInstanceOf(MetricsFetch.Failed.class);
        API.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/558/video_insights")));
    }

    @Test
    void facebookDeletedVideoIsGone() {
        API.stubFor(get(urlPathEqualTo("/v26.0/556/video_insights")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(PlatformResponses.graphError(100, 33, "Object does not exist"))));
        assertThat(new FacebookMetrics(http, settings()).fetch(new PostRef("556", "page", "t")))
                .isInstanceOf(MetricsFetch.Gone.class);
    }

    private void tiktokAnswers(int status, String body) {
        API.stubFor(post(urlPathEqualTo("/v2/video/query/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void tiktokQueriesTheVideoByIdWithTheUserToken() {
        tiktokAnswers(200, PlatformResponses.tiktokVideos("7301234567890123456", 20400));

        var fetched = new TikTokMetrics(http, settings()).fetch(new PostRef("7301234567890123456", "creator", "act.1"));

        API.verify(postRequestedFor(urlPathEqualTo("/v2/video/query/"))
                .withQueryParam("fields", equalTo("id,view_count,like_count,comment_count,share_count"))
                .withHeader("Authorization", equalTo("Bearer act.1"))
                .withRequestBody(equalToJson("{\"filters\":{\"video_ids\":[\"7301234567890123456\"]}}")));
        assertThat(common(fetched)).isEqualTo(Map.of("views", 20400.0, "likes", 520.0, "comments", 33.0,
                "shares", 71.0));
        assertThat(platformValues(fetched)).containsOnlyKeys("view_count", "like_count", "comment_count",
                "share_count");
    }

    @Test
    void tiktokWithoutTheVideoIsGoneAndWithoutAPostIdIsUnavailable() {
        var tiktok = new TikTokMetrics(http, settings());
        tiktokAnswers(200, PlatformResponses.tiktokNoVideos());
        assertThat(tiktok.fetch(new PostRef("7301", "creator", "t"))).isInstanceOf(MetricsFetch.Gone.class);

        API.resetRequests();
        assertThat(tiktok.fetch(new PostRef("v_inbox_file~v2.123", "creator", "t")))
                .isInstanceOf(MetricsFetch.Unavailable.class);
        API.verify(0, postRequestedFor(urlPathEqualTo("/v2/video/query/")));
    }

    @Test
    void tiktokErrors() {
        var tiktok = new TikTokMetrics(http, settings());
        var post = new PostRef("7301", "creator", "t");
        tiktokAnswers(401, PlatformResponses.tiktokError("access_token_invalid", "The access token is invalid"));
        assertThat(((MetricsFetch.Failed) tiktok.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.REAUTH);
        tiktokAnswers(429, PlatformResponses.tiktokError("rate_limit_exceeded", "slow down"));
        assertThat(((MetricsFetch.Failed) tiktok.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.RETRY);
        tiktokAnswers(400, PlatformResponses.tiktokError("invalid_params", "bad field"));
        assertThat(((MetricsFetch.Failed) tiktok.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.PERMANENT);
    }

    private void youtubeAnswers(int status, String body) {
        API.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void youtubeStatisticsAreStringsTurnedIntoNumbers() {
        youtubeAnswers(200, PlatformResponses.youtubeVideo("dQw4w9WgXcQ", 1523));

        var fetched = new YouTubeMetrics(http, settings()).fetch(new PostRef("dQw4w9WgXcQ", "chan", "ya29.x"));

        API.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("statistics"))
                .withQueryParam("id", equalTo("dQw4w9WgXcQ")).withHeader("Authorization", equalTo("Bearer ya29.x")));
        assertThat(platformValues(fetched)).isEqualTo(Map.of("viewCount", 1523.0, "likeCount", 88.0,
                "favoriteCount", 0.0, "commentCount", 7.0));
        assertThat(common(fetched)).isEqualTo(Map.of("views", 1523.0, "likes", 88.0, "comments", 7.0));
    }

    @Test
    void youtubeErrorsAndDeletedVideos() {
        var youtube = new YouTubeMetrics(http, settings());
        var post = new PostRef("dQw4w9WgXcQ", "chan", "t");
        youtubeAnswers(200, PlatformResponses.youtubeNone());
        assertThat(youtube.fetch(post)).isInstanceOf(MetricsFetch.Gone.class);
        youtubeAnswers(401, PlatformResponses.googleError(401, "authError", "Invalid Credentials"));
        assertThat(((MetricsFetch.Failed) youtube.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.REAUTH);
        youtubeAnswers(403, PlatformResponses.googleError(403, "quotaExceeded", "quota"));
        assertThat(((MetricsFetch.Failed) youtube.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.RETRY);
        youtubeAnswers(403, PlatformResponses.googleError(403, "forbidden", "no"));
        assertThat(((MetricsFetch.Failed) youtube.fetch(post)).kind()).isEqualTo(MetricsFetch.Kind.PERMANENT);
    }
}
