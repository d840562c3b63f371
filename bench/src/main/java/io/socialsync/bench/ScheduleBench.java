package io.socialsync.bench;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.socialsync.publish.scheduling.SchedulerTick;
import io.socialsync.publish.scheduling.SchedulingService;
import io.socialsync.publish.scheduling.When;
import io.socialsync.workspace.Workspaces;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Schedule request cost as one account's history grows, and the tick's cost for a large due set.
 * <p>
 * Two TikTok accounts (Europe/Madrid, default rules: 16–24 window, 30 min gap) get 1k and 100k scheduled posts,
 * one at every full hour of the window, day after day, each of its own clip (as through the API). Each timed request asks for hh:10 of a day in the middle of
 * the account's history: the planner finds hh:00 too close, moves to hh:30 and checks both neighbours again, so
 * every request makes the same single adjustment and the same index probes whatever the history's size. Requests
 * go through {@link SchedulingService#schedule} (checks, planning, near-post warnings, insert, ledger events, one
 * transaction each), alternating between the two accounts so that a change in the machine's load hits both alike.
 * Then 10k posts fall due and one {@link SchedulerTick#tick} moves them (PENDING, a PUBLISH job and a ledger event
 * each). The plans of every per-request lookup and of a calendar page are printed (on PostgreSQL the generic plans
 * of the prepared statements, explained with ANALYZE on the 100k account), and on PostgreSQL pg_stat_statements
 * gives the statements and the server's own time per request and per ticked post. The last line is the summary.
 */
public final class ScheduleBench {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate FIRST_DAY = LocalDate.of(2031, 1, 6);
    private static final int POSTS_PER_DAY = 8; // 16:00 … 23:00
    private static final int HOLES_PER_DAY = 7; // hh:30 between two posts of the same day
    private static final String USAGE = "usage: bench/schedule [--small 1000] [--large 100000] [--requests 300] "
            + "[--warmup 50] [--due 10000] [--db pg|h2|both]\n";

    private ScheduleBench() {
    }

    record Settings(int small, int large, int requests, int warmup, int due, List<String> databases) {
        static Settings parse(String[] args) {
            int small = 1_000;
            int large = 100_000;
            int requests = 300;
            int warmup = 50;
            int due = 10_000;
            String db = "both";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--small" -> small = Integer.parseInt(args[++i]);
                    case "--large" -> large = Integer.parseInt(args[++i]);
                    case "--requests" -> requests = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--due" -> due = Integer.parseInt(args[++i]);
                    case "--db" -> db = args[++i];
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            int needed = (requests + warmup + HOLES_PER_DAY - 1) / HOLES_PER_DAY;
            if (small / POSTS_PER_DAY < 2 * needed) {
                throw new IllegalArgumentException("--small " + small + " is too few posts for " + (requests + warmup)
                        + " requests in the middle of its history (needs " + 2 * needed * POSTS_PER_DAY + ")");
            }
            var dbs = switch (db) {
                case "pg" -> List.of("pg");
                case "h2" -> List.of("h2");
                case "both" -> List.of("pg", "h2");
                default -> throw new IllegalArgumentException("--db must be pg, h2 or both");
            };
            return new Settings(small, large, requests, warmup, due, dbs);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/schedule: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Quiet.logs();
        System.out.printf("schedule bench: small=%d large=%d requests=%d (+%d warm-up) due=%d cpus=%d java=%s "
                        + "load average %s%n", s.small(), s.large(), s.requests(), s.warmup(), s.due(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CpuUse.loadAverage());
        var summary = new StringBuilder("summary:");
        boolean ok = true;
        for (String db : s.databases()) {
            try (var database = db.equals("pg") ? BenchDatabase.postgres("off", true) : BenchDatabase.h2()) {
                var r = run(database, s);
                summary.append(String.format(" %s_ratio=%.2f %s_tick_ms=%d", database.name, r.ratio(), database.name,
                        Math.round(r.tickMillis())));
                ok &= r.verified();
            }
        }
        summary.append(" verified=").append(ok ? "ok" : "FAILED").append(" load_average=")
                .append(CpuUse.loadAverage().replace(' ', '/'));
        System.out.println(summary);
        System.exit(ok ? 0 : 1);
    }

    record Result(double ratio, double tickMillis, boolean verified) {
    }

    private static Result run(BenchDatabase db, Settings s) {
        try (var ctx = db.start("--socialsync.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")) {
            var jdbc = ctx.getBean(JdbcTemplate.class);
            var scheduling = ctx.getBean(SchedulingService.class);
            var accounts = ctx.getBean(SocialAccountService.class);
            long ws = ctx.getBean(Workspaces.class).create("bench").id();
            long small = account(accounts, ws, "small", MADRID);
            long large = account(accounts, ws, "large", MADRID);
            long ticked = account(accounts, ws, "due", ZoneId.of("UTC"));

            long t0 = System.nanoTime();
            long video = video(jdbc, ws);
            seed(jdbc, ws, small, clips(jdbc, ws, s.small()), s.small());
            seed(jdbc, ws, large, clips(jdbc, ws, s.large()), s.large());
            jdbc.execute("ANALYZE");
            System.out.printf("%s: seeded %d + %d posts in %.1fs; load average %s%n", db.name, s.small(), s.large(),
                    (System.nanoTime() - t0) / 1e9, CpuUse.loadAverage());

            int total = s.warmup() + s.requests();
            var smallTargets = targets(s.small(), total);
            var largeTargets = targets(s.large(), total);
            var smallTimes = new double[s.requests()];
            var largeTimes = new double[s.requests()];
            int wrong = 0;
            for (int i = 0; i < total; i++) {
                if (i == s.warmup()) {
                    statements(db, jdbc, 0, null);
                }
                double a = timed(scheduling, jdbc, ws, video, small, smallTargets.get(i));
                double b = timed(scheduling, jdbc, ws, video, large, largeTargets.get(i));
                wrong += a < 0 ? 1 : 0;
                wrong += b < 0 ? 1 : 0;
                if (i >= s.warmup()) {
                    smallTimes[i - s.warmup()] = Math.abs(a);
                    largeTimes[i - s.warmup()] = Math.abs(b);
                }
            }
            double ms = median(smallTimes);
            double ml = median(largeTimes);
            System.out.printf("%s: schedule request, %6d posts on the account: median %.3f ms  p90 %.3f ms  mean %.3f ms%n",
                    db.name, s.small(), ms, percentile(smallTimes, 0.9), mean(smallTimes));
            System.out.printf("%s: schedule request, %6d posts on the account: median %.3f ms  p90 %.3f ms  mean %.3f ms%n",
                    db.name, s.large(), ml, percentile(largeTimes, 0.9), mean(largeTimes));
            System.out.printf("%s: ratio (median, %dk / %dk) %.2f; requests not planned at hh:30 after one adjustment: "
                    + "%d%n", db.name, s.large() / 1000, s.small() / 1000, ml / ms, wrong);
            // each timed request also inserted its clip (one statement, untimed): subtracted here
            statements(db, jdbc, 2 * s.requests(), "schedule request (less the clip insert)");
            explain(db, jdbc, ws, large, clip(jdbc, ws, video), largeTargets.get(total / 2));

            var tick = tick(ctx.getBean(SchedulerTick.class), jdbc, ws, ticked, clips(jdbc, ws, s.due()), s.due(),
                    db.name);
            return new Result(ml / ms, tick.millis(), wrong == 0 && tick.verified());
        }
    }

    /** Milliseconds for one request; negative when its outcome was not the expected single move to hh:30. */
    private static double timed(SchedulingService scheduling, JdbcTemplate jdbc, long ws, long video, long account,
                                ZonedDateTime target) {
        long clip = clip(jdbc, ws, video);
        var request = new ScheduleRequest(String.valueOf(clip), null, Platform.TIKTOK, String.valueOf(account),
                When.parse(target.toOffsetDateTime().toString()), null, "manual", null, null);
        long t = System.nanoTime();
        var outcome = scheduling.schedule(ws, request, Actor.SYSTEM);
        double millis = (System.nanoTime() - t) / 1e6;
        Instant expected = target.withMinute(30).toInstant();
        boolean right = outcome instanceof ScheduleOutcome.Scheduled sc && sc.adjustments().size() == 1
                && sc.publication().scheduledFor().equals(expected);
        return right ? millis : -millis;
    }

    /** hh:10 local on days in the middle of an account's history, one per free hh:30, in order. */
    private static List<ZonedDateTime> targets(int posts, int count) {
        int days = posts / POSTS_PER_DAY;
        int firstDay = days / 2 - (count / HOLES_PER_DAY) / 2;
        List<ZonedDateTime> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = FIRST_DAY.plusDays(firstDay + i / HOLES_PER_DAY);
            out.add(ZonedDateTime.of(day, LocalTime.of(16 + i % HOLES_PER_DAY, 10), MADRID));
        }
        return out;
    }

    /**
     * The SQL of every per-request lookup on publications (the planner's gap checks, the same-content check, the
     * near-post warnings' reads) and of a calendar page, explained on the large account. On PostgreSQL each is
     * PREPAREd and explained under {@code plan_cache_mode = force_generic_plan}: the plan a prepared statement of
     * the pool gets once the driver and the server stop planning per call, which is where a plan that depends on
     * the parameters' values goes wrong. On H2 the values are written into the SQL.
     */
    private static void explain(BenchDatabase db, JdbcTemplate jdbc, long ws, long account, long clip,
                                ZonedDateTime at) {
        String t = "TIMESTAMP WITH TIME ZONE '" + OffsetDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC) + "'";
        String week = "TIMESTAMP WITH TIME ZONE '" + OffsetDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC)
                .plusDays(7) + "'";
        String states = "('SCHEDULED', 'PENDING', 'PUBLISHING', 'POSTED', 'UNCONFIRMED')";
        // the page's accounts (handle, zone) are read after it by primary key (SocialAccounts.labels)
        String calendar = "SELECT p.id, p.clip_id, p.variant_id, p.social_account_id, "
                + "p.platform, p.state, p.scheduled_for, p.window_end, p.publisher, p.external_url FROM publications p "
                + "WHERE p.workspace_id = $1"
                + " AND p.scheduled_for >= $2 AND p.scheduled_for < $3";
        var queries = new java.util.LinkedHashMap<String, java.util.Map.Entry<String, List<String>>>();
        queries.put("neighbour before (gap check)", Map.entry("SELECT id, scheduled_for FROM publications WHERE "
                + "social_account_id = $1 AND scheduled_for <= $2 AND state IN " + states
                + " ORDER BY social_account_id DESC, scheduled_for DESC LIMIT 1", List.of("" + account, t)));
        queries.put("neighbour after (gap check)", Map.entry("SELECT id, scheduled_for FROM publications WHERE "
                + "social_account_id = $1 AND scheduled_for > $2 AND state IN " + states
                + " ORDER BY social_account_id ASC, scheduled_for ASC LIMIT 1", List.of("" + account, t)));
        queries.put("same-content check (Publications.sameContent)", Map.entry("SELECT id FROM publications WHERE "
                + "workspace_id = $1 AND clip_id = $2 AND social_account_id = $3 AND state IN " + states
                + " AND variant_id IS NULL ORDER BY id LIMIT 1",
                List.of("" + ws, "" + clip, "" + account)));
        queries.put("clip's publications (NearPosts: same clip elsewhere)", Map.entry("SELECT id FROM publications "
                + "WHERE workspace_id = $1 AND clip_id = $2 ORDER BY id", List.of("" + ws, "" + clip)));
        queries.put("calendar page (workspace, one week, 50)", Map.entry(calendar
                + " ORDER BY p.workspace_id, p.scheduled_for, p.id LIMIT 50", List.of("" + ws, t, week)));
        queries.put("calendar page (one account, one week, 50)", Map.entry(calendar + " AND p.social_account_id = $4"
                + " ORDER BY p.social_account_id, p.scheduled_for, p.id LIMIT 50", List.of("" + ws, t, week,
                "" + account)));
        for (var q : queries.entrySet()) {
            String sql = q.getValue().getKey();
            List<String> values = q.getValue().getValue();
            List<String> plan;
            if (db.isPostgres()) {
                plan = jdbc.execute((java.sql.Connection c) -> {
                    try (var st = c.createStatement()) {
                        st.execute("SET plan_cache_mode = force_generic_plan");
                        st.execute("PREPARE bench_q AS " + sql);
                        List<String> lines = new ArrayList<>();
                        try (var rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_q("
                                + String.join(", ", values) + ")")) {
                            while (rs.next()) {
                                lines.add(rs.getString(1));
                            }
                        }
                        st.execute("DEALLOCATE bench_q");
                        st.execute("RESET plan_cache_mode");
                        return lines;
                    }
                });
            } else {
                String literal = sql;
                for (int i = values.size(); i >= 1; i--) {
                    literal = literal.replace("$" + i, values.get(i - 1));
                }
                plan = jdbc.query("EXPLAIN ANALYZE " + literal, (rs, n) -> rs.getString(1));
            }
            System.out.printf("%s: plan of the %s, large account%s:%n  %s%n", db.name, q.getKey(),
                    db.isPostgres() ? " (generic plan)" : "", String.join("\n  ", plan).replace("\n", "\n  "));
        }
    }

    /**
     * PostgreSQL only: with {@code label} null, resets pg_stat_statements; otherwise prints the statements per unit
     * and the server's execution time per unit, which shows how much of a request is the database's own work and
     * how much the round trips (each a wake-up of the server process: slow on a loaded machine).
     */
    private static void statements(BenchDatabase db, JdbcTemplate jdbc, int units, String label) {
        statements(jdbc, units, label, db.isPostgres());
    }

    private static void statements(JdbcTemplate jdbc, int units, String label, boolean postgres) {
        if (!postgres) {
            return;
        }
        if (label == null) {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForList("SELECT pg_stat_statements_reset()");
            return;
        }
        String mine = " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE "
                + "'INSERT INTO clips%' AND query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')";
        var totals = jdbc.queryForMap("SELECT COALESCE(SUM(calls), 0) AS calls, "
                + "COALESCE(SUM(total_exec_time + total_plan_time), 0) AS ms" + mine);
        double calls = ((Number) totals.get("calls")).doubleValue();
        double ms = ((Number) totals.get("ms")).doubleValue();
        System.out.printf("postgres: %s: %.1f statements (besides BEGIN/COMMIT), %.3f ms of server execution "
                + "and planning%n", label, calls / units, ms / units);
        for (var r : jdbc.queryForList("SELECT calls, total_exec_time AS ms, query" + mine
                + " ORDER BY total_exec_time DESC LIMIT 4")) {
            String query = String.valueOf(r.get("query")).replaceAll("\\s+", " ");
            System.out.printf("  %.2f/unit %.3f ms/unit  %s%n", ((Number) r.get("calls")).doubleValue() / units,
                    ((Number) r.get("ms")).doubleValue() / units, query.substring(0, Math.min(Integer.getInteger("bench.sql", 110), query.length())));
        }
    }

    record Tick(double millis, boolean verified) {
    }

    private static Tick tick(SchedulerTick tick, JdbcTemplate jdbc, long ws, long account, long[] clips, int due,
                             String db) {
        Instant now = Instant.now();
        insert(jdbc, ws, account, clips, due, k -> now.minusSeconds(86_400).plusSeconds(k), "UTC");
        jdbc.execute("ANALYZE");
        statements(jdbc, 0, null, db.equals("postgres"));
        long t = System.nanoTime();
        var result = tick.tick(null, false, Actor.SYSTEM);
        double millis = (System.nanoTime() - t) / 1e6;
        statements(jdbc, due, "tick, per post moved", db.equals("postgres"));
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM publications WHERE social_account_id = ? "
                + "AND state = 'PENDING' AND job_id IS NOT NULL", Integer.class, account);
        Integer jobs = jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE kind = 'PUBLISH'", Integer.class);
        boolean verified = result.moved() == due && pending == due && jobs == due;
        System.out.printf("%s: tick moved %d due posts (each: PENDING, a PUBLISH job, a ledger event) in %.0f ms, "
                        + "%.3f ms per post; %d pending with a job, %d PUBLISH jobs; load average %s%n", db,
                result.moved(), millis, millis / Math.max(1, result.moved()), pending, jobs, CpuUse.loadAverage());
        return new Tick(millis, verified);
    }

    /** {@code n} scheduled posts at every full hour of the 16–24 window, day after day from FIRST_DAY. */
    private static void seed(JdbcTemplate jdbc, long ws, long account, long[] clips, int n) {
        insert(jdbc, ws, account, clips, n, k -> ZonedDateTime.of(FIRST_DAY.plusDays(k / POSTS_PER_DAY),
                LocalTime.of(16 + k % POSTS_PER_DAY, 0), MADRID).toInstant(), "Europe/Madrid");
    }

    private static void insert(JdbcTemplate jdbc, long ws, long account, long[] clips, int n,
                               java.util.function.IntFunction<Instant> slot, String zone) {
        String sql = "INSERT INTO publications (workspace_id, clip_id, social_account_id, platform, state, "
                + "scheduled_for, window_end, rules_version, scheduled_by, created_at, updated_at) "
                + "VALUES (?, ?, ?, 'tiktok', 'SCHEDULED', ?, ?, 0, 'manual', ?, ?)";
        var created = OffsetDateTime.now(ZoneOffset.UTC);
        int batch = 5_000;
        for (int done = 0; done < n; done += batch) {
            int from = done;
            int count = Math.min(batch, n - done);
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Instant at = slot.apply(from + i);
                    ps.setLong(1, ws);
                    ps.setLong(2, clips[from + i]);
                    ps.setLong(3, account);
                    ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setObject(5, at.atZone(ZoneId.of(zone)).toLocalDate().plusDays(1).atStartOfDay(ZoneId.of(zone))
                            .toOffsetDateTime());
                    ps.setObject(6, created);
                    ps.setObject(7, created);
                }

                public int getBatchSize() {
                    return count;
                }
            });
        }
    }

    /**
     * {@code n} clips of a fresh video: one per seeded post, as through the API (a clip posts once per account).
     * One clip for every seeded post would also skew the statistics: PostgreSQL would then think {@code clip_id = ?}
     * matches half the table and plan the per-clip lookups as walks of the primary key.
     */
    private static long[] clips(JdbcTemplate jdbc, long ws, int n) {
        long video = video(jdbc, ws);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        int batch = 5_000;
        for (int done = 0; done < n; done += batch) {
            int count = Math.min(batch, n - done);
            jdbc.batchUpdate("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
                    + "reason, created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'bench clip', ?)",
                    new BatchPreparedStatementSetter() {
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            ps.setLong(1, ws);
                            ps.setLong(2, video);
                            ps.setObject(3, now);
                        }

                        public int getBatchSize() {
                            return count;
                        }
                    });
        }
        return jdbc.queryForList("SELECT id FROM clips WHERE video_id = ? ORDER BY id", Long.class, video).stream()
                .mapToLong(Long::longValue).toArray();
    }

    private static long account(SocialAccountService accounts, long ws, String handle, ZoneId zone) {
        return accounts.create(ws, Platform.TIKTOK, new AccountChanges(handle, Map.of(), zone, "token", null, null,
                null), Actor.SYSTEM).id();
    }

    private static long video(JdbcTemplate jdbc, long ws) {
        var keys = new GeneratedKeyHolder();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, "
                    + "state, created_at, updated_at) VALUES (?, 'UPLOAD', 'videos/bench.mp4', 1, ?, 'READY', ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, ws);
            ps.setString(2, (java.util.UUID.randomUUID() + "" + java.util.UUID.randomUUID()).replace("-", ""));
            ps.setObject(3, now);
            ps.setObject(4, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static long clip(JdbcTemplate jdbc, long ws, long video) {
        var keys = new GeneratedKeyHolder();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, "
                    + "sub_scores, reason, created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'bench clip', ?)",
                    new String[] {"id"});
            ps.setLong(1, ws);
            ps.setLong(2, video);
            ps.setObject(3, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
