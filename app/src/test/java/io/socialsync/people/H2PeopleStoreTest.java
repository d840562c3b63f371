package io.socialsync.people;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2PeopleStoreTest extends PeopleStoreContract {
    static final Path DIR = TestDatabases.tempDir("h2-people");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DIR), DIR);
    }
}
