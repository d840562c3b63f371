package io.socialsync.bench;

import io.socialsync.SocialSyncApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A throwaway database for one measurement: embedded PostgreSQL, or an H2 file in a temp directory. */
final class BenchDatabase implements AutoCloseable {
    final String name;
    final String url;
    final String user;
    final String password;
    final Path dataDir;
    private final EmbeddedPostgres postgres;

    private BenchDatabase(String name, String url, String user, String password, Path dataDir,
                          EmbeddedPostgres postgres) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    static BenchDatabase postgres(String synchronousCommit, boolean statementStats) throws IOException {
        Path dir = Files.createTempDirectory("socialsync-bench-pg-");
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD);
        if (statementStats) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        var pg = builder.start();
        return new BenchDatabase("postgres", pg.getJdbcUrl("postgres", "postgres"), "postgres", "", dir, pg);
    }

    /** Same URL options as application.yml. */
    static BenchDatabase h2() throws IOException {
        Path dir = Files.createTempDirectory("socialsync-bench-h2-");
        String url = "jdbc:h2:file:" + dir.resolve("db/socialsync").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        return new BenchDatabase("h2", url, "sa", "", dir, null);
    }

    /** The application on this database: no web server, no roles, quiet; {@code extra} are more {@code --k=v}. */
    ConfigurableApplicationContext start(String... extra) {
        return start(WebApplicationType.NONE, extra);
    }

    /** The same with the HTTP server ({@code SERVLET}, its port among {@code extra}) for benches of pages. */
    ConfigurableApplicationContext start(WebApplicationType web, String... extra) {
        var props = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--socialsync.data-dir=" + dataDir.resolve("data"),
                "--socialsync.roles.workers=false", "--socialsync.roles.scheduler=false", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (postgres != null) { // a shared database needs the key from outside (token sealing, the ledger's MACs)
            props.add("--socialsync.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        }
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(SocialSyncApplication.class).web(web)
                .logStartupInfo(false).run(props.toArray(String[]::new));
    }

    boolean isPostgres() {
        return postgres != null;
    }

    /** The embedded PostgreSQL data directory, null for H2. */
    Path pgData() {
        return postgres == null ? null : dataDir.resolve("pgdata");
    }

    int postgresPort() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
