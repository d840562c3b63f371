package io.socialsync.meta;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.meta.webhooks.MetaPayloadsTest;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service with Meta configured, workers on, and a WireMock server standing in for Meta's CDN (allowed
 * by allow-private-networks). A short download timeout, and the queue's 50 ms backoff base, keep retries quick.
 * Each test makes its own workspace and page, so tests share one context without seeing each other.
 */
@TestPropertySource(properties = {
        "socialsync.meta.verify-token=" + MetaServerTest.VERIFY_TOKEN,
        "socialsync.meta.app-secret=" + MetaServerTest.APP_SECRET,
        "socialsync.meta.allow-private-networks=true",
        "socialsync.meta.download-timeout=2s",
        "socialsync.meta.max-transfer-time=5s"})
abstract class MetaServerTest extends ServerTest {
    static final String VERIFY_TOKEN = "verify-me-0123";
    static final String APP_SECRET = "app-secret-for-tests";
    static final Duration DEADLINE = Duration.ofSeconds(20);
    static WireMockServer media;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeyService keys;
    @Autowired
    MetaPosts posts;

    @BeforeAll
    static void startMedia() {
        media = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        media.start();
        // a cold WireMock can take longer than the download timeout to answer its first request
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(java.net.URI.create(mediaUrl("/warm-up"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException("WireMock did not answer", e);
        }
    }

    @AfterAll
    static void stopMedia() {
        media.stop();
    }

    record Ws(long id, Api editor, Api viewer, String pageId) {
    }

    /** A new workspace with an editor and a viewer key and one connected Facebook page. */
    Ws workspaceWithPage() {
        long ws = workspaces.create("meta-" + UUID.randomUUID()).id();
        Api editor = admin.withKey(keys.create(ws, "editor", Role.EDITOR, Actor.SYSTEM).plainKey());
        Api viewer = admin.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        String pageId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
        var connected = editor.post("/meta/pages", "{\"page_id\":\"" + pageId + "\",\"name\":\"Test page\"}");
        if (connected.status() != 201) {
            throw new AssertionError("connecting the page: " + connected.status() + " " + connected.body());
        }
        return new Ws(ws, editor, viewer, pageId);
    }

    static String mediaUrl(String path) {
        return "http://127.0.0.1:" + media.port() + path;
    }

    /** A Facebook feed event: a new video post of the page, with message and media link. */
    static String videoPost(String pageId, String postId, String url) {
        return MetaPayloadsTest.page(pageId, "{\"item\":\"video\",\"verb\":\"add\",\"post_id\":\"" + postId
                + "\",\"message\":\"our new video\",\"link\":\"" + url + "\"}");
    }

    Api.Response deliver(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return deliver(path, body, MetaHmac.header(APP_SECRET.getBytes(StandardCharsets.UTF_8), body));
    }

    Api.Response deliver(String path, byte[] body, String signature) {
        var request = admin.withKey(null).request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return admin.withKey(null).send(request);
    }

    MetaPost awaitPost(long ws, String postId, String what, Predicate<MetaPost> condition) {
        Eventually.await(what, DEADLINE, () -> posts.byPostId(ws, postId).filter(condition).isPresent());
        return posts.byPostId(ws, postId).orElseThrow();
    }

    /** Ledger events of one meta post, oldest first: type and payload. */
    List<Map<String, Object>> ledgerOf(long ws, long metaPostId) {
        return jdbc.sql("SELECT event_type, payload FROM ledger_events WHERE workspace_id = ? AND entity_type = "
                + "'meta_post' AND entity_id = ? ORDER BY id").params(ws, Long.toString(metaPostId)).query().listOfRows();
    }

    static String postId(String pageId) {
        return pageId + "_" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L);
    }
}
