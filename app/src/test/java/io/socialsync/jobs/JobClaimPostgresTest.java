package io.socialsync.jobs;

import io.socialsync.support.TestDatabases;
import java.nio.file.Path;

class JobClaimPostgresTest extends JobClaimContract {
    @Override
    TestDatabases.Db database(Path dir) {
        return TestDatabases.freshPostgres(); // the JVM's shared embedded PostgreSQL, a database of its own
    }
}
