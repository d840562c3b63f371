package io.socialsync.support;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ServerTest} with a clock the test moves ({@link #clock}) and the automatic scheduler tick off, so a test
 * decides when due work moves. Subclasses share one context; each test makes its own workspace ({@link #newWorkspace}).
 */
@TestPropertySource(properties = "socialsync.roles.scheduler=false")
@Import(ClockedServerTest.Clocks.class)
public abstract class ClockedServerTest extends ServerTest {
    public static final Instant START = Instant.parse("2030-01-07T08:00:00Z");
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Workspaces workspaces;
    @Autowired
    protected ApiKeyService keys;

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    /** A client of a brand-new workspace with a key of {@code role}. */
    protected Workspace newWorkspace(Role role) {
        long ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        return new Workspace(ws, admin.withKey(keys.create(ws, "test", role, Actor.SYSTEM).plainKey()));
    }

    protected Api keyFor(long workspaceId, Role role) {
        return admin.withKey(keys.create(workspaceId, role.wire(), role, Actor.SYSTEM).plainKey());
    }

    public record Workspace(long id, Api api) {
    }
}
