package io.socialsync.rules;

import io.socialsync.platforms.Platform;
import io.socialsync.workspace.Workspaces;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL over platform_rules. The rules column is JSON keyed by platform, in the API's own field names. */
@Repository
class PlatformRulesRows {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "version, rules, created_by, created_at";
    private final JdbcClient jdbc;
    private final Workspaces workspaces;

    PlatformRulesRows(JdbcClient jdbc, Workspaces workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    Optional<RuleSet> active(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM platform_rules WHERE workspace_id = ? AND active = TRUE")
                .param(workspaceId).query((rs, n) -> map(rs)).optional();
    }

    Optional<RuleSet> version(long workspaceId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM platform_rules WHERE workspace_id = ? AND version = ?")
                .params(workspaceId, version).query((rs, n) -> map(rs)).optional();
    }

    List<RuleSet> all(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM platform_rules WHERE workspace_id = ? ORDER BY version DESC")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
    }

    /** Versions are max + 1 under the workspace row lock: two proposals at once get 1 and 2, not 1 twice. */
    int nextVersion(long workspaceId) {
        workspaces.lock(workspaceId);
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM platform_rules WHERE workspace_id = ?")
                .param(workspaceId).query(Integer.class).single();
    }

    void insertActive(long workspaceId, RuleSet set) {
        jdbc.sql("UPDATE platform_rules SET active = FALSE WHERE workspace_id = ? AND active = TRUE")
                .param(workspaceId).update();
        jdbc.sql("INSERT INTO platform_rules (workspace_id, version, rules, active, created_by, created_at) "
                        + "VALUES (?, ?, ?, TRUE, ?, ?)")
                .params(workspaceId, set.version(), JSON.writeValueAsString(json(set.rules())), set.createdBy(),
                        OffsetDateTime.ofInstant(set.createdAt(), ZoneOffset.UTC))
                .update();
    }

    static Map<String, Map<String, Integer>> json(Map<Platform, PlatformRule> rules) {
        var out = new LinkedHashMap<String, Map<String, Integer>>();
        for (Platform p : Platform.values()) {
            var r = rules.get(p);
            var fields = new LinkedHashMap<String, Integer>();
            fields.put("window_start_hour", r.windowStartHour());
            fields.put("window_end_hour", r.windowEndHour());
            fields.put("min_gap_minutes", r.minGapMinutes());
            out.put(p.wire(), fields);
        }
        return out;
    }

    private static RuleSet map(ResultSet rs) throws SQLException {
        JsonNode node = JSON.readTree(rs.getString("rules"));
        var rules = new EnumMap<Platform, PlatformRule>(Platform.class);
        for (Platform p : Platform.values()) {
            JsonNode r = node.path(p.wire());
            rules.put(p, new PlatformRule(r.path("window_start_hour").asInt(), r.path("window_end_hour").asInt(),
                    r.path("min_gap_minutes").asInt()));
        }
        Instant at = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new RuleSet(rs.getInt("version"), rules, at, rs.getString("created_by"));
    }
}
