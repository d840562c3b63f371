package io.socialsync.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.domain.Conflict;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.ConnectCandidate;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connect flow's single-use guarantees against a real database, once per database by its subclasses: a state
 * completes one callback and a pending connection one pick, also when two arrive at the same moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false",
        "socialsync.tokens.tiktok.client-key=tiktok-key", "socialsync.tokens.tiktok.client-secret=tiktok-secret"})
@Import(ClockedServerTest.Clocks.class)
abstract class ConnectStoreContract {
    @Autowired MutableClock clock;
    @Autowired Workspaces workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired SecretBox secrets;
    @Autowired ConnectStates states;
    @Autowired PendingConnections pending;
    @Autowired PendingPicks picks;
    long ws;

    @BeforeEach
    void freshWorkspace() {
        clock.set(ClockedServerTest.START);
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
    }

    @Test
    void aStateCompletesOneCallbackEvenWhenTwoArriveAtOnce() throws Exception {
        Instant now = clock.instant();
        String hash = AccountConnect.sha256(UUID.randomUUID().toString());
        states.insert(new ConnectState(hash, ws, Platform.TIKTOK, Actor.SYSTEM, null, ZoneId.of("UTC"),
                "http://localhost/callback", secrets.seal("verifier"), null, now, now.plus(Duration.ofMinutes(10)),
                null));
        var results = together(() -> states.use(hash, now), () -> states.use(hash, now));
        assertThat(results).containsExactlyInAnyOrder(true, false);
        var row = states.byHash(hash).orElseThrow();
        assertThat(row.accountId()).isNull();
        assertThat(row.usedAt()).isEqualTo(now);
        assertThat(secrets.open(row.codeVerifierEnc())).isEqualTo("verifier");
    }

    @Test
    void aPendingConnectionIsPickedOnceEvenByTwoEditorsAtOnce() throws Exception {
        Instant now = clock.instant();
        var candidate = new ConnectCandidate("open-1", "dancer", "Dancer", Map.of("open_id", "open-1"), "act",
                now.plus(Duration.ofDays(1)), "rft", null);
        long id = pending.insert(new PendingConnection(0, ws, Platform.TIKTOK, ZoneId.of("Europe/Madrid"),
                secrets.seal(JsonMapper.builder().build().writeValueAsString(List.of(candidate))), now,
                now.plus(Duration.ofHours(1)), null));
        Callable<Object> pick = () -> {
            try {
                return picks.choose(ws, id, List.of("open-1"), Actor.SYSTEM);
            } catch (Conflict refused) {
                return refused;
            }
        };
        var results = together(pick, pick);
        assertThat(results).filteredOn(r -> r instanceof ConnectResult.Connected).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof Conflict).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM social_accounts WHERE workspace_id = ?").param(ws)
                .query(Long.class).single()).isEqualTo(1);
        var after = pending.byId(ws, id, false).orElseThrow();
        assertThat(after.completedAt()).isNotNull();
        assertThat(after.candidatesEnc()).isEmpty(); // the tokens left with the pick
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws InterruptedException, ExecutionException {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(calls.length)) {
            var futures = new ArrayList<Future<T>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
