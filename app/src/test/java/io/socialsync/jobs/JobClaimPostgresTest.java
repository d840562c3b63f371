package io.socialsync.jobs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

class JobClaimPostgresTest extends JobClaimContract {
    private EmbeddedPostgres postgres;

    @Override
    String[] startDatabase(Path dir) throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start();
        return new String[] {postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""};
    }

    @Override
    void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
