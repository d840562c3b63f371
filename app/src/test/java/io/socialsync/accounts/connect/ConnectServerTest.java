package io.socialsync.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.secrets.SecretBox;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with every platform's OAuth client configured against {@link FakeProviders} on one WireMock
 * server, and a clock the test moves. Its own data directory and database, like the token tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.roles.scheduler=false", "socialsync.roles.workers=false",
        "socialsync.rate-limit.requests-per-minute=100000"})
@Import(ClockedServerTest.Clocks.class)
abstract class ConnectServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DATA = TestDatabases.tempDir("connect-test");
    static final WireMockServer PROVIDERS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SecretBox secrets;
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @LocalServerPort int port;
    final FakeProviders providers = new FakeProviders(PROVIDERS);
    long ws;
    Api api;

    static {
        PROVIDERS.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DATA), DATA);
        int serverPort = ServerTest.freePort();
        registry.add("server.port", () -> serverPort);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + serverPort);
        String base = "http://localhost:" + PROVIDERS.port();
        registry.add("socialsync.tokens.google.client-id", () -> "google-client");
        registry.add("socialsync.tokens.google.client-secret", () -> "google-secret");
        registry.add("socialsync.tokens.google.token-url", () -> base + "/google/token");
        registry.add("socialsync.tokens.tiktok.client-key", () -> "tiktok-key");
        registry.add("socialsync.tokens.tiktok.client-secret", () -> "tiktok-secret");
        registry.add("socialsync.tokens.tiktok.token-url", () -> base + "/v2/oauth/token/");
        registry.add("socialsync.tokens.meta.app-id", () -> "meta-app");
        registry.add("socialsync.tokens.meta.app-secret", () -> "meta-secret");
        registry.add("socialsync.tokens.meta.base-url", () -> base + "/v26.0");
        registry.add("socialsync.tokens.request-timeout", () -> "5s");
        registry.add("socialsync.platforms.youtube.base-url", () -> base);
        registry.add("socialsync.platforms.tiktok.base-url", () -> base);
        registry.add("socialsync.connect.meta-authorize-url", () -> base + "/meta/dialog/oauth");
        registry.add("socialsync.connect.tiktok-authorize-url", () -> base + "/tiktok/v2/auth/authorize/");
        registry.add("socialsync.connect.google-authorize-url", () -> base + "/google/o/oauth2/v2/auth");
    }

    @BeforeEach
    void freshWorkspaceAndStubs() {
        PROVIDERS.resetAll();
        clock.set(ClockedServerTest.START);
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        api = new Api("http://localhost:" + port, keys.create(ws, "test", Role.EDITOR, Actor.SYSTEM).plainKey());
    }

    /** {@code GET /social-accounts/connect/{platform}} as an API client: the consent page's URL. */
    String start(String platform, String query) {
        var started = api.send(api.request("/social-accounts/connect/" + platform + (query.isEmpty() ? "" : "?"
                + query)).header("Accept", "application/json").GET());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().path("authorization_url").asString();
    }

    /** What a browser on the consent page sends back after pressing Allow (or Cancel): the callback's URL. */
    String consent(String authorizationUrl, boolean allow) {
        return FakeProviders.consent(authorizationUrl, allow);
    }

    /** The provider's redirect back, followed by a browser: no API key. */
    Api.Response callback(String url) {
        return new Api(null, null).send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Map<String, String> query(String url) {
        var map = new LinkedHashMap<String, String>();
        String q = URI.create(url).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    long pasted(String platform, String handle, Map<String, String> externalIds) {
        var body = new LinkedHashMap<String, Object>();
        body.put("platform", platform);
        body.put("handle", handle);
        body.put("timezone", "Europe/Madrid");
        body.put("external_ids", externalIds);
        body.put("access_token", "old-access");
        body.put("refresh_token", "old-refresh");
        var created = api.post("/social-accounts", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    JsonNode account(long id) {
        return api.get("/social-accounts/" + id).json();
    }

    String stored(long id, String column) {
        String sealed = jdbc.sql("SELECT " + column + " FROM social_accounts WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(sealed).startsWith("v1:");
        return secrets.open(sealed);
    }

    long accountCount() {
        return jdbc.sql("SELECT COUNT(*) FROM social_accounts WHERE workspace_id = ?").param(ws).query(Long.class)
                .single();
    }
}
