package io.socialsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestDatabases;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The ledger page's actor filter (V40) on both databases: the page's own SQL, as {@link LedgerEvents} builds it, is
 * planned along ledger_actor, read backwards, rather than through the workspace's whole ledger. One connection, so
 * PostgreSQL's planner can be told that a sequential scan is not an answer even on a table this small.
 */
class LedgerActorIndexTest {
    private static final LedgerQuery BY_ACTOR = new LedgerQuery(7, null, null, null, "user:12", null, null, 900L, 50);

    @Test
    void h2ReadsTheActorsEventsNewestFirstAlongTheIndex() {
        var db = TestDatabases.freshH2(TestDatabases.tempDir("ledger-actor"));
        String plan = String.join("\n", explain(db, List.of()));
        assertThat(plan).containsIgnoringCase("ledger_actor").containsIgnoringCase("index sorted");
    }

    @Test
    void postgresReadsTheActorsEventsNewestFirstAlongTheIndex() {
        String plan = String.join("\n", explain(TestDatabases.freshPostgres(), List.of("SET enable_seqscan = off")));
        assertThat(plan).contains("Index Scan Backward using ledger_actor").doesNotContain("Sort");
    }

    private static List<String> explain(TestDatabases.Db db, List<String> settings) {
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load()
                .migrate();
        var connection = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        try {
            var jdbc = JdbcClient.create(connection);
            settings.forEach(s -> jdbc.sql(s).update());
            var page = LedgerEvents.pageSql(BY_ACTOR);
            return jdbc.sql("EXPLAIN " + page.sql()).params(page.params()).query(String.class).list();
        } finally {
            connection.destroy();
        }
    }
}
