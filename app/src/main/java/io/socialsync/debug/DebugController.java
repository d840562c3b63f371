package io.socialsync.debug;

import io.socialsync.apikey.Caller;
import io.socialsync.jobs.JobRows;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seeds' monitoring endpoints, kept for the tools that already call them. */
@RestController
public class DebugController {
    private final JdbcClient jdbc;
    private final JobRows jobs;

    public DebugController(JdbcClient jdbc, JobRows jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /** Public, like the seed's: the database answers and the core tables exist. */
    @GetMapping("/debug/health")
    Map<String, Object> health() {
        var body = new LinkedHashMap<String, Object>();
        try {
            var tables = new TreeMap<String, Boolean>();
            for (String table : new String[] {"workspaces", "api_keys", "jobs", "job_attempts", "ledger_events"}) {
                tables.put(table, jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?")
                        .param(table).query(Long.class).single() > 0);
            }
            boolean ok = !tables.containsValue(false);
            body.put("status", ok ? "ok" : "degraded");
            body.put("database", "ok");
            body.put("tables", tables);
        } catch (RuntimeException e) {
            body.put("status", "error");
            body.put("database", "unreachable");
        }
        return body;
    }

    @GetMapping("/debug/jobs/summary")
    Map<String, Object> jobsSummary(Caller caller) {
        var byState = new TreeMap<String, Long>();
        var byKind = new TreeMap<String, Map<String, Long>>();
        long total = 0;
        for (var row : jobs.countByStateAndKind(caller.workspaceId())) {
            String state = String.valueOf(row.get("state"));
            String kind = String.valueOf(row.get("kind"));
            long n = ((Number) row.get("n")).longValue();
            byState.merge(state, n, Long::sum);
            byKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(state, n, Long::sum);
            total += n;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("total", total);
        body.put("by_state", byState);
        body.put("by_kind", byKind);
        return body;
    }

    @GetMapping("/debug/clips/summary")
    Map<String, Object> clipsSummary(Caller caller) {
        var body = new LinkedHashMap<String, Object>();
        var stats = jdbc.sql("SELECT COUNT(*) AS n, AVG(score) AS avg_score, MAX(score) AS max_score, "
                        + "COUNT(DISTINCT video_id) AS videos FROM clips WHERE workspace_id = ? AND superseded = FALSE")
                .param(caller.workspaceId()).query().singleRow();
        body.put("total", ((Number) stats.get("n")).longValue());
        body.put("videos_with_clips", ((Number) stats.get("videos")).longValue());
        body.put("avg_score", stats.get("avg_score") == null ? null : ((Number) stats.get("avg_score")).doubleValue());
        body.put("max_score", stats.get("max_score"));
        var variants = new TreeMap<String, Long>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM variants WHERE workspace_id = ? GROUP BY state")
                .param(caller.workspaceId()).query().listOfRows()
                .forEach(r -> variants.put(String.valueOf(r.get("state")), ((Number) r.get("n")).longValue()));
        body.put("variants_by_state", variants);
        return body;
    }
}
