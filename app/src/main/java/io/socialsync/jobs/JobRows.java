package io.socialsync.jobs;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over jobs and job_attempts. Thin: the rules live in {@link JobQueue}. */
@Repository
public class JobRows {
    static final String COLUMNS = "id, workspace_id, kind, state, priority, run_at, payload, result, idempotency_key, "
            + "parent_id, attempt, max_attempts, progress_percent, progress_message, lease_owner, lease_expires_at, "
            + "last_error, created_at, started_at, finished_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DbTime time;

    public JobRows(JdbcClient jdbc, JdbcTemplate template, DbTime time) {
        this.jdbc = jdbc;
        this.template = template;
        this.time = time;
    }

    /** The new row as stored, in the insert's own round trip (RETURNING; H2: its FINAL TABLE). */
    Job insert(JobRequest r, String payload, JobState state, int maxAttempts, Instant createdAt) {
        String runAt = r.runAt() == null ? "CURRENT_TIMESTAMP" : ":runAt";
        var params = new HashMap<String, Object>();
        params.put("ws", r.workspaceId());
        params.put("kind", r.kind());
        params.put("state", state.name());
        params.put("priority", r.priority());
        params.put("payload", payload);
        params.put("key", r.idempotencyKey());
        params.put("parent", r.parentId());
        params.put("max", maxAttempts);
        params.put("created", utc(createdAt));
        if (r.runAt() != null) {
            params.put("runAt", utc(r.runAt()));
        }
        String insert = "INSERT INTO jobs (workspace_id, kind, state, priority, run_at, payload, idempotency_key, "
                + "parent_id, max_attempts, created_at) VALUES (:ws, :kind, :state, :priority, " + runAt
                + ", :payload, :key, :parent, :max, :created)";
        return jdbc.sql(time.postgres() ? insert + " RETURNING " + COLUMNS
                        : "SELECT " + COLUMNS + " FROM FINAL TABLE (" + insert + ")")
                .params(params).query((rs, n) -> map(rs)).single();
    }

    Optional<Job> byIdempotencyKey(long workspaceId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = ? AND idempotency_key = ?")
                .params(workspaceId, key).query((rs, n) -> map(rs)).optional();
    }

    Optional<Job> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Job> lockById(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = ? AND id = ? FOR UPDATE")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    private record Due(long id, int priority, Instant runAt) {
    }

    private static final Comparator<Due> CLAIM_ORDER = Comparator.comparingInt(Due::priority).reversed()
            .thenComparing(Due::runAt).thenComparingLong(Due::id);

    /**
     * Due jobs of these kinds, locked, best first (priority, then run_at, then id); rows another worker holds
     * are skipped, not waited for. One look-up per (state, kind), each a walk of the jobs_claim index in claim
     * order that stops after {@code limit} rows: a single query over all three states would have to read and
     * sort every waiting job on each claim. Rows locked here but not among the best {@code limit} are released
     * at commit.
     */
    List<Long> lockDue(Collection<String> kinds, int limit) {
        var due = new ArrayList<Due>();
        for (String kind : kinds) {
            for (JobState state : JobState.WAITING) { // the states a job is claimed from once its run_at has come
                due.addAll(time.postgres() ? lockInOrder(state.name(), kind, limit)
                        : lockOneByOne(state.name(), kind, limit));
            }
        }
        return due.stream().sorted(CLAIM_ORDER).limit(limit).map(Due::id).toList();
    }

    private static final String DUE_IN_ORDER = "SELECT id, priority, run_at FROM jobs WHERE state = :state "
            + "AND kind = :kind AND run_at <= CURRENT_TIMESTAMP ORDER BY state, kind, priority DESC, run_at, id";

    /** PostgreSQL locks rows as the ordered index walk hands them out, and stops at the limit. */
    private List<Due> lockInOrder(String state, String kind, int limit) {
        return jdbc.sql(DUE_IN_ORDER + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("state", state).param("kind", kind).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getInt(2), instant(rs, 3))).list();
    }

    /**
     * H2 walks an index in order under FOR UPDATE only for the primary key; with any other index it reads,
     * and locks, every matching row before sorting, so one claim would lock every due job and leave nothing
     * for the other workers. Instead: read candidates in claim order without locking, then lock them one by
     * one (H2 re-checks the row once it holds the lock; a row another worker holds is skipped), up to limit.
     */
    private List<Due> lockOneByOne(String state, String kind, int limit) {
        int window = Math.max(16, limit * 4);
        var locked = new ArrayList<Due>(limit);
        for (int offset = 0; ; offset += window) {
            List<Due> candidates = jdbc.sql(DUE_IN_ORDER + " LIMIT :window OFFSET :offset")
                    .param("state", state).param("kind", kind).param("window", window).param("offset", offset)
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getInt(2), instant(rs, 3))).list();
            for (Due c : candidates) {
                boolean mine = !jdbc.sql("SELECT id FROM jobs WHERE id = :id AND state = :state "
                                + "AND run_at <= CURRENT_TIMESTAMP FOR UPDATE SKIP LOCKED")
                        .param("id", c.id()).param("state", state).query(Long.class).list().isEmpty();
                if (mine) {
                    locked.add(c);
                    if (locked.size() == limit) {
                        return locked;
                    }
                }
            }
            if (candidates.size() < window) {
                return locked;
            }
        }
    }

    /**
     * PostgreSQL: the whole claim of up to {@code limit} due jobs as one statement. Each (kind, waiting state) is an
     * ordered index walk that locks as it goes and stops at the limit (as {@link #lockDue}); the best {@code limit}
     * of them are marked RUNNING under one lease token, and their attempt rows inserted, in the same statement: one
     * round trip for the claim, whatever its size. Rows locked but not among the best stay locked until commit.
     * The limit is written into the SQL and the update finds its rows by {@code id = ANY(ARRAY(...))}: with a bound
     * limit, the plan PostgreSQL caches after five executions of a prepared statement guessed "best" large and
     * joined it to a sequential scan of jobs (7.7 ms per claim with 20,000 jobs, against 0.8 ms planned per call).
     *
     * @return the claimed jobs in claim order
     */
    List<Job> claimInOneStatement(Collection<String> kinds, int limit, String token, String worker, long leaseMillis) {
        if (kinds.isEmpty() || limit <= 0) {
            return List.of();
        }
        var claim = claimStatement(kinds, limit, token, worker, leaseMillis);
        return jdbc.sql(claim.sql()).params(claim.params()).query((rs, n) -> map(rs)).list();
    }

    record Statement(String sql, java.util.Map<String, Object> params) {
    }

    /** The SQL of {@link #claimInOneStatement} (PostgreSQL), apart so a test can look at its plan. */
    Statement claimStatement(Collection<String> kinds, int limit, String token, String worker, long leaseMillis) {
        var sql = new StringBuilder("WITH ");
        var branches = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        int i = 0;
        for (String kind : kinds) {
            params.put("kind" + i, kind);
            for (JobState state : JobState.WAITING) {
                String name = "d" + branches.size();
                sql.append(name).append(" AS (SELECT id, priority, run_at FROM jobs WHERE state = '").append(state.name())
                        .append("' AND kind = :kind").append(i).append(" AND run_at <= CURRENT_TIMESTAMP ")
                        .append("ORDER BY state, kind, priority DESC, run_at, id LIMIT ").append(limit)
                        .append(" FOR UPDATE SKIP LOCKED), ");
                branches.add("SELECT * FROM " + name);
            }
            i++;
        }
        sql.append("best AS (SELECT id FROM (").append(String.join(" UNION ALL ", branches))
                .append(") due ORDER BY priority DESC, run_at, id LIMIT ").append(limit).append("), ")
                .append("claimed AS (UPDATE jobs SET state = 'RUNNING', attempt = attempt + 1, lease_token = :token, ")
                .append("lease_owner = :worker, lease_expires_at = ").append(time.nowPlusMillis("lease"))
                .append(", started_at = COALESCE(started_at, CURRENT_TIMESTAMP) WHERE id = ANY(ARRAY(SELECT id FROM best)) ")
                .append("RETURNING ").append(COLUMNS).append("), ")
                .append("attempts AS (INSERT INTO job_attempts (job_id, attempt, worker, lease_token, started_at) ")
                .append("SELECT id, attempt, :worker, :token, CURRENT_TIMESTAMP FROM claimed) ")
                .append("SELECT ").append(COLUMNS).append(" FROM claimed ORDER BY priority DESC, run_at, id");
        params.put("token", token);
        params.put("worker", worker);
        params.put("lease", leaseMillis);
        return new Statement(sql.toString(), params);
    }

    /** For the development endpoint: one waiting job of a workspace (a given one, or the next due). */
    List<Long> lockWaiting(long workspaceId, Long id) {
        String which = id != null ? "AND id = :id" : "AND run_at <= CURRENT_TIMESTAMP ORDER BY priority DESC, run_at, id";
        var spec = jdbc.sql("SELECT id FROM jobs WHERE workspace_id = :ws AND state IN ('AVAILABLE', 'SCHEDULED', "
                + "'RETRYABLE') " + which + " LIMIT 1 FOR UPDATE SKIP LOCKED").param("ws", workspaceId);
        return (id != null ? spec.param("id", id) : spec).query(Long.class).list();
    }

    List<Job> markRunning(List<Long> ids, String token, String worker, long leaseMillis) {
        jdbc.sql("UPDATE jobs SET state = 'RUNNING', attempt = attempt + 1, lease_token = :token, lease_owner = :worker, "
                        + "lease_expires_at = " + time.nowPlusMillis("lease") + ", "
                        + "started_at = COALESCE(started_at, CURRENT_TIMESTAMP) WHERE id IN (:ids)")
                .param("token", token).param("worker", worker).param("lease", leaseMillis).param("ids", ids).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id IN (:ids) ORDER BY priority DESC, run_at, id")
                .param("ids", ids).query((rs, n) -> map(rs)).list();
    }

    /** One JDBC batch: one round trip to the database for the whole claim. */
    void insertAttempts(List<Job> jobs, String worker, String token) {
        template.batchUpdate("INSERT INTO job_attempts (job_id, attempt, worker, lease_token, started_at) "
                + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)", jobs, jobs.size(), (ps, j) -> {
                    ps.setLong(1, j.id());
                    ps.setInt(2, j.attempt());
                    ps.setString(3, worker);
                    ps.setString(4, token);
                });
    }

    boolean renew(long id, String token, long leaseMillis) {
        return jdbc.sql("UPDATE jobs SET lease_expires_at = " + time.nowPlusMillis("lease")
                        + " WHERE id = :id AND lease_token = :token AND state = 'RUNNING'")
                .param("lease", leaseMillis).param("id", id).param("token", token).update() == 1;
    }

    boolean progress(long id, String token, int percent, String message) {
        return jdbc.sql("UPDATE jobs SET progress_percent = ?, progress_message = ? "
                        + "WHERE id = ? AND lease_token = ? AND state = 'RUNNING'")
                .params(percent, truncate(message, 500), id, token).update() == 1;
    }

    /** The fenced write: only the holder of the current lease moves a running job on. */
    boolean finish(long id, String token, JobState state, String result, String error, long delayMillis) {
        String runAt = state == JobState.RETRYABLE ? time.nowPlusMillis("delay") : "run_at";
        String finished = state.terminal() ? "CURRENT_TIMESTAMP" : "NULL";
        return jdbc.sql("UPDATE jobs SET state = :state, result = :result, last_error = :error, run_at = " + runAt
                        + ", finished_at = " + finished + ", progress_percent = CASE WHEN :state = 'COMPLETED' THEN 100 "
                        + "ELSE progress_percent END, lease_token = NULL, lease_owner = NULL, lease_expires_at = NULL "
                        + "WHERE id = :id AND lease_token = :token AND state = 'RUNNING'")
                .param("state", state.name()).param("result", result).param("error", error).param("delay", delayMillis)
                .param("id", id).param("token", token).update() == 1;
    }

    /**
     * {@code finish(id, token, COMPLETED, result, null, 0)} and then {@code closeAttempt(id, token, "COMPLETED",
     * null)} for each job, set-based: one fenced UPDATE of jobs for the lot (each row matched on its own (id,
     * lease_token) pair, so a job whose lease was lost is left alone), one UPDATE of their attempt rows, and one JDBC
     * batch for the results that are not null (none for most jobs).
     *
     * @return for each job, in order, whether its fenced write took effect
     */
    boolean[] completeAll(List<Job.Claimed> claimed, List<String> results) {
        if (time.postgres()) {
            return completeAllInOneStatement(claimed, results);
        }
        var pairs = claimed.stream().map(c -> new Object[] {c.id(), c.leaseToken()}).toList();
        String update = "UPDATE jobs SET state = 'COMPLETED', result = NULL, last_error = NULL, "
                + "finished_at = CURRENT_TIMESTAMP, progress_percent = 100, lease_token = NULL, lease_owner = NULL, "
                + "lease_expires_at = NULL WHERE (id, lease_token) IN (:pairs) AND state = 'RUNNING'";
        Set<Long> updated = new HashSet<>(jdbc.sql(time.postgres() ? update + " RETURNING id"
                : "SELECT id FROM FINAL TABLE (" + update + ")").param("pairs", pairs).query(Long.class).list());
        var done = new boolean[claimed.size()];
        var finished = new ArrayList<Object[]>(claimed.size());
        var withResult = new ArrayList<Object[]>();
        for (int i = 0; i < claimed.size(); i++) {
            done[i] = updated.contains(claimed.get(i).id());
            if (done[i]) {
                finished.add(pairs.get(i));
                if (results.get(i) != null) {
                    withResult.add(new Object[] {results.get(i), claimed.get(i).id()});
                }
            }
        }
        if (!finished.isEmpty()) {
            jdbc.sql("UPDATE job_attempts SET finished_at = CURRENT_TIMESTAMP, outcome = 'COMPLETED', error = NULL "
                    + "WHERE (job_id, lease_token) IN (:pairs) AND finished_at IS NULL").param("pairs", finished).update();
        }
        if (!withResult.isEmpty()) {
            template.batchUpdate("UPDATE jobs SET result = ? WHERE id = ?", withResult);
        }
        return done;
    }

    /**
     * PostgreSQL: {@link #completeAll} as one statement whose text does not depend on the batch's size (the jobs
     * arrive as three arrays), so it is prepared once per connection and planned as a cached plan: the fenced
     * update of jobs writes each result in the same row version (no second update per job) and the attempts are
     * closed in a CTE of the same statement. One round trip per flush instead of 2 + one per result.
     */
    private boolean[] completeAllInOneStatement(List<Job.Claimed> claimed, List<String> results) {
        int n = claimed.size();
        var ids = new Long[n];
        var tokens = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = claimed.get(i).id();
            tokens[i] = claimed.get(i).leaseToken();
        }
        String sql = "WITH done AS (UPDATE jobs SET state = 'COMPLETED', result = v.result, last_error = NULL, "
                + "finished_at = CURRENT_TIMESTAMP, progress_percent = 100, lease_token = NULL, lease_owner = NULL, "
                + "lease_expires_at = NULL FROM unnest(?, ?, ?) AS v(id, token, result) "
                + "WHERE jobs.id = v.id AND jobs.lease_token = v.token AND jobs.state = 'RUNNING' "
                + "RETURNING jobs.id, v.token), "
                + "closed AS (UPDATE job_attempts a SET finished_at = CURRENT_TIMESTAMP, outcome = 'COMPLETED', "
                + "error = NULL FROM done WHERE a.job_id = done.id AND a.lease_token = done.token "
                + "AND a.finished_at IS NULL) "
                + "SELECT id FROM done";
        Set<Long> updated = new HashSet<>(template.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            statement.setArray(2, connection.createArrayOf("varchar", tokens));
            statement.setArray(3, connection.createArrayOf("varchar", results.toArray()));
            return statement;
        }, (rs, row) -> rs.getLong(1)));
        var done = new boolean[n];
        for (int i = 0; i < n; i++) {
            done[i] = updated.contains(ids[i]);
        }
        return done;
    }

    void closeAttempt(long id, String token, String outcome, String error) {
        jdbc.sql("UPDATE job_attempts SET finished_at = CURRENT_TIMESTAMP, outcome = ?, error = ? "
                        + "WHERE job_id = ? AND lease_token = ? AND finished_at IS NULL")
                .params(outcome, truncate(error, 4000), id, token).update();
    }

    /** Running jobs whose worker stopped renewing; locked so two reapers never handle the same one. */
    List<Job.Claimed> lockExpired(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", lease_token FROM jobs WHERE state = 'RUNNING' "
                        + "AND lease_expires_at < CURRENT_TIMESTAMP ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit).query((rs, n) -> new Job.Claimed(map(rs), rs.getString("lease_token"))).list();
    }

    boolean setState(long workspaceId, long id, JobState from, JobState to, String extraSet) {
        return jdbc.sql("UPDATE jobs SET state = ?" + (extraSet == null ? "" : ", " + extraSet)
                        + " WHERE workspace_id = ? AND id = ? AND state = ?")
                .params(to.name(), workspaceId, id, from.name()).update() == 1;
    }

    List<Job> page(long workspaceId, JobState state, String kind, Long before, int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspaceId);
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.name());
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind);
        }
        if (before != null) {
            sql.append(" AND id < :before");
            params.put("before", before);
        }
        // unfiltered: workspace_id named too, so H2 walks jobs_workspace backwards instead of sorting every job of
        // the workspace (a filtered page is read by jobs_claim, whose few open rows sort cheaply)
        sql.append(state == null && kind == null ? " ORDER BY workspace_id DESC, id DESC" : " ORDER BY id DESC");
        sql.append(" LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    List<Job.Attempt> attempts(long jobId) {
        return jdbc.sql("SELECT attempt, worker, started_at, finished_at, outcome, error FROM job_attempts "
                        + "WHERE job_id = ? ORDER BY attempt, id")
                .param(jobId).query((rs, n) -> new Job.Attempt(rs.getInt(1), rs.getString(2), instant(rs, 3),
                        instant(rs, 4), rs.getString(5), rs.getString(6))).list();
    }

    /** Among these job ids, the jobs that exist and have not ended (COMPLETED, FAILED or CANCELLED). */
    public Set<Long> unfinished(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM jobs WHERE id IN (:ids) "
                        + "AND state NOT IN ('COMPLETED', 'FAILED', 'CANCELLED')")
                .param("ids", List.copyOf(ids)).query(Long.class).list());
    }

    /** Counts by state and kind; workspace null means all workspaces (metrics). */
    public List<Map<String, Object>> countByStateAndKind(Long workspaceId) {
        String where = workspaceId == null ? "" : " WHERE workspace_id = " + workspaceId.longValue();
        return jdbc.sql("SELECT state, kind, COUNT(*) AS n FROM jobs" + where + " GROUP BY state, kind")
                .query().listOfRows();
    }

    /** Seconds the oldest due job has waited past its run_at (queue lag), 0 when none waits. */
    double oldestDueAgeSeconds() {
        Instant oldest = jdbc.sql("SELECT MIN(run_at) FROM jobs WHERE state IN ('AVAILABLE', 'SCHEDULED', 'RETRYABLE') "
                        + "AND run_at <= CURRENT_TIMESTAMP")
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single().orElse(null);
        Instant now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query((rs, n) -> instant(rs, 1)).single();
        return oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0);
    }

    static Job map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Job(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("kind"),
                JobState.valueOf(rs.getString("state")), rs.getInt("priority"), instant(rs, "run_at"),
                rs.getString("payload"), rs.getString("result"), rs.getString("idempotency_key"), parentId,
                rs.getInt("attempt"), rs.getInt("max_attempts"), rs.getInt("progress_percent"),
                rs.getString("progress_message"), rs.getString("lease_owner"), instant(rs, "lease_expires_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
