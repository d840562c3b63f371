package io.socialsync.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestDatabases;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A key created before V14 (listed by its first characters) comes out of the upgrade with a public id and works. */
class ApiKeyPublicIdMigrationTest {

    static Stream<TestDatabases.Db> databases() {
        return Stream.of(TestDatabases.freshH2(TestDatabases.tempDir("apikey-migration")),
                TestDatabases.freshPostgres());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOldKeyGetsARandomPublicIdAndStillAuthenticates(TestDatabases.Db db) {
        var dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        flyway(dataSource).target("13").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO workspaces (name, created_at) VALUES ('default', CURRENT_TIMESTAMP)").update();
        String plain = "operator-chosen-admin-key-0001";
        for (String name : new String[] {"first", "second"}) {
            jdbc.sql("INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role, created_at) "
                            + "VALUES (1, ?, ?, ?, 'ADMIN', CURRENT_TIMESTAMP)")
                    .params(name, plain.substring(0, 10), KeyMaterial.hash(plain + name)).update();
        }

        flyway(dataSource).javaMigrations(new ApiKeyPublicIds()).load().migrate();

        var keys = new ApiKeys(jdbc).list(1);
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k.publicId()).matches("key_[0-9a-f]{16}"));
        assertThat(keys.get(0).publicId()).isNotEqualTo(keys.get(1).publicId());
        assertThat(new ApiKeys(jdbc).activeByHash(KeyMaterial.hash(plain + "first"))).get()
                .extracting(ApiKey::name).isEqualTo("first");
        var columns = jdbc.sql("SELECT * FROM api_keys").query().listOfRows().getFirst().keySet();
        assertThat(columns).map(String::toLowerCase).doesNotContain("prefix");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    }
}
