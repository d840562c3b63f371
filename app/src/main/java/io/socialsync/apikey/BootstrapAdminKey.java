package io.socialsync.apikey;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.Ledger;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start on an empty database: the default workspace and an admin key. The key comes from
 * SOCIALSYNC_BOOTSTRAP_API_KEY, or is generated and written owner-only to the data directory. Never logged.
 */
@Component
public class BootstrapAdminKey implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    public static final String FILE_NAME = "bootstrap-admin-key";
    private final Workspaces workspaces;
    private final ApiKeyService apiKeys;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final SocialSyncProperties properties;
    private final DataDirectory dataDir;

    public BootstrapAdminKey(Workspaces workspaces, ApiKeyService apiKeys, Ledger ledger, TransactionTemplate tx,
                             SocialSyncProperties properties, DataDirectory dataDir) {
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
        this.ledger = ledger;
        this.tx = tx;
        this.properties = properties;
        this.dataDir = dataDir;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            // the ledger head lock serialises nodes that start together on one empty database
            ledger.lockHead();
            if (workspaces.count() > 0) {
                return;
            }
            Workspace ws = workspaces.create(Workspace.DEFAULT_NAME);
            String supplied = properties.bootstrapApiKey();
            if (supplied != null && !supplied.isBlank()) {
                apiKeys.createWithKey(ws.id(), "bootstrap admin", Role.ADMIN, supplied.trim(), Actor.SYSTEM);
                log.info("Created workspace '{}' with the admin key from SOCIALSYNC_BOOTSTRAP_API_KEY", ws.name());
            } else {
                var created = apiKeys.create(ws.id(), "bootstrap admin", Role.ADMIN, Actor.SYSTEM);
                Path file = writeOwnerOnly(created.plainKey());
                log.info("Created workspace '{}'; its admin API key is in {}", ws.name(), file);
            }
        });
    }

    private Path writeOwnerOnly(String key) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin key to " + file, e);
        }
    }
}
