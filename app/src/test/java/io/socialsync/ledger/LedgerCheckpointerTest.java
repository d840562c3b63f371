package io.socialsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.SocialSyncApplication;
import io.socialsync.support.Eventually;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Checkpoints are written by themselves: periodically on a scheduler node, and when a serving node stops. */
class LedgerCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void aSchedulerNodeCheckpointsPeriodicallyAndEveryServingNodeOnShutdown() {
        try (var node = start("scheduler", "200ms")) {
            long head = appendOne(node);
            var checkpoints = node.getBean(LedgerCheckpoints.class);
            Eventually.await("a periodic checkpoint of event " + head, Duration.ofSeconds(30),
                    () -> checkpoints.latest().map(c -> c.events() == head).orElse(false));
        }
        long last;
        try (var node = start("workers", "1h")) {
            last = appendOne(node);
            assertThat(node.getBean(LedgerCheckpoints.class).latest()).get()
                    .extracting(LedgerCheckpoints.Checkpoint::events).isNotEqualTo(last);
        } // closed: a graceful shutdown
        try (var tool = start("none", "1h")) {
            assertThat(tool.getBean(LedgerCheckpoints.class).latest()).get()
                    .extracting(LedgerCheckpoints.Checkpoint::events).isEqualTo(last);
            assertThat(tool.getBean(LedgerVerifier.class).verify()).isInstanceOfSatisfying(
                    LedgerVerifier.Result.Intact.class, ok -> assertThat(ok.checkpoint()).isEqualTo(last));
        }
    }

    private ConfigurableApplicationContext start(String role, String interval) {
        var db = TestDatabases.freshH2(dir);
        return new SpringApplicationBuilder(SocialSyncApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run("--spring.datasource.url=" + db.url(), "--spring.datasource.username="
                        + db.user(), "--spring.datasource.password=" + db.password(),
                        "--socialsync.data-dir=" + dir.resolve("data"),
                        "--socialsync.roles.workers=" + role.equals("workers"),
                        "--socialsync.roles.scheduler=" + role.equals("scheduler"),
                        "--socialsync.jobs.kinds=NOOP", "--socialsync.ledger.checkpoint-interval=" + interval,
                        "--logging.level.root=WARN");
    }

    private static long appendOne(ConfigurableApplicationContext node) {
        long ws = node.getBean(Workspaces.class).create("ws-" + UUID.randomUUID()).id();
        node.getBean(TransactionTemplate.class).executeWithoutResult(s -> node.getBean(Ledger.class)
                .append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.LEDGER_SEALED, "test", "t", null, Map.of())));
        // a checkpoint covers every event so far: their count, the sum of the chains' lengths
        return node.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM ledger_events", Long.class);
    }
}
