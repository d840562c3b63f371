package io.socialsync.accounts.connect;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Also needs a secret key: with PostgreSQL, SecretBox never generates one of its own. */
class PostgresConnectStoreTest extends ConnectStoreContract {
    static final Path DIR = TestDatabases.tempDir("pg-connect");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, DB, DIR);
        registry.add("socialsync.secret-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }
}
