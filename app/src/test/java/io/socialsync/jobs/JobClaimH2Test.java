package io.socialsync.jobs;

import java.nio.file.Path;

class JobClaimH2Test extends JobClaimContract {
    @Override
    String[] startDatabase(Path dir) {
        return new String[] {"jdbc:h2:file:" + dir.resolve("db/socialsync").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000", "sa", ""};
    }

    @Override
    void stopDatabase() {
    }
}
