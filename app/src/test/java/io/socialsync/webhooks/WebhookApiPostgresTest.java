package io.socialsync.webhooks;

import io.socialsync.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scenarios on PostgreSQL: the webhook SQL must run unchanged on both databases. */
class WebhookApiPostgresTest extends WebhookApiTest {
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", DB::password);
        // shared databases need the key from the environment (tokens, webhook secrets, the ledger's MACs)
        registry.add("socialsync.secret-key", () -> TestDatabases.SECRET_KEY);
    }
}
