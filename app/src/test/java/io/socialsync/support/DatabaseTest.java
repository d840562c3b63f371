package io.socialsync.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at one real database and a data directory of its own. */
public final class DatabaseTest {
    private DatabaseTest() {
    }

    public static void register(DynamicPropertyRegistry registry, TestDatabases.Db db, Path dataDir) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("socialsync.data-dir", dataDir::toString);
        if (db.url().startsWith("jdbc:postgresql:")) {
            registry.add("socialsync.secret-key", () -> TestDatabases.SECRET_KEY);
        }
    }
}
