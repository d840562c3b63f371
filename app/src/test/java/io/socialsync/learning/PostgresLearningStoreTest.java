package io.socialsync.learning;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresLearningStoreTest extends LearningStoreContract {
    static final Path DIR = TestDatabases.tempDir("pg-learning");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, DB, DIR);
    }
}
