package io.socialsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.ledger.Actor;
import io.socialsync.publish.runs.PublishHandler;
import io.socialsync.publish.runs.PublishWatchdog;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.Eventually;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with every platform's API on one WireMock server (stubs follow the documented protocols), short
 * timeouts, fast polls, a clock the test moves and the automatic tick off. Its own data directory and database:
 * the workers of other test contexts, which poll their own database, can never run these PUBLISH jobs with
 * other settings, nor these workers theirs. Subclasses share this one context; each test gets a fresh workspace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms", "socialsync.roles.scheduler=false",
        "socialsync.rate-limit.requests-per-minute=100000"}) // tests poll publications fast, as ServerTest allows
@Import(ClockedServerTest.Clocks.class)
public abstract class PlatformTest {
    protected static final Instant START = ClockedServerTest.START;
    protected static final Path DATA = TestDatabases.tempDir("platform-test");
    /** Stateful platforms for fault injection; only stubs that name them use them. */
    protected static final FakeInstagram FAKE_INSTAGRAM = new FakeInstagram();
    protected static final FakeTikTok FAKE_TIKTOK = new FakeTikTok();
    protected static final FakeYouTube FAKE_YOUTUBE = new FakeYouTube();
    protected static final FakeFacebook FAKE_FACEBOOK = new FakeFacebook();
    protected static final WireMockServer PLATFORMS = start();
    /** Inside every platform's default posting window (UTC accounts). */
    protected static final String SLOT = "2030-01-07T19:00:00Z";
    @Autowired
    protected Storage storage;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected PublishWatchdog watchdog;
    @Autowired
    private JobQueue jobs;
    @Autowired
    private Workspaces workspaces;
    @Autowired
    private ApiKeyService keys;
    @LocalServerPort
    private int port;
    protected Workspace ws;
    protected Api api;

    protected record Workspace(long id, Api api) {
    }

    private static WireMockServer start() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .extensions(FAKE_INSTAGRAM, FAKE_TIKTOK, FAKE_YOUTUBE, FAKE_FACEBOOK));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DATA), DATA);
        int serverPort = ServerTest.freePort(); // known up front, so signed file links point back at this server
        registry.add("server.port", () -> serverPort);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + serverPort);
        String base = "http://localhost:" + PLATFORMS.port();
        registry.add("socialsync.platforms.instagram.base-url", () -> base + "/v26.0");
        registry.add("socialsync.platforms.facebook.base-url", () -> base + "/v26.0");
        registry.add("socialsync.platforms.tiktok.base-url", () -> base);
        registry.add("socialsync.platforms.youtube.base-url", () -> base);
        registry.add("socialsync.platforms.request-timeout", () -> "1s");
        registry.add("socialsync.platforms.upload-timeout", () -> "2s");
        registry.add("socialsync.platforms.poll-interval", () -> "20ms");
        registry.add("socialsync.platforms.poll-attempts", () -> "5");
        registry.add("socialsync.platforms.recovery-tries", () -> "3");
        registry.add("socialsync.platforms.instagram.posts-per24h", () -> "3");
        registry.add("socialsync.platforms.tiktok.chunk-size", () -> String.valueOf(5 * 1024 * 1024));
        registry.add("socialsync.platforms.youtube.chunk-size", () -> String.valueOf(256 * 1024));
    }

    @BeforeEach
    void freshWorkspaceAndStubs() {
        PLATFORMS.resetAll();
        clock.set(START);
        long id = workspaces.create("ws-" + UUID.randomUUID()).id();
        api = new Api("http://localhost:" + port, keys.create(id, "test", Role.EDITOR, Actor.SYSTEM).plainKey());
        ws = new Workspace(id, api);
    }

    /** A client without a key, for signed links. */
    protected Api anonymous() {
        return new Api("http://localhost:" + port, null);
    }

    protected String base() {
        return "http://localhost:" + PLATFORMS.port();
    }

    protected long account(String platform, Map<String, String> externalIds, String token) {
        var body = new HashMap<String, Object>(Map.of("platform", platform, "handle", "creator", "timezone", "UTC",
                "external_ids", externalIds));
        if (token != null) {
            body.put("access_token", token);
        }
        var created = api.post("/social-accounts", PublishingFixtures.json(body));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A clip with one rendered variant of {@code bytes} random bytes in storage; returns {clip, variant}. */
    protected long[] video(String format, int bytes) {
        long clip = PublishingFixtures.clip(jdbc, ws.id());
        long variant = PublishingFixtures.variant(jdbc, ws.id(), clip);
        var key = StorageKey.of("variants/test-" + UUID.randomUUID() + ".mp4");
        storage.put(key, new ByteArrayInputStream(content(bytes)), bytes, "video/mp4");
        jdbc.sql("UPDATE variants SET format = ?, storage_key = ?, size_bytes = ?, duration_ms = 15000, width = 1080, "
                + "height = 1920 WHERE id = ?").params(format, key.value(), bytes, variant).update();
        return new long[] {clip, variant};
    }

    static byte[] content(int bytes) {
        var data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        return data;
    }

    protected String schedule(String platform, long account, long[] video, String caption) {
        var body = new HashMap<String, Object>(Map.of("clip_id", String.valueOf(video[0]), "variant_id", video[1],
                "platform", platform, "social_account_id", String.valueOf(account), "scheduled_for", SLOT));
        if (caption != null) {
            body.put("caption", caption);
        }
        var response = PublishingFixtures.schedule(api, body);
        assertThat(response.path("status").asString()).isEqualTo("scheduled");
        return response.path("publish_log_id").asString();
    }

    /** Moves the clock past the slot and runs the tick: due posts are queued (and picked up by the workers). */
    protected void fallDue() {
        clock.set(Instant.parse(SLOT).plusSeconds(30));
        assertThat(api.post("/publishing/scheduler/tick", null).status()).isEqualTo(200);
    }

    /** PENDING with a PUBLISH job the workers will not reach before the test ends, as the tick would queue it. */
    protected long queue(String publication) {
        var request = JobRequest.of(ws.id(), PublishHandler.KIND, Map.of("publication_id", Long.parseLong(publication)))
                .at(clock.instant().plus(Duration.ofDays(3650)));
        long job = jobs.enqueue(request, Actor.SYSTEM).job().id();
        jdbc.sql("UPDATE publications SET state = 'PENDING', job_id = ?, publisher = 'internal' WHERE id = ?")
                .params(job, Long.parseLong(publication)).update();
        return job;
    }

    /**
     * The row a worker leaves when it dies mid-publish: PUBLISHING with {@code step} and {@code handles}
     * recorded ({@code intent}: the step's call was begun and never answered), its job ended.
     */
    protected void killedWorker(String publication, String step, boolean intent, String handlesJson) {
        long job = queue(publication);
        jdbc.sql("UPDATE jobs SET state = 'FAILED' WHERE id = ?").param(job).update();
        jdbc.sql("UPDATE publications SET state = 'PUBLISHING', publish_step = ?, attempt_intent_at = ?, "
                        + "remote_handles = ? WHERE id = ?")
                .params(step, intent ? java.time.OffsetDateTime.parse("2030-01-07T19:00:10Z") : null, handlesJson,
                        Long.parseLong(publication)).update();
    }

    /** Makes the publication's next PUBLISH attempt its job's last (the one running now, if any, is not). */
    protected void lastAttempt(String id) {
        jdbc.sql("UPDATE jobs SET max_attempts = attempt + 1 WHERE id = ?").param(publication(id).path("job_id")
                .asLong()).update();
    }

    protected JsonNode publication(String id) {
        return api.get("/publishing/" + id).json();
    }

    protected JsonNode awaitStatus(String id, String... statuses) {
        Eventually.await("publication " + id + " to be " + Arrays.toString(statuses), Duration.ofSeconds(30),
                () -> Arrays.asList(statuses).contains(publication(id).path("status").asString()));
        return publication(id);
    }

    /** While the post is retried: its {@code last_error} shows why. */
    protected void awaitLastError(String id, String startsWith) {
        Eventually.await("publication " + id + "'s last_error to start with " + startsWith, Duration.ofSeconds(30),
                () -> publication(id).path("last_error").asString("").startsWith(startsWith));
    }

    protected JsonNode events(String id, String type) {
        return api.get("/ledger?entity_type=publication&entity_id=" + id + "&event_type=" + type).json().path("items");
    }

    protected String accountStatus(long account) {
        return api.get("/social-accounts/" + account).json().path("status").asString();
    }
}
