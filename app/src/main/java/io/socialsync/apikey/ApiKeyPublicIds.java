package io.socialsync.apikey;

import java.sql.ResultSet;
import java.util.ArrayList;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V15: a random public id for every key created before V14 (the id cannot be derived from anything stored:
 * the hash of a weak operator-supplied key would let anyone who reads a listing test guesses offline). A bean, so
 * Spring Boot hands it to Flyway; no classpath scanning of nested jars.
 */
@Component
public class ApiKeyPublicIds implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("15");
    }

    @Override
    public String getDescription() {
        return "api key public ids";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        var ids = new ArrayList<Long>();
        try (var select = connection.prepareStatement("SELECT id FROM api_keys WHERE public_id IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (var update = connection.prepareStatement("UPDATE api_keys SET public_id = ? WHERE id = ?")) {
            for (long id : ids) {
                update.setString(1, KeyMaterial.publicId());
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
