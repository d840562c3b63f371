package io.socialsync.campaigns;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2CampaignStoreTest extends CampaignStoreContract {
    static final Path DIR = TestDatabases.tempDir("h2-campaigns");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DIR), DIR);
    }
}
