package io.socialsync.jobs;

import io.socialsync.support.TestDatabases;
import java.nio.file.Path;

class JobClaimH2Test extends JobClaimContract {
    @Override
    TestDatabases.Db database(Path dir) {
        return TestDatabases.freshH2(dir);
    }
}
