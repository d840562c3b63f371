package io.socialsync.accounts.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.secrets.SecretBox;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.MutableClock;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The refresher's locking and the sweep's query against a real database, once per database by its subclasses.
 * Workers and the automatic sweep are off: jobs are only queued, refreshes are called directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
@Import(ClockedServerTest.Clocks.class)
abstract class TokenRefreshStoreContract {
    static final WireMockServer TOKENS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final Actor ACTOR = Actor.SYSTEM;
    private static final Instant START = ClockedServerTest.START;
    @Autowired MutableClock clock;
    @Autowired Workspaces workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired SocialAccountService accounts;
    @Autowired SocialAccounts rows;
    @Autowired SecretBox secrets;
    @Autowired TokenRefresher refresher;
    @Autowired TokenRefreshSweep sweep;
    long ws;

    static {
        TOKENS.start();
    }

    @DynamicPropertySource
    static void tokenEndpoints(DynamicPropertyRegistry registry) {
        TokenClients.register(registry, "http://localhost:" + TOKENS.port(), "/google/token");
    }

    @BeforeEach
    void workspace() {
        TOKENS.resetAll();
        clock.set(START);
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
    }

    private long account(Platform platform, String access, String refresh, Instant expires) {
        return accounts.create(ws, platform, new AccountChanges("h-" + UUID.randomUUID(), Map.of(), ZoneId.of("UTC"),
                access, refresh, expires, null), ACTOR).id();
    }

    @Test
    void twoConcurrentRefreshesOfOneTikTokAccountMakeOneCall() throws Exception {
        long id = account(Platform.TIKTOK, "act.1", "rft.1", START.plus(Duration.ofMinutes(5)));
        // slow enough that the second refresher arrives while the first holds the lock
        TOKENS.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(okJson("{\"access_token\":\"act.2\","
                + "\"expires_in\":7200,\"open_id\":\"o1\",\"refresh_expires_in\":15552000,\"refresh_token\":\"rft.2\","
                + "\"scope\":\"video.publish\",\"token_type\":\"Bearer\"}").withFixedDelay(700)));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<TokenRefresher.Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refresher.refresh(ws, id, TokenRefresher.Trigger.SWEEP, ACTOR);
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var r : results) {
                outcomes.add(r.get().wire());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("refreshed", "not_due");
        } finally {
            pool.shutdownNow();
        }

        TOKENS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        var stored = rows.byId(ws, id).orElseThrow();
        assertThat(secrets.open(stored.refreshTokenEnc())).isEqualTo("rft.2");
        assertThat(secrets.open(stored.accessTokenEnc())).isEqualTo("act.2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'account_token_refreshed'").param(ws).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSweepQueuesOneJobPerDueAccountAndLeavesTheRestAlone() {
        long youtubeDue = account(Platform.YOUTUBE, "ya29.a", "1//r", START.plus(Duration.ofMinutes(5)));
        long youtubeFresh = account(Platform.YOUTUBE, "ya29.b", "1//r", START.plus(Duration.ofMinutes(50)));
        long noRefreshToken = account(Platform.YOUTUBE, "ya29.c", null, START.plus(Duration.ofMinutes(5)));
        long tiktokExpired = account(Platform.TIKTOK, "act.a", "rft.a", START.minus(Duration.ofHours(1)));
        long instagramWeek = account(Platform.INSTAGRAM, "EAA.a", null, START.plus(Duration.ofDays(3)));
        long instagramMonth = account(Platform.INSTAGRAM, "EAA.b", null, START.plus(Duration.ofDays(30)));
        long pageToken = account(Platform.FACEBOOK, "EAA.page", null, null);
        long noToken = account(Platform.TIKTOK, null, null, START.plus(Duration.ofMinutes(1)));
        long refused = account(Platform.INSTAGRAM, "EAA.c", null, START.plus(Duration.ofDays(1)));
        accounts.needsReauth(ws, refused, "revoked", ACTOR);
        long deleted = account(Platform.YOUTUBE, "ya29.d", "1//r", START.plus(Duration.ofMinutes(1)));
        accounts.delete(ws, deleted, ACTOR);
        long waiting = account(Platform.YOUTUBE, "ya29.e", "1//r", START.plus(Duration.ofMinutes(5)));
        jdbc.sql("UPDATE social_accounts SET token_refresh_failures = 1, token_refresh_retry_at = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.parse("2030-01-07T08:10:00Z"), waiting).update();

        sweep.enqueueDue();
        assertThat(queuedAccounts()).containsExactlyInAnyOrder(youtubeDue, tiktokExpired, instagramWeek)
                .doesNotContain(youtubeFresh, noRefreshToken, instagramMonth, pageToken, noToken, refused, deleted);
        sweep.enqueueDue(); // another node, or the next minute: the same state makes the same job
        assertThat(queuedAccounts()).hasSize(3);

        clock.advance(Duration.ofMinutes(11)); // the retry time has come
        sweep.enqueueDue();
        assertThat(queuedAccounts()).contains(waiting);
    }

    private List<Long> queuedAccounts() {
        return jdbc.sql("SELECT payload FROM jobs WHERE workspace_id = ? AND kind = 'TOKEN_REFRESH'").param(ws)
                .query(String.class).list().stream()
                .map(p -> Long.parseLong(p.replaceAll("\\D", "")))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Test
    void aSweepRefreshSkipsAnAccountSomeoneJustRefreshed() {
        long id = account(Platform.YOUTUBE, "ya29.a", "1//r", START.plus(Duration.ofMinutes(5)));
        TOKENS.stubFor(post(urlPathEqualTo("/google/token")).willReturn(okJson("{\"access_token\":\"ya29.b\","
                + "\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        assertThat(refresher.refresh(ws, id, TokenRefresher.Trigger.SWEEP, ACTOR).wire()).isEqualTo("refreshed");
        assertThat(refresher.refresh(ws, id, TokenRefresher.Trigger.SWEEP, ACTOR).wire()).isEqualTo("not_due");
        assertThat(refresher.refresh(ws, id, TokenRefresher.Trigger.PUBLISH, ACTOR).wire()).isEqualTo("not_due");
        TOKENS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/google/token")));
        assertThat(Set.of(rows.byId(ws, id).orElseThrow().tokenExpiresAt()))
                .containsExactly(START.plusSeconds(3599));
    }
}
