package io.socialsync.people;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresPeopleStoreTest extends PeopleStoreContract {
    static final Path DIR = TestDatabases.tempDir("pg-people");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, DB, DIR);
    }
}
