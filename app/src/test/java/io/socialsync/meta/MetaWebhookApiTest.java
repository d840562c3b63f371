package io.socialsync.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.meta.webhooks.HubSignature;
import io.socialsync.meta.webhooks.MetaPayloadsTest;
import io.socialsync.meta.webhooks.MetaWebhookEvents;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The webhook endpoints over HTTP: handshake, signatures, durable storage, dedupe, and what events create. */
class MetaWebhookApiTest extends MetaServerTest {
    @Autowired
    MetaWebhookEvents events;
    @Autowired
    Storage storage;

    @Test
    void theHandshakeEchoesTheChallengeOnBothPaths() {
        for (String path : new String[] {"/webhook/instagram", "/webhook/facebook"}) {
            var ok = admin.withKey(null).get(path + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                    + "&hub.challenge=1158201444");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("1158201444");
            assertThat(ok.header("Content-Type")).startsWith("text/plain");
        }
    }

    @Test
    void theHandshakeRefusesAWrongTokenOrMode() {
        for (String query : new String[] {"hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                "hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1",
                "hub.mode=subscribe&hub.challenge=1"}) {
            var refused = admin.withKey(null).get("/webhook/instagram?" + query);
            assertThat(refused.status()).as(query).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("\"1\"");
        }
    }

    @Test
    void aMissingOrWrongSignatureIs401AndStoresNothing() {
        var ws = workspaceWithPage();
        byte[] body = videoPost(ws.pageId(), postId(ws.pageId()), mediaUrl("/never.mp4"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] other = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        String[] signatures = {null, "", MetaHmac.header("not the secret".getBytes(StandardCharsets.UTF_8), body),
                MetaHmac.header(APP_SECRET.getBytes(StandardCharsets.UTF_8), other), "sha256=zz",
                MetaHmac.header(APP_SECRET.getBytes(StandardCharsets.UTF_8), body).replace("sha256=", "sha1=")};
        for (String signature : signatures) {
            var response = deliver("/webhook/facebook", body, signature);
            assertThat(response.status()).as(String.valueOf(signature)).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(events.countBySha256(sha256(body))).isZero();
        assertThat(posts.page(ws.id(), null, null, 10)).isEmpty();
    }

    @Test
    void aRedeliveryIsAcknowledgedButCountedOnce() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String json = MetaPayloadsTest.page(ws.pageId(),
                "{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"" + post + "\",\"message\":\"hello\"}",
                "{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"" + post + "\",\"comment_id\":\"c1\"}",
                "{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"" + post + "\",\"reaction_type\":\"like\"}");
        var first = deliver("/webhook/facebook", json);
        var again = deliver("/webhook/facebook", json);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(events.countBySha256(sha256(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
        var listed = ws.viewer().get("/meta/posts").json().path("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("counters").path("comments").asInt()).isEqualTo(1);
        assertThat(listed.get(0).path("counters").path("likes").asInt()).isEqualTo(1);
    }

    @Test
    void engagementMovesTheCountersOfOurPosts() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        deliver("/webhook/facebook", MetaPayloadsTest.page(ws.pageId(),
                "{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"" + post + "\",\"message\":\"hello\"}"));
        String comment = "{\"item\":\"comment\",\"verb\":\"%s\",\"post_id\":\"" + post + "\",\"comment_id\":\"%s\"}";
        deliver("/webhook/facebook", MetaPayloadsTest.page(ws.pageId(), comment.formatted("add", "c1"),
                comment.formatted("add", "c2"), comment.formatted("remove", "c1"),
                "{\"item\":\"share\",\"verb\":\"add\",\"post_id\":\"" + post + "\"}"));
        deliver("/webhook/facebook", "{\"object\":\"page\",\"entry\":[{\"id\":\"" + ws.pageId() + "\",\"changes\":"
                + "[{\"field\":\"mention\",\"value\":{\"post_id\":\"" + post + "\",\"item\":\"post\",\"verb\":\"add\"}}]}]}");
        var counters = ws.viewer().get("/meta/posts").json().path("items").get(0).path("counters");
        assertThat(counters.toString()).isEqualTo("{\"comments\":1,\"likes\":0,\"shares\":1,\"mentions\":1}");
    }

    @Test
    void eventsOfUnconnectedPagesAreStoredButIgnored() {
        String stranger = "4" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 9);
        String json = videoPost(stranger, stranger + "_1", mediaUrl("/never.mp4"));
        assertThat(deliver("/webhook/facebook", json).status()).isEqualTo(200);
        String note = jdbc.sql("SELECT note FROM meta_webhook_events WHERE body_sha256 = ?")
                .param(sha256(json.getBytes(StandardCharsets.UTF_8))).query(String.class).single();
        assertThat(note).contains("0 new post(s)").contains("1 change(s) of unconnected accounts ignored");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meta_posts WHERE account_id = ?").param(stranger)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aVideoPostIsStoredBeforeThe200DownloadedAtOnceAndCanJoinTheLibrary() throws Exception {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = "/cdn/" + UUID.randomUUID() + ".mp4";
        byte[] bytes = ("not really a video " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        media.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(bytes)));

        var response = deliver("/webhook/instagram", videoPost(ws.pageId(), post, mediaUrl(path)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(posts.byPostId(ws.id(), post)).as("durable before the 200").isPresent();

        var done = awaitPost(ws.id(), post, "the arrival download", p -> p.mediaStatus() == MediaStatus.SUCCESS);
        String key = ws.id() + "/publicaciones_meta/" + post + ".mp4";
        assertThat(done.localKey()).isEqualTo(key);
        assertThat(done.mediaAttempts()).as("last error: %s", done.mediaLastError()).isEqualTo(1);
        assertThat(done.downloadedAt()).isNotNull();
        assertThat(done.contentType()).isEqualTo("video/mp4");
        try (InputStream in = storage.open(StorageKey.of(key))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(ledgerOf(ws.id(), done.id())).extracting(r -> r.get("event_type"))
                .containsExactly("meta_post_received", "meta_media_downloaded");
        var view = ws.viewer().get("/meta/posts/" + done.id()).json();
        assertThat(view.path("media_status").asString()).isEqualTo("success");
        assertThat(view.path("local_url").asString()).contains("/files/" + key);

        assertThat(ws.viewer().post("/meta/posts/" + done.id() + "/add-to-library", null).status()).isEqualTo(403);
        var added = ws.editor().post("/meta/posts/" + done.id() + "/add-to-library", null);
        assertThat(added.status()).isEqualTo(201);
        long videoId = added.json().path("video_id").asLong();
        var again = ws.editor().post("/meta/posts/" + done.id() + "/add-to-library", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("video_id").asLong()).isEqualTo(videoId);
        var video = jdbc.sql("SELECT source, sha256, storage_key FROM videos WHERE id = ?").param(videoId).query()
                .singleRow();
        assertThat(video.get("source")).isEqualTo("meta");
        assertThat(video.get("sha256")).isEqualTo(HexFormat.of().formatHex(HubSignature.sha256(bytes)));
        assertThat(video.get("storage_key")).isEqualTo(key);
        assertThat(posts.byId(ws.id(), done.id()).orElseThrow().videoId()).isEqualTo(videoId);
        media.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void onlyADownloadedVideoCanJoinTheLibrary() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        deliver("/webhook/facebook", MetaPayloadsTest.page(ws.pageId(),
                "{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"" + post + "\",\"message\":\"hello\"}"));
        long id = posts.byPostId(ws.id(), post).orElseThrow().id();
        assertThat(ws.editor().post("/meta/posts/" + id + "/add-to-library", null).status()).isEqualTo(409);
        assertThat(ws.editor().post("/meta/posts/999999999/add-to-library", null).status()).isEqualTo(404);
    }

    @Test
    void pagesAreManagedByEditors() {
        var ws = workspaceWithPage();
        var listed = ws.editor().get("/meta/pages");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("page_id").asString()).isEqualTo(ws.pageId());
        assertThat(ws.viewer().get("/meta/pages").status()).isEqualTo(403);
        assertThat(ws.viewer().post("/meta/pages", "{\"page_id\":\"1\",\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(ws.editor().post("/meta/pages", "{\"page_id\":\"" + ws.pageId() + "\",\"name\":\"again\"}")
                .status()).isEqualTo(409);
        assertThat(ws.editor().post("/meta/pages", "{\"name\":\"no ids\"}").status()).isEqualTo(400);
        assertThat(ws.editor().post("/meta/pages", "{\"page_id\":\"12ab\",\"name\":\"x\"}").status()).isEqualTo(400);
        var ig = ws.editor().post("/meta/pages", "{\"ig_user_id\":\"17841400000001\",\"name\":\"IG\"}");
        assertThat(ig.status()).isEqualTo(201);
        assertThat(ws.editor().delete("/meta/pages/" + ig.json().path("id").asLong()).status()).isEqualTo(204);
        assertThat(ws.editor().get("/meta/pages").json().size()).isEqualTo(1);
    }

    @Test
    void instagramStoriesAndCaptionlessPostsAreKeptButNotDownloaded() {
        var ws = workspaceWithPage();
        String igUser = "178414" + ws.pageId();
        assertThat(ws.editor().post("/meta/pages", "{\"ig_user_id\":\"" + igUser + "\",\"name\":\"IG\"}").status())
                .isEqualTo(201);
        String path = "/cdn/" + UUID.randomUUID() + ".mp4";
        String change = "{\"field\":\"media\",\"value\":{\"id\":\"%s\",\"media_type\":\"VIDEO\","
                + "\"media_product_type\":\"%s\",\"media_url\":\"" + mediaUrl(path) + "\"%s}}";
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + igUser + "\",\"time\":1,\"changes\":["
                + change.formatted(igUser + "1", "STORY", ",\"caption\":\"a story\"") + ","
                + change.formatted(igUser + "2", "REELS", "") + "]}]}";
        assertThat(deliver("/webhook/instagram", json).status()).isEqualTo(200);

        assertThat(posts.byPostId(ws.id(), igUser + "1").orElseThrow().type()).isEqualTo(PostType.STORY);
        var reel = posts.byPostId(ws.id(), igUser + "2").orElseThrow();
        assertThat(reel.platform()).isEqualTo(MetaPlatform.INSTAGRAM);
        assertThat(reel.message()).isNull();
        assertThat(reel.mediaStatus()).isEqualTo(MediaStatus.PENDING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'DOWNLOAD_META_MEDIA'")
                .param(ws.id()).query(Long.class).single()).isZero();
        media.verify(0, getRequestedFor(urlEqualTo(path)));
    }

    static String sha256(byte[] body) {
        return HexFormat.of().formatHex(HubSignature.sha256(body));
    }
}
