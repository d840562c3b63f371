package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Random faults against stateful platforms ({@link FakeInstagram}, {@link FakeTikTok}, {@link FakeYouTube},
 * {@link FakeFacebook}): 5xx, rate limits, failed processing, and calls that take effect but whose answer is lost.
 * Whatever happens, no account gets a video twice, no post is left publishing, a post SocialSync calls posted is
 * the one the platform holds, and one it calls failed is not on the platform. Seeds make a failing run
 * reproducible.
 */
class PublishingFaultInjectionTest extends PlatformTest {
    private static final int POSTS = 12;
    private static final int MIB = 1024 * 1024;
    private static final Set<String> SETTLED = Set.of("posted", "failed", "unconfirmed", "scheduled");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void instagramNeverPublishesTwiceNorLeavesAPostPublishing(long seed) {
        FAKE_INSTAGRAM.reset(seed, clock::instant, 1500); // 1.5 s: past the client's 1 s request timeout
        PLATFORMS.stubFor(any(urlPathMatching("/v26\\.0/.*")).willReturn(aResponse()
                .withTransformers(FakeInstagram.NAME)));
        var held = new LinkedHashMap<String, Supplier<List<String>>>(); // publication → what Instagram holds
        for (int i = 0; i < POSTS; i++) {
            String user = "178414" + seed + "00" + i;
            long account = account("instagram", Map.of("ig_user_id", user), "IGtoken");
            held.put(schedule("instagram", account, video("instagram_reel", 1000), "post " + i),
                    () -> FAKE_INSTAGRAM.reelsOf(user).stream().map(FakeInstagram.Reel::id).toList());
        }
        check(seed, held);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void tiktokNeverPublishesTwiceNorLeavesAPostPublishing(long seed) {
        FAKE_TIKTOK.reset(seed, 2500); // past the client's 2 s upload timeout
        PLATFORMS.stubFor(any(urlPathMatching("/(v2/post/publish|upload/tiktok)/.*")).willReturn(aResponse()
                .withTransformers(FakeTikTok.NAME)));
        var held = new LinkedHashMap<String, Supplier<List<String>>>();
        for (int i = 0; i < POSTS; i++) {
            String token = "TT-" + seed + "-" + i;
            long account = account("tiktok", Map.of("open_id", "open-" + i), token);
            int size = i % 4 == 0 ? 11 * MIB : 1000; // some in two chunks
            held.put(schedule("tiktok", account, video("tiktok", size), "post " + i), () -> FAKE_TIKTOK.postsOf(token));
        }
        check(seed, held);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void youtubeNeverUploadsTwiceNorLeavesAPostPublishing(long seed) {
        FAKE_YOUTUBE.reset(seed, 2500); // past the client's 2 s upload timeout (and its 1 s request timeout)
        PLATFORMS.stubFor(any(urlPathMatching("/(upload/)?youtube/v3/videos")).willReturn(aResponse()
                .withTransformers(FakeYouTube.NAME)));
        var held = new LinkedHashMap<String, Supplier<List<String>>>();
        var made = new LinkedHashMap<String, Supplier<List<String>>>();
        for (int i = 0; i < POSTS; i++) {
            String token = "YT-" + seed + "-" + i;
            long account = account("youtube", Map.of("channel_id", "UC" + seed + "x" + i), token);
            int size = i % 3 == 0 ? 600_000 : 1000; // some in three 256 KiB chunks
            String id = schedule("youtube", account, video("youtube_short", size), "post " + i);
            held.put(id, () -> FAKE_YOUTUBE.videosOf(token));
            made.put(id, () -> FAKE_YOUTUBE.uploadsOf(token)); // a rejected video was still uploaded once
        }
        check(seed, held, made);
    }

    /** Even posts are square (a Page video in three phases), odd ones vertical 15 s (a Page reel). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void facebookNeverPublishesTwiceNorLeavesAPostPublishing(long seed) {
        FAKE_FACEBOOK.reset(seed, 2500); // past the client's 2 s upload timeout (and its 1 s request timeout)
        PLATFORMS.stubFor(any(urlPathMatching("/(v26\\.0|video-upload)/.*")).willReturn(aResponse()
                .withTransformers(FakeFacebook.NAME)));
        var held = new LinkedHashMap<String, Supplier<List<String>>>();
        var made = new LinkedHashMap<String, Supplier<List<String>>>();
        for (int i = 0; i < POSTS; i++) {
            String page = "PAGE" + seed + "0" + i;
            long account = account("facebook", Map.of("page_id", page), "FB-" + seed + "-" + i);
            long[] video = video("facebook", i % 4 < 2 ? 500_000 : 1000); // 500 KB: three ranges as a Page video
            if (i % 2 == 0) {
                jdbc.sql("UPDATE variants SET width = 1080, height = 1080 WHERE id = ?").param(video[1]).update();
            }
            String id = schedule("facebook", account, video, "post " + i);
            held.put(id, () -> FAKE_FACEBOOK.postsOf(page));
            made.put(id, () -> FAKE_FACEBOOK.publishedOf(page)); // a video that failed processing was still posted
        }
        check(seed, held, made);
    }

    private void check(long seed, Map<String, Supplier<List<String>>> held) {
        check(seed, held, held);
    }

    /**
     * {@code held}: what the platform shows for each publication's account; {@code made}: every post it created
     * there, shown or not, of which there must never be two.
     */
    private void check(long seed, Map<String, Supplier<List<String>>> held, Map<String, Supplier<List<String>>> made) {
        var outcomes = settle(held.keySet());
        for (var entry : held.entrySet()) {
            var p = outcomes.get(entry.getKey());
            var onPlatform = entry.getValue().get();
            String why = "seed " + seed + ", publication " + p;
            assertThat(made.get(entry.getKey()).get()).as(why).hasSizeLessThanOrEqualTo(1);
            assertThat(onPlatform).as(why).hasSizeLessThanOrEqualTo(1);
            switch (p.path("status").asString()) {
                case "posted" -> assertThat(onPlatform).as(why).containsExactly(p.path("external_id").asString());
                case "failed" -> assertThat(onPlatform).as(why).isEmpty();
                case "unconfirmed" -> assertThat(p.path("last_error").asString()).as(why).isNotBlank();
                default -> throw new AssertionError("not settled: " + why);
            }
        }
        long posted = outcomes.values().stream().filter(p -> p.path("status").asString().equals("posted")).count();
        assertThat(posted).as("most posts get through the faults (seed %s)", seed).isGreaterThanOrEqualTo(POSTS / 2);
    }

    /** Runs ticks, moving the clock past rescheduled posts, until every post is posted, failed or unconfirmed. */
    private Map<String, JsonNode> settle(Set<String> ids) {
        var latest = new LinkedHashMap<String, JsonNode>();
        Instant due = Instant.parse(SLOT);
        for (int round = 0; round < 10; round++) {
            clock.set(due.plusSeconds(30));
            assertThat(api.post("/publishing/scheduler/tick", null).status()).isEqualTo(200);
            try {
                Eventually.await("every publication to stop publishing", Duration.ofSeconds(120), () -> {
                    ids.forEach(id -> latest.put(id, publication(id)));
                    return latest.values().stream().allMatch(p -> SETTLED.contains(p.path("status").asString()));
                });
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + ": " + unsettled(latest), stuck);
            }
            var later = latest.values().stream().filter(p -> p.path("status").asString().equals("scheduled"))
                    .map(p -> Instant.parse(p.path("scheduled_for").asString())).max(Instant::compareTo);
            if (later.isEmpty()) {
                return latest;
            }
            due = later.get().isAfter(due) ? later.get() : due;
        }
        throw new AssertionError("posts still rescheduled after 10 rounds: " + latest);
    }

    /** The publications not settled, with their journal and job, to tell a stuck run from a slow one. */
    private List<String> unsettled(Map<String, JsonNode> latest) {
        return latest.entrySet().stream().filter(e -> !SETTLED.contains(e.getValue().path("status").asString()))
                .map(e -> e.getValue() + " " + jdbc.sql("SELECT p.publish_step, p.attempt_intent_at, p.remote_handles, "
                        + "j.state, j.attempt, j.run_at FROM publications p LEFT JOIN jobs j ON j.id = p.job_id "
                        + "WHERE p.id = ?").param(Long.parseLong(e.getKey())).query().listOfRows())
                .toList();
    }
}
