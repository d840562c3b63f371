package io.socialsync.bench.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Embedded PostgreSQL on a fixed port and data directory, so that it can be stopped (a fast shutdown: open
 * connections are cut, as in a crash or a failover) and started again where the nodes expect it.
 */
final class ChaosPostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    ChaosPostgres(Path dataDir, int port) throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        start();
    }

    private void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Down for {@code downMillis}, then up again on the same port with the same data. */
    synchronized void restart(long downMillis) throws IOException, InterruptedException {
        postgres.close();
        postgres = null;
        Thread.sleep(downMillis);
        start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    synchronized Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
