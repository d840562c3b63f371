package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.jobs.handlers.NoopHandler;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobClaimPostgresTest extends JobClaimContract {
    @Override
    TestDatabases.Db database(Path dir) {
        return TestDatabases.freshPostgres(); // the JVM's shared embedded PostgreSQL, a database of its own
    }

    /**
     * The plan PostgreSQL caches for a prepared statement after five runs is a generic one: the claim's must still
     * reach its rows by key. Its earlier form hash-joined a sequential scan of every job (7.7 ms a claim at 20,000
     * jobs instead of 0.8: BENCHMARKS.md, Queue, session 6), which no functional test could see. Checked: that form
     * fails here (a Hash Semi Join over "Seq Scan on jobs").
     */
    @Test
    void theClaimReachesItsRowsByKeyInTheGenericPlanToo() {
        var jdbc = context().getBean(JdbcClient.class);
        long ws = context().getBean(Workspaces.class).create("plan-" + UUID.randomUUID()).id();
        // a queue like the benchmark's: 20,000 waiting (the next test's set-up cancels them)
        jdbc.sql("INSERT INTO jobs (workspace_id, kind, state, run_at, payload, max_attempts, created_at) "
                + "SELECT ?, ?, 'AVAILABLE', now(), '{}', 1, now() FROM generate_series(1, 20000)")
                .params(ws, NoopHandler.KIND).update();
        jdbc.sql("ANALYZE jobs").update();

        var claim = context().getBean(JobRows.class).claimStatement(List.of(NoopHandler.KIND), 10,
                UUID.randomUUID().toString(), "plan-test", 60_000);
        // prepared with its parameters numbered, then EXPLAIN EXECUTE under force_generic_plan: the plan made without
        // the parameters' values, as the one the driver's cached statement gets after five runs
        var numbered = new LinkedHashMap<String, String>();
        String prepared = Pattern.compile("(?<!:):([A-Za-z]\\w*)").matcher(claim.sql()).replaceAll(m ->
                Matcher.quoteReplacement(numbered.computeIfAbsent(m.group(1),
                        name -> "$" + (numbered.size() + 1))));
        assertThat(numbered.keySet()).isEqualTo(claim.params().keySet());
        String values = numbered.keySet().stream().map(name -> "'" + claim.params().get(name) + "'")
                .collect(Collectors.joining(", "));
        String plan = context().getBean(JdbcTemplate.class).execute(
                (ConnectionCallback<String>) connection -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute("PREPARE claim_plan AS " + prepared);
                        statement.execute("SET plan_cache_mode = force_generic_plan");
                        var lines = new ArrayList<String>();
                        try (var rs = statement.executeQuery("EXPLAIN EXECUTE claim_plan(" + values + ")")) {
                            while (rs.next()) {
                                lines.add(rs.getString(1));
                            }
                        }
                        statement.execute("RESET plan_cache_mode");
                        statement.execute("DEALLOCATE claim_plan");
                        return String.join("\n", lines);
                    }
                });
        assertThat(plan).as(plan).doesNotContain("Seq Scan on jobs").contains("Index Scan using jobs_pkey on jobs");
    }
}
