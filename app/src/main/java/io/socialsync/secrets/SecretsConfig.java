package io.socialsync.secrets;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.db.DbTime;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One SecretBox per process; its key is resolved on first use, so tools that never open a secret need none. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfig {
    @Bean
    SecretBox secretBox(SocialSyncProperties properties, DataDirectory dataDir, DbTime db) {
        boolean configured = properties.secretKey() != null && !properties.secretKey().isBlank();
        if (db.postgres() && !configured) {
            // said at startup, not first at the first token write, which would fail with this same reason
            LoggerFactory.getLogger(SecretsConfig.class).warn("SOCIALSYNC_SECRET_KEY is not set: accounts with "
                    + "tokens cannot be saved until every node is given the same key (openssl rand -base64 32)");
        }
        return new SecretBox(() -> SecretKeySource.resolve(properties.secretKey(), dataDir.root(), !db.postgres()));
    }
}
