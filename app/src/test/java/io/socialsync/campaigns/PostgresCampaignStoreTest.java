package io.socialsync.campaigns;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresCampaignStoreTest extends CampaignStoreContract {
    static final Path DIR = TestDatabases.tempDir("pg-campaigns");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, DB, DIR);
    }
}
