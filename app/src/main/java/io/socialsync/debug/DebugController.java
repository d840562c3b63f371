package io.socialsync.debug;

import io.socialsync.jobs.JobRows;
import io.socialsync.library.Clips;
import io.socialsync.library.Variants;
import io.socialsync.web.Caller;
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
    private final Clips clips;
    private final Variants variants;

    public DebugController(JdbcClient jdbc, JobRows jobs, Clips clips, Variants variants) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clips = clips;
        this.variants = variants;
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
        var stats = clips.summary(caller.workspaceId());
        body.put("total", stats.total());
        body.put("videos_with_clips", stats.videosWithClips());
        body.put("avg_score", stats.avgScore());
        body.put("max_score", stats.maxScore());
        body.put("variants_by_state", variants.countByState(caller.workspaceId()));
        return body;
    }
}
