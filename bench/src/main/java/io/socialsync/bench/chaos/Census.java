package io.socialsync.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The counts after the drain, from the database, the fake platform and the nodes' disks. */
final class Census {
    private static final String LOCK = ".lock";
    private Census() {
    }

    /** Jobs that are due but not finished: work accepted and never done. Future runs (insights at +1 h) are not. */
    static long dueUnfinished(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM jobs WHERE state NOT IN ('COMPLETED', 'FAILED', 'CANCELLED', 'RUNNING') "
                + "AND run_at <= CURRENT_TIMESTAMP");
    }

    /** Publications still waiting for the tick two minutes after they fell due. */
    static long overdue(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM publications WHERE state = 'SCHEDULED' "
                + "AND scheduled_for < CURRENT_TIMESTAMP - INTERVAL '2 minutes'");
    }

    /** Of the videos whose upload was answered with an id, those the database does not hold. */
    static long missingVideos(Connection c, Collection<Long> accepted) throws SQLException {
        long missing = 0;
        try (var s = c.prepareStatement("SELECT count(*) FROM videos WHERE id = ?")) {
            for (long id : accepted) {
                s.setLong(1, id);
                try (var r = s.executeQuery()) {
                    r.next();
                    missing += r.getLong(1) == 0 ? 1 : 0;
                }
            }
        }
        return missing;
    }

    /** Jobs with two successful runs, and clips with two variants for the one variant the workload asked for. */
    static long completedTwice(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM (SELECT job_id FROM job_attempts WHERE outcome = 'COMPLETED' "
                + "GROUP BY job_id HAVING count(*) > 1) t")
                + count(c, "SELECT count(*) FROM (SELECT clip_id FROM variants GROUP BY clip_id HAVING count(*) > 1) t")
                + count(c, "SELECT count(*) FROM (SELECT sha256 FROM videos GROUP BY workspace_id, sha256 "
                + "HAVING count(*) > 1) t");
    }

    /** Rows left in a running state: jobs, open attempts, videos, variants, publications. */
    static Map<String, Long> stuck(Connection c) throws SQLException {
        var m = new LinkedHashMap<String, Long>();
        m.put("jobs RUNNING", count(c, "SELECT count(*) FROM jobs WHERE state = 'RUNNING'"));
        m.put("attempts open", count(c, "SELECT count(*) FROM job_attempts WHERE finished_at IS NULL"));
        m.put("videos RECEIVED/ANALYSING", count(c, "SELECT count(*) FROM videos WHERE state IN ('RECEIVED', 'ANALYSING')"));
        m.put("variants PENDING", count(c, "SELECT count(*) FROM variants WHERE state = 'PENDING'"));
        m.put("publications PENDING/PUBLISHING", count(c, "SELECT count(*) FROM publications "
                + "WHERE state IN ('PENDING', 'PUBLISHING')"));
        return m;
    }

    /** Jobs by kind and state, for the record. */
    static List<String> jobTable(Connection c) throws SQLException {
        var rows = new ArrayList<String>();
        try (var s = c.createStatement(); var r = s.executeQuery("SELECT kind, state, count(*), sum(attempt) FROM jobs "
                + "GROUP BY kind, state ORDER BY kind, state")) {
            while (r.next()) {
                rows.add(String.format("%-18s %-10s %4d jobs, %4d attempts", r.getString(1), r.getString(2),
                        r.getLong(3), r.getLong(4)));
            }
        }
        try (var s = c.createStatement(); var r = s.executeQuery("SELECT outcome, count(*) FROM job_attempts "
                + "GROUP BY outcome ORDER BY outcome")) {
            var outcomes = new ArrayList<String>();
            while (r.next()) {
                outcomes.add(r.getString(1) + "=" + r.getLong(2));
            }
            rows.add("attempts by outcome: " + String.join(" ", outcomes));
        }
        return rows;
    }

    /** Posts on the fake platform per caption beyond the first. */
    static long publishedTwice(Collection<FakeInstagram.Reel> reels) {
        return reels.stream().collect(Collectors.groupingBy(FakeInstagram.Reel::caption, Collectors.counting()))
                .values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Publications SocialSync calls posted that the platform does not hold under that id. */
    static long postedButMissing(Connection c, Collection<FakeInstagram.Reel> reels) throws SQLException {
        Map<String, FakeInstagram.Reel> byId = reels.stream()
                .collect(Collectors.toMap(FakeInstagram.Reel::id, Function.identity()));
        long missing = 0;
        try (var s = c.createStatement(); var r = s.executeQuery("SELECT external_id FROM publications "
                + "WHERE state = 'POSTED'")) {
            while (r.next()) {
                if (!byId.containsKey(r.getString(1))) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /**
     * What nodes left behind once no job runs: anything under a work directory (files, and job directories even
     * empty), any file in a JVM temp directory (Tomcat's own empty directories there belong to the live API node),
     * and {@code .tmp}/{@code .part} leftovers anywhere in a data dir or in the object store's directory.
     */
    static List<Path> leaked(Collection<Path> dataDirs, Path blobs) throws IOException {
        var found = new ArrayList<Path>();
        for (Path dir : dataDirs) {
            Path work = dir.resolve("work");
            Path tmp = dir.resolve("tmp");
            var live = liveOwned(work);
            found.addAll(files(work, p -> !live.contains(p)
                    && !(live.contains(p.getParent()) && p.getFileName().toString().equals(LOCK))));
            found.addAll(files(tmp, Files::isRegularFile));
            found.addAll(files(dir, p -> leftover(p) && !p.startsWith(work) && !p.startsWith(tmp)));
        }
        found.addAll(files(blobs, Census::leftover));
        return found;
    }

    /**
     * Work directories that belong to a running process: {@code <work>/<id>/} holding a {@code .lock} whose note
     * ({@code pid=… command=…}) names a live pid. Their lock file, and the directory while it holds nothing
     * else, are the node's own; anything else in them after the drain is a leak.
     */
    private static java.util.Set<Path> liveOwned(Path work) throws IOException {
        var live = new java.util.HashSet<Path>();
        if (!Files.isDirectory(work)) {
            return live;
        }
        try (var dirs = Files.list(work)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path lock = dir.resolve(LOCK);
                if (!Files.isRegularFile(lock)) {
                    continue;
                }
                var pid = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(Files.readString(lock));
                if (pid.find() && ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    live.add(dir);
                }
            }
        }
        return live;
    }

    private static boolean leftover(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".tmp") || name.endsWith(".part") || name.contains(".part.");
    }

    private static List<Path> files(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).filter(p -> Files.isRegularFile(p) || isEmptyDir(p))
                    .filter(keep).toList();
        }
    }

    /** An empty directory left in a work dir is a leak too (a job's work directory that was never removed). */
    private static boolean isEmptyDir(Path p) {
        try (var entries = Files.list(p)) {
            return Files.isDirectory(p) && entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
