package io.socialsync.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.secrets.SecretBox;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.Eventually;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with the platforms' token endpoints (and their publishing APIs) on one WireMock server, OAuth
 * clients configured, workers on, the automatic tick and sweep off and a clock the test moves. Its own data
 * directory and database, like the publisher tests, so no other context's workers run these jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms", "socialsync.roles.scheduler=false",
        "socialsync.rate-limit.requests-per-minute=100000"})
@Import(ClockedServerTest.Clocks.class)
abstract class TokenServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant START = ClockedServerTest.START;
    static final Path DATA = TestDatabases.tempDir("token-test");
    static final WireMockServer PLATFORMS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SecretBox secrets;
    @Autowired TokenRefreshSweep sweep;
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @LocalServerPort int port;
    long ws;
    Api api;

    static {
        PLATFORMS.start();
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DATA), DATA);
        int serverPort = ServerTest.freePort();
        registry.add("server.port", () -> serverPort);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + serverPort);
        String base = "http://localhost:" + PLATFORMS.port();
        TokenClients.register(registry, base, "/token");
        registry.add("socialsync.tokens.request-timeout", () -> "2s");
        registry.add("socialsync.platforms.youtube.base-url", () -> base);
        registry.add("socialsync.platforms.tiktok.base-url", () -> base);
        registry.add("socialsync.platforms.instagram.base-url", () -> base + "/v26.0");
        registry.add("socialsync.platforms.facebook.base-url", () -> base + "/v26.0");
        registry.add("socialsync.platforms.request-timeout", () -> "2s");
        registry.add("socialsync.platforms.upload-timeout", () -> "2s");
    }

    @BeforeEach
    void freshWorkspaceAndStubs() {
        PLATFORMS.resetAll();
        clock.set(START);
        // the sweep looks at every workspace: earlier tests' accounts must not make calls in this one
        jdbc.sql("UPDATE social_accounts SET status = 'disabled' WHERE deleted_at IS NULL").update();
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        api = new Api("http://localhost:" + port, keys.create(ws, "test", Role.EDITOR, Actor.SYSTEM).plainKey());
    }

    String base() {
        return "http://localhost:" + PLATFORMS.port();
    }

    long account(Map<String, Object> body) {
        var created = api.post("/social-accounts", JSON.writeValueAsString(body));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    JsonNode view(long id) {
        return api.get("/social-accounts/" + id).json();
    }

    Api.Response refreshNow(long id) {
        return api.post("/social-accounts/" + id + "/refresh", null);
    }

    Api.Response patch(long id, Map<String, Object> body) {
        return api.send(api.request("/social-accounts/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Queues due refreshes as the automatic sweep would, then waits for the account to show the result. */
    JsonNode sweepUntil(long id, String what, Predicate<JsonNode> done) {
        sweep.enqueueDue();
        Eventually.await(what, Duration.ofSeconds(20), () -> done.test(view(id)));
        return view(id);
    }

    JsonNode events(long id, String type) {
        return api.get("/ledger?entity_type=social_account&entity_id=" + id + "&event_type=" + type).json()
                .path("items");
    }

    /** The sealed columns, opened: what the tests compare, never what the API shows. */
    String storedAccessToken(long id) {
        return secrets.open(column(id, "access_token_enc"));
    }

    String storedRefreshToken(long id) {
        return secrets.open(column(id, "refresh_token_enc"));
    }

    String column(long id, String name) {
        return jdbc.sql("SELECT " + name + " FROM social_accounts WHERE id = ?").param(id).query(String.class)
                .single();
    }
}
