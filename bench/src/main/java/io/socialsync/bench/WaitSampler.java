package io.socialsync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * PostgreSQL only, diagnostic: samples what the benchmark's sessions are doing every few milliseconds, from
 * pg_stat_activity on a connection of its own. "Lock:transactionid" or "Lock:tuple" means waiting for another
 * transaction's row lock; "idle in transaction" means PostgreSQL waits for the client (the JVM) mid-transaction.
 */
final class WaitSampler implements AutoCloseable {
    private final Connection connection;
    private final Map<String, Long> counts = new TreeMap<>();
    private final Thread thread;
    private volatile boolean stop;
    private long samples;

    WaitSampler(BenchDatabase db) throws SQLException {
        this.connection = DriverManager.getConnection(db.url, db.user, db.password);
        this.thread = Thread.ofPlatform().daemon().name("bench-wait-sampler").start(this::loop);
    }

    private void loop() {
        String sql = "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()";
        try (var st = connection.prepareStatement(sql)) {
            while (!stop) {
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(1);
                        String type = rs.getString(2);
                        String key;
                        if ("idle".equals(state)) {
                            key = "idle (between transactions)";
                        } else if ("idle in transaction".equals(state)) {
                            key = "idle in transaction (waiting for the JVM)";
                        } else if (type == null) {
                            key = "active, on CPU";
                        } else {
                            key = "active, waiting " + type + ":" + rs.getString(3);
                        }
                        synchronized (counts) {
                            counts.merge(key, 1L, Long::sum);
                        }
                    }
                }
                synchronized (counts) {
                    samples++;
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            if (!stop) {
                System.err.println("wait sampler stopped: " + e);
            }
        }
    }

    /** Average number of sessions in each state over the samples, largest first. */
    String report() {
        synchronized (counts) {
            if (samples == 0) {
                return "(no samples)";
            }
            long n = samples;
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format("%.2f %s", e.getValue() / (double) n, e.getKey()))
                    .collect(Collectors.joining("; ", samples + " samples, avg sessions: ", ""));
        }
    }

    void reset() {
        synchronized (counts) {
            counts.clear();
            samples = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        stop = true;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
