package io.socialsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The fan-out's endpoints are read once per transaction: what the transaction itself changes is never missed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
class WebhookEndpointsCacheTest {
    static final Path DIR = TestDatabases.tempDir("webhook-cache");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DIR), DIR);
    }

    @Autowired WebhookEndpoints endpoints;
    @Autowired Workspaces workspaces;
    @Autowired TransactionTemplate tx;

    @Test
    void anEndpointMadeOrDeactivatedInTheTransactionIsSeenByItsLaterEvents() {
        long ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        tx.executeWithoutResult(s -> {
            assertThat(endpoints.active(ws)).isEmpty();
            var made = endpoints.insert(ws, "https://example.com/hook", "sealed", List.of("*"), Instant.now());
            assertThat(endpoints.active(ws)).extracting(WebhookEndpoint::id).containsExactly(made.id());
            assertThat(endpoints.deactivate(ws, made.id())).isTrue();
            assertThat(endpoints.active(ws)).isEmpty();
        });
    }

    @Test
    void eachTransactionReadsAfresh() {
        long ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        tx.executeWithoutResult(s -> assertThat(endpoints.active(ws)).isEmpty());
        var made = tx.execute(s -> endpoints.insert(ws, "https://example.com/hook", "sealed", List.of("*"),
                Instant.now()));
        tx.executeWithoutResult(s -> assertThat(endpoints.active(ws)).extracting(WebhookEndpoint::id)
                .containsExactly(made.id()));
        assertThat(endpoints.active(ws)).hasSize(1); // outside a transaction: read every time, kept nowhere
    }
}
