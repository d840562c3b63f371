package io.socialsync.support;

import io.socialsync.apikey.BootstrapAdminKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on a random port over an H2 file database; {@link #admin} holds the bootstrap key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms",
        // tests poll the API while jobs run and try bad keys; RateLimitTest and web/EdgeServerTest set low limits
        "socialsync.rate-limit.requests-per-minute=100000", "socialsync.http.auth-throttle.max-failures=100000"})
public abstract class ServerTest {
    protected static final Path DATA = TestDatabases.tempDir("server-test");
    @LocalServerPort
    protected int port;
    protected Api admin;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DATA), DATA);
        // a known port, so signed file links (built from the public URL) point back at this server
        int port = freePort();
        registry.add("server.port", () -> port);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + port);
    }

    /** A port nothing listens on now, for a server whose address must be known before it starts. */
    public static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void adminClient() {
        admin = new Api("http://localhost:" + port, bootstrapKey());
        ContractValidation.load(admin.baseUrl()); // before the test: reading the document takes seconds
    }

    protected static String bootstrapKey() {
        try {
            return Files.readString(DATA.resolve(BootstrapAdminKey.FILE_NAME)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key of a brand-new workspace, for isolation checks. */
    protected Api otherWorkspace(io.socialsync.workspace.Workspaces workspaces,
                                 io.socialsync.apikey.ApiKeyService keys) {
        long ws = workspaces.create("other-" + java.util.UUID.randomUUID()).id();
        var created = keys.create(ws, "other", io.socialsync.web.Role.ADMIN, io.socialsync.ledger.Actor.SYSTEM);
        return admin.withKey(created.plainKey());
    }
}
